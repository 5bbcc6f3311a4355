/**
 * Keeps the panel attached to its tab's live port. The service worker may stop at any time, which
 * closes the port: reconnect with backoff; the first message on the new port is a snapshot that
 * replaces the state, so nothing is duplicated or lost.
 */
import type { BackgroundConnection, EventSource } from '../shared/transport';
import { applyPortMessage } from './apply-message';
import type { PanelStore } from './store';
import { m } from '../core';

interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

interface LiveOptions {
  conn: BackgroundConnection;
  tabId: number;
  store: PanelStore;
  /** First retry delay and the cap, in ms. */
  backoff?: { initial: number; max: number };
  timers?: Timers;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The extension was reloaded or removed: this page can never talk to a background again. */
const isContextGone = (err: unknown) => /context invalidated|extension context/i.test(String(err instanceof Error ? err.message : err));

export function connectLive({ conn, tabId, store, backoff = { initial: 100, max: 5000 }, timers = realTimers }: LiveOptions) {
  let source: EventSource | null = null;
  let attempt = 0;
  let timer: unknown = null;
  let stopped = false;

  const retry = () => {
    if (stopped) return;
    const inMs = Math.min(backoff.max, backoff.initial * 2 ** attempt);
    attempt++;
    store.connection.value = { state: 'reconnecting', attempt, inMs };
    timer = timers.set(() => { timer = null; open(); }, inMs);
  };

  const open = () => {
    if (stopped) return;
    try {
      source = conn.openTab(tabId);
    } catch (err) {
      if (isContextGone(err)) {
        store.connection.value = { state: 'failed', message: m('panel_conn_reloaded') };
        return;
      }
      retry();
      return;
    }
    const mine = source;
    mine.listen((message) => {
      if (message.name === 'snapshot') attempt = 0;
      applyPortMessage(store, message);
    });
    mine.onClose(() => {
      if (source === mine) source = null;
      retry();
    });
  };

  store.connection.value = { state: 'connecting' };
  open();

  return {
    stop() {
      stopped = true;
      if (timer !== null) timers.clear(timer);
      source?.close();
      source = null;
    },
  };
}
