/**
 * Correlates capture events by requestId, in one place: routes each event to the request it
 * belongs to. A main request's events go to the main-request half (main-events.ts), an OPTIONS
 * request's and a preflight's to the preflight half (preflight-events.ts), an event of no known
 * request to recovery (recovery.ts: an exchange taken back after a worker restart) or to the early
 * events (early-events.ts: its onBeforeRequest is late or lost). Neither half calls back in here.
 * Every record is dropped as soon as its exchange ends. It decides nothing about CORS: that is the
 * classifier's job, later.
 */
import type { Header, Observer } from '../../core/model/exchange';
import type { CaptureEvent, RequestEvent } from '../capture/event';
import { CorrelationState } from './state';
import type { MainRecord } from './main-record';
import { onMainEvent, takeOverProbe } from './main-events';
import { claimOrphan, holdOptions, onPreflightEvent, onUndecidedEvent, reportOrphans } from './preflight-events';
import { adoptInFlight, releaseRestored, revive, type Recover, type Recovered } from './recovery';
import { EarlyEvents } from './early-events';

export interface Drained {
  /** Main records changed since the last drain and still in flight. */
  changed: MainRecord[];
  /** Main records whose exchange ended since the last drain (no longer held). */
  ended: MainRecord[];
  /** Records shown before that turned out to be part of another exchange (a preflight claimed late). */
  discarded: MainRecord[];
}

/** Whether an exchange by this id was already recorded (and ended) in that tab. */
type Known = (requestId: string, tabId: number) => boolean;

/**
 * Requests that never end (a browser bug, an extension cancelling events we do not see) must not
 * grow memory without bound: past this many open records the oldest is forgotten (it stays
 * `pending` in the log).
 */
export const MAX_IN_FLIGHT = 10_000;

/**
 * How long (by the events' own clock) an event may wait for its request's onBeforeRequest, and a
 * preflight for its main request. Chromium can deliver onBeforeRequest after a request's later
 * events when it starts the worker for a burst (seen in the worker-stop test).
 */
export const LATE_START_MS = 2_000;

export class Correlator {
  private readonly st: CorrelationState;
  /** Events that came before their request's onBeforeRequest, replayed when it comes. */
  private readonly early: EarlyEvents;
  /** Newest event time seen (the events' clock). */
  private latest = -Infinity;

  constructor(observer: Observer, private readonly recover: Recover = () => undefined, known: Known = () => false) {
    this.st = new CorrelationState(observer);
    this.early = new EarlyEvents((request, events) => {
      // The headers it is sending pick its preflight among look-alikes (preflight-events.ts `claimOrphan`).
      const first = events[0];
      this.start(request, first?.kind === 'send-headers' ? first.headers : undefined);
      for (const e of events) this.apply(e);
    }, known);
  }

  /** Events that could not be given to any request: counted. */
  get unknownEvents(): number {
    return this.early.unknownEvents;
  }

  /** Requests started from their later events (their onBeforeRequest never came). */
  get startedLate(): number {
    return this.early.startedLate;
  }

  get inFlight(): number {
    return this.st.mains.size + this.st.preflights.size + this.st.undecided.size + this.st.probes.size + this.st.orphans.length;
  }

  apply(ev: CaptureEvent): void {
    if (ev.time > this.latest) {
      this.latest = ev.time;
      this.expire(this.latest - LATE_START_MS);
    }
    if (ev.kind === 'request') return this.start(ev);
    const main = this.st.mains.get(ev.id);
    if (main) return onMainEvent(this.st, main, ev);
    const pre = this.st.preflights.get(ev.id);
    if (pre) return onPreflightEvent(this.st, pre, ev);
    const und = this.st.undecided.get(ev.id);
    if (und) {
      // An OPTIONS request the page sent itself continues as a main request, from this event on.
      const own = onUndecidedEvent(this.st, und, ev);
      if (own) onMainEvent(this.st, own, ev);
      return;
    }
    if (revive(this.st, this.recover, ev.id)) return this.apply(ev);
    if ((ev.kind === 'completed' || ev.kind === 'error') && this.st.endedEarly.delete(ev.id)) return;
    this.early.hold(ev);
  }

  /**
   * Time passed (by the events' clock, or the caller's when no event comes): requests whose events
   * waited since before `before` for their onBeforeRequest start without it, then preflights nobody
   * claimed since before `before` are shown on their own (in that order, so a late request claims its preflight).
   */
  expire(before: number): void {
    this.early.expire(before);
    reportOrphans(this.st, before);
  }

  /** Whether anything waits for time to pass (events held, preflights unclaimed). */
  get waiting(): boolean {
    return this.early.size > 0 || this.st.orphans.length > 0;
  }

  /** Reports every preflight still waiting for its main request on its own (nothing more is coming). */
  flushOrphans(): void {
    this.expire(Infinity);
  }

  drain(): Drained {
    const out = { changed: [...this.st.changed], ended: this.st.ended, discarded: this.st.discarded };
    this.st.changed = new Set();
    this.st.ended = [];
    this.st.discarded = [];
    return out;
  }

  /** After a worker restart: takes back an exchange stored while in flight (recovery.ts). */
  adopt(found: Recovered): void {
    adoptInFlight(this.st, found);
  }

  /** Stops tracking the exchanges taken back that heard nothing since (recovery.ts); their events may still revive them. */
  releaseRestored(): MainRecord[] {
    return releaseRestored(this.st);
  }

  /** Forgets everything of a tab (closed). */
  dropTab(tabId: number): void {
    this.early.tabClosed(tabId);
    const { mains, preflights, undecided, changed } = this.st;
    for (const [id, rec] of mains) if (rec.ex.tabId === tabId) { mains.delete(id); changed.delete(rec); }
    for (const [id, p] of preflights) if (p.key.tabId === tabId) preflights.delete(id);
    for (const [id, u] of undecided) if (u.request.tabId === tabId) undecided.delete(id);
    this.st.orphans = this.st.orphans.filter((o) => o.open.key.tabId !== tabId);
    this.st.probes.dropTab(tabId);
  }

  /** Forgets everything in flight (capture paused); returns the main records that were open. */
  abandonAll(): MainRecord[] {
    const open = [...this.st.mains.values(), ...this.st.probes.clear()];
    this.st.mains.clear();
    this.st.preflights.clear();
    this.st.undecided.clear();
    this.st.changed.clear();
    this.st.orphans = [];
    this.st.reported = [];
    this.early.clear();
    this.st.endedEarly.clear();
    this.st.endedRing.fill(undefined);
    return open;
  }

  /** Runs for every request: three size checks, no array of the maps to loop over. */
  private cap(): void {
    const { mains, preflights, undecided } = this.st;
    if (mains.size >= MAX_IN_FLIGHT) this.trim(mains);
    if (preflights.size >= MAX_IN_FLIGHT) this.trim(preflights);
    if (undecided.size >= MAX_IN_FLIGHT) this.trim(undecided);
  }

  private trim(map: Map<string, unknown>): void {
    const { mains, changed } = this.st;
    while (map.size >= MAX_IN_FLIGHT) {
      const oldest = map.keys().next().value as string;
      const rec = mains.get(oldest);
      if (rec) changed.delete(rec);
      map.delete(oldest);
    }
  }

  private start(ev: RequestEvent, sent?: Header[]): void {
    this.onRequest(ev, sent);
    const early = this.early.take(ev.id);
    if (early) for (const e of early) this.apply(e);
  }

  private onRequest(ev: RequestEvent, sent?: Header[]): void {
    // Chromium repeats onBeforeRequest for a redirect's new URL; the event that came first started it.
    if (this.st.mains.has(ev.id) || this.st.preflights.has(ev.id) || this.st.undecided.has(ev.id)) return;
    this.cap();
    if (takeOverProbe(this.st, ev)) return;
    if (ev.method.toUpperCase() === 'OPTIONS') holdOptions(this.st, ev);
    else claimOrphan(this.st, this.st.addMain(ev), sent);
  }
}
