/** The session's queue: capture events and tab events, and putting a batch back in the browser's order. */
import type { CaptureEvent } from './event';

export type SessionEvent =
  | { kind: 'capture'; event: CaptureEvent }
  | { kind: 'tab-updated'; tabId: number; time: number; status?: string; url?: string; tabUrl?: string }
  | { kind: 'tab-removed'; tabId: number };

/**
 * The queue with its capture events in the order the browser stamped them (tab events keep their
 * places). Chromium delivers events with and without `extraHeaders` on separate paths, and while it
 * starts the worker for a burst they can arrive out of order: a preflight's onCompleted before its
 * onSendHeaders, a request's onSendHeaders before its onBeforeRequest. Sorting a batch by
 * `timeStamp` (stable, so ties keep their arrival order) puts them back. Already in order: no cost
 * beyond one pass.
 */
export function inEventOrder(queue: SessionEvent[]): SessionEvent[] {
  let last = -Infinity;
  let sorted = true;
  for (const item of queue) {
    if (item.kind !== 'capture') continue;
    if (item.event.time < last) { sorted = false; break; }
    last = item.event.time;
  }
  if (sorted) return queue;
  const slots: number[] = [];
  const captures: SessionEvent[] = [];
  queue.forEach((item, i) => { if (item.kind === 'capture') { slots.push(i); captures.push(item); } });
  const time = (item: SessionEvent) => (item.kind === 'capture' ? item.event.time : 0);
  captures.sort((a, b) => time(a) - time(b));
  const out = queue.slice();
  slots.forEach((slot, k) => { out[slot] = captures[k]!; });
  return out;
}
