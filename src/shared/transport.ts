/**
 * A message transport behind a tiny interface, so the background session and the pages can run
 * together in one process in tests (loopback) and over `runtime.Port` in the extension.
 */
import type {
  PortEventName, PortEvents, PortMessage, RequestMessage, RequestName, Requests,
} from './protocol';
import { PROTOCOL_VERSION } from './protocol';

interface Transport<Out, In> {
  send(message: Out): void;
  /** Returns a function that removes the handler. */
  listen(handler: (message: In) => void): () => void;
  /** Called once when the other side goes away (worker stopped, page closed). */
  onClose(handler: () => void): () => void;
  close(): void;
}

/** The background's side of one tab port: it only sends events. */
export type EventSink = Transport<PortMessage, never>;
/** A page's side of one tab port: it only receives events. */
export type EventSource = Transport<never, PortMessage>;

/** How a page talks to the background: one-shot requests plus a live port per tab. */
export interface BackgroundConnection {
  request<K extends RequestName>(name: K, payload: Requests[K]['payload']): Promise<Requests[K]['result']>;
  /** Opens the live event stream of a tab. */
  openTab(tabId: number): EventSource;
}

export const portMessage = <K extends PortEventName>(name: K, payload: PortEvents[K]): PortMessage<K> => ({
  v: PROTOCOL_VERSION,
  name,
  payload,
});

export const requestMessage = <K extends RequestName>(name: K, payload: Requests[K]['payload']): RequestMessage<K> => ({
  v: PROTOCOL_VERSION,
  name,
  payload,
});

/** Two connected in-memory ends. Delivery is asynchronous (a microtask), like a real port. */
export function loopback<A, B>(): [Transport<A, B>, Transport<B, A>] {
  type End<O, I> = Transport<O, I> & { deliver(m: I): void; closed(): void };
  function end<O, I>(peer: () => End<I, O>): End<O, I> {
    const handlers = new Set<(m: I) => void>();
    const closers = new Set<() => void>();
    let open = true;
    return {
      send(m) {
        if (!open) throw new Error('Attempting to use a disconnected port object');
        const copy = structuredClone(m);
        queueMicrotask(() => peer().deliver(copy));
      },
      listen(h) { handlers.add(h); return () => handlers.delete(h); },
      onClose(h) { closers.add(h); return () => closers.delete(h); },
      close() {
        if (!open) return;
        open = false;
        queueMicrotask(() => peer().closed());
      },
      deliver(m) { if (open) for (const h of [...handlers]) h(m); },
      closed() {
        if (!open) return;
        open = false;
        for (const h of [...closers]) h();
      },
    };
  }
  const a: End<A, B> = end<A, B>(() => b);
  const b: End<B, A> = end<B, A>(() => a);
  return [a, b];
}

/** Minimal shape of `runtime.Port` that we rely on (Chromium and Firefox agree). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void; removeListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
}

/** Adapts a runtime port. Messages that do not carry our protocol version are ignored. */
export function portTransport<Out, In>(port: PortLike, accept: (m: unknown) => m is In): Transport<Out, In> {
  let open = true;
  port.onDisconnect.addListener(() => { open = false; });
  return {
    send(m) { if (open) port.postMessage(m); },
    listen(h) {
      const cb = (m: unknown) => { if (accept(m)) h(m); };
      port.onMessage.addListener(cb);
      return () => port.onMessage.removeListener(cb);
    },
    onClose(h) {
      const cb = () => h();
      port.onDisconnect.addListener(cb);
      return () => port.onDisconnect.removeListener(cb);
    },
    close() { if (open) { open = false; port.disconnect(); } },
  };
}

export function isPortMessage(m: unknown): m is PortMessage {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as { v?: unknown; name?: unknown };
  return x.v === PROTOCOL_VERSION && typeof x.name === 'string';
}
