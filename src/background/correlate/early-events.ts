/**
 * Events of a request whose onBeforeRequest has not come (yet). Chromium can deliver onBeforeRequest
 * after a request's later events when it starts the worker for a burst, and it drops the events it
 * fires while it stops the worker, so an onBeforeRequest may never come. A later event repeats what
 * onBeforeRequest says (URL, method, type, tab, frame, initiator): the request starts from it at once
 * (an onBeforeRequest that comes after is ignored), so it pairs with its preflight as it would have.
 * Only events that repeat nothing (none from a browser) wait for their onBeforeRequest, a while.
 */
import type { CaptureEvent, RequestEvent } from '../capture/event';
import { requestEventOf } from '../capture/normalize';

type Later = Exclude<CaptureEvent, RequestEvent>;

/** At most this many requests' early events are held. */
const MAX_EARLY = 2_000;

export class EarlyEvents {
  private readonly held = new Map<string, Later[]>();
  /** Tabs closed: a late event of theirs starts nothing. */
  private readonly closedTabs = new Set<number>();
  /** Events that could not be given to any request (they carried too little to start one): counted. */
  unknownEvents = 0;
  /** Requests started from their later events: their onBeforeRequest never came. */
  startedLate = 0;

  /**
   * `start` starts a request and replays its events; `known` tells an exchange already recorded and
   * ended (e.g. Chromium's onCompleted after the onResponseStarted that ended it, across a restart).
   */
  constructor(
    private readonly start: (request: RequestEvent, events: Later[]) => void,
    private readonly known: (requestId: string, tabId: number) => boolean,
  ) {}

  get size(): number {
    return this.held.size;
  }

  hold(ev: Later): void {
    if (ev.from) {
      this.startLate(ev.id, [ev]);
      return;
    }
    const list = this.held.get(ev.id);
    if (list) {
      list.push(ev);
      return;
    }
    if (this.held.size >= MAX_EARLY) {
      const [id, events] = this.held.entries().next().value as [string, Later[]];
      this.startLate(id, events);
    }
    this.held.set(ev.id, [ev]);
  }

  /** The events held for a request that has just started (its onBeforeRequest came after all). */
  take(id: string): Later[] | undefined {
    const list = this.held.get(id);
    if (list) this.held.delete(id);
    return list;
  }

  /** Starts, without their onBeforeRequest, the requests whose events wait since before `before`. */
  expire(before: number): void {
    for (const [id, events] of this.held) {
      if (events[0]!.time >= before) break;
      this.startLate(id, events);
    }
  }

  tabClosed(tabId: number): void {
    if (this.closedTabs.size >= MAX_EARLY) this.closedTabs.clear();
    this.closedTabs.add(tabId);
  }

  clear(): void {
    this.held.clear();
  }

  private startLate(id: string, events: Later[]): void {
    this.held.delete(id);
    const first = events[0]!;
    if (!first.from) {
      this.unknownEvents += events.length;
      return;
    }
    if (this.known(id, first.from.tabId) || this.closedTabs.has(first.from.tabId)) return;
    this.startedLate++;
    this.start(requestEventOf(id, first.time, first.url, first.from), events);
  }
}
