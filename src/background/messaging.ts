/**
 * One typed dispatcher for every request of the protocol: a handler map typed by `Requests` (a
 * missing handler is a type error), and a sender check so that only our own extension pages are
 * answered.
 */
import type { RequestName, Requests, Response } from '../shared/protocol';
import { isRequestMessage } from '../shared/protocol';
import { debug } from '../shared/debug';

export type Handlers = {
  [K in RequestName]: (payload: Requests[K]['payload']) => Promise<Requests[K]['result']> | Requests[K]['result'];
};

interface SenderLike {
  id?: string;
  url?: string;
}

/** Our pages: the sender is this extension and the sending document lives at our extension origin. */
export function isOwnPage(sender: SenderLike | undefined, extensionId: string, extensionOrigin: string): boolean {
  if (!sender || sender.id !== extensionId) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

export class BadRequest extends Error {}

/**
 * Answers a message. Returns undefined for anything that is not one of our requests (so another
 * listener, if any, may answer it) and a `Response` otherwise; handler errors become `{ok: false}`.
 */
export async function dispatch(handlers: Handlers, message: unknown): Promise<Response<RequestName> | undefined> {
  if (!isRequestMessage(message)) return undefined;
  const name = message.name;
  const handler = handlers[name] as (payload: unknown) => Promise<unknown> | unknown;
  try {
    const result = await handler(message.payload);
    return { ok: true, result } as Response<RequestName>;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    if (!(err instanceof BadRequest)) debug.warn('messaging', `request ${name} failed`, err);
    return { ok: false, error };
  }
}

/** `{tabId}` payloads: an integer tab id, or -1 for requests outside any tab. */
export function tabIdOf(payload: unknown): number {
  const tabId = (payload as { tabId?: unknown } | null)?.tabId;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < -1) {
    throw new BadRequest('payload.tabId must be an integer tab id (or -1 for requests outside tabs)');
  }
  return tabId;
}
