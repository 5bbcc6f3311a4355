import { describe, expect, it, vi } from 'vitest';
import { connectLive } from '../../../src/panel/live';
import { createPanelStore } from '../../../src/panel/store';
import { blockedTrailingSlash, rowsOf, simple, snapshot } from './fixtures';
import { fakeBackground } from './fake-background';

/** Runs scheduled reconnects at once, recording the delays asked for. */
function manualTimers() {
  const delays: number[] = [];
  const queue: (() => void)[] = [];
  return {
    delays,
    timers: { set: (fn: () => void, ms: number) => { delays.push(ms); queue.push(fn); return queue.length; }, clear: () => undefined },
    runNext: () => queue.shift()?.(),
    pending: () => queue.length,
  };
}

describe('connectLive', () => {
  it('shows the snapshot, then the upserts of the port', async () => {
    const bg = fakeBackground(snapshot([simple('a', 1)]));
    const store = createPanelStore();
    connectLive({ conn: bg.conn, tabId: 7, store });
    await vi.waitFor(() => expect(store.live.value.map((r) => r.id)).toEqual(['a']));
    bg.push('upsert', { rows: rowsOf([blockedTrailingSlash('b', 2)]), summary: bg.state.snapshot.summary });
    await vi.waitFor(() => expect(store.live.value.map((r) => r.id)).toEqual(['a', 'b']));
  });

  it('reconnects with growing delays when the worker goes away, and the new snapshot replaces the state', async () => {
    const bg = fakeBackground(snapshot([simple('a', 1)]));
    const store = createPanelStore();
    const t = manualTimers();
    connectLive({ conn: bg.conn, tabId: 7, store, timers: t.timers, backoff: { initial: 100, max: 400 } });
    await vi.waitFor(() => expect(store.connection.value.state).toBe('live'));

    // The worker stops: port closes; the next two attempts fail (worker still starting).
    bg.state.snapshot = snapshot([simple('a', 1), blockedTrailingSlash('b', 2)]);
    bg.failNextOpens.count = 3;
    bg.ports[0]!.close();
    await vi.waitFor(() => expect(store.connection.value.state).toBe('reconnecting'));
    t.runNext();
    t.runNext();
    t.runNext();
    t.runNext();
    await vi.waitFor(() => expect(store.connection.value.state).toBe('live'));
    expect(t.delays).toEqual([100, 200, 400, 400]);
    expect(store.live.value.map((r) => r.id)).toEqual(['a', 'b']);
    expect(bg.ports).toHaveLength(2);

    // After a good snapshot the backoff starts again from the initial delay.
    bg.ports[1]!.close();
    await vi.waitFor(() => expect(t.pending()).toBe(1));
    expect(t.delays.at(-1)).toBe(100);
  });

  it('says so, and stops trying, when the extension was reloaded', async () => {
    const bg = fakeBackground(snapshot([]));
    bg.failNextOpens = { count: 1, error: new Error('Extension context invalidated.') };
    const store = createPanelStore();
    const t = manualTimers();
    connectLive({ conn: bg.conn, tabId: 7, store, timers: t.timers });
    expect(store.connection.value).toMatchObject({ state: 'failed' });
    expect(t.pending()).toBe(0);
  });

  it('stop() closes the port and cancels reconnection', async () => {
    const bg = fakeBackground(snapshot([simple('a', 1)]));
    const store = createPanelStore();
    const t = manualTimers();
    const live = connectLive({ conn: bg.conn, tabId: 7, store, timers: t.timers });
    await vi.waitFor(() => expect(store.connection.value.state).toBe('live'));
    live.stop();
    await Promise.resolve();
    await Promise.resolve();
    expect(t.pending()).toBe(0);
  });
});
