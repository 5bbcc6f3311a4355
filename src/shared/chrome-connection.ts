/**
 * The extension pages' `BackgroundConnection` over the real runtime (`browser.runtime`, from the page's
 * entry module: shared/browser.ts): requests go through `runtime.sendMessage`, a tab's live events
 * through `runtime.connect` on the port named `portName(tabId)`. The runtime is passed in (the polyfill
 * throws when imported outside an extension; unit tests pass a fake).
 *
 * The returned event source reports the end of the port through `onClose` (worker stopped,
 * extension reloaded): reconnecting is the page's decision (open the tab again; the first event on
 * the new port is a fresh snapshot).
 */
import type { PortMessage, RequestName, Requests, Response } from './protocol';
import { portName } from './protocol';
import { isPortMessage, portTransport, requestMessage, type BackgroundConnection, type EventSource, type PortLike } from './transport';

/** The part of `runtime` used here (the browser's, or a fake in tests). */
interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): PortLike;
}

export class BackgroundError extends Error {
  constructor(readonly request: RequestName, message: string) {
    super(message);
    this.name = 'BackgroundError';
  }
}

export function createChromeConnection(runtime: RuntimeLike): BackgroundConnection {
  return {
    async request<K extends RequestName>(name: K, payload: Requests[K]['payload']): Promise<Requests[K]['result']> {
      let answer: unknown;
      try {
        answer = await runtime.sendMessage(requestMessage(name, payload));
      } catch (err) {
        throw new BackgroundError(name, `CORS Lens background is not reachable: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (typeof answer !== 'object' || answer === null || !('ok' in answer)) {
        throw new BackgroundError(name, 'CORS Lens background sent no answer');
      }
      const res = answer as Response<K>;
      if (!res.ok) throw new BackgroundError(name, res.error);
      return res.result;
    },
    openTab(tabId: number): EventSource {
      const port = runtime.connect({ name: portName(tabId) });
      return portTransport<never, PortMessage>(port, isPortMessage);
    },
  };
}
