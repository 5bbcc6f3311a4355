/**
 * Correlates capture events by requestId, in one place. Builds each main request's `Exchange` hop
 * by hop, pairs browser preflights with their main request (preflight-events.ts), and drops every
 * record as soon as its exchange ends. It decides nothing about CORS: that is the classifier's job,
 * later.
 */
import type { Exchange, Observer, ResponseRecord } from '../../core/model/exchange';
import type {
  CaptureEvent, CompletedEvent, ErrorEvent, RedirectEvent, RequestEvent, SendHeadersEvent, StartedEvent,
} from '../capture/event';
import { CorrelationState } from './state';
import { markUnfollowed, methodAfterRedirect, refusedHop, responseOf, type MainRecord } from './main-record';
import { findSwap, preflightFits } from './preflight-pairing';
import { claimOrphan, onPreflightEvent, onUndecidedEvent, rehome, reportOrphans, swap } from './preflight-events';
import { recoverMain, recoverPreflight, type Recovered } from './recovery';
import { isFontCacheProbe } from './cache-probe';
import { EarlyEvents, MAX_EARLY } from './early-events';

export type { OpenPreflight } from './state';
export type { Recovered };

export interface Drained {
  /** Main records changed since the last drain and still in flight. */
  changed: MainRecord[];
  /** Main records whose exchange ended since the last drain (no longer held). */
  ended: MainRecord[];
  /** Records shown before that turned out to be part of another exchange (a preflight claimed late). */
  discarded: MainRecord[];
}

/** Looks up an in-flight exchange stored before the worker was stopped, by its id or a preflight's id. */
export type Recover = (requestId: string) => Recovered | undefined;
/** Whether an exchange by this id was already recorded (and ended) in that tab. */
export type Known = (requestId: string, tabId: number) => boolean;

/**
 * Requests that never end (a browser bug, an extension cancelling events we do not see) must not
 * grow memory without bound: past this many open records the oldest is forgotten (it stays
 * `pending` in the log).
 */
export const MAX_IN_FLIGHT = 10_000;

type Later = Exclude<CaptureEvent, RequestEvent>;

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
  /** Chromium exchanges ended at onResponseStarted: their onCompleted/onErrorOccurred is still to come, and dropped. */
  private readonly endedEarly = new Set<string>();

  constructor(private readonly observer: Observer, private readonly recover: Recover = () => undefined, known: Known = () => false) {
    this.st = new CorrelationState(observer);
    this.early = new EarlyEvents((request, events) => {
      this.apply(request);
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
    if (ev.kind === 'request') {
      this.onRequest(ev);
      const early = this.early.take(ev.id);
      if (early) for (const e of early) this.apply(e);
      return;
    }
    const main = this.st.mains.get(ev.id);
    if (main) return this.onMainEvent(main, ev);
    const pre = this.st.preflights.get(ev.id);
    if (pre?.main) delete pre.main.restored;
    if (pre) return onPreflightEvent(this.st, pre, ev);
    const und = this.st.undecided.get(ev.id);
    if (und) return onUndecidedEvent(this.st, und, ev, (e) => this.apply(e));
    if (this.tryRecover(ev.id)) return this.apply(ev);
    if ((ev.kind === 'completed' || ev.kind === 'error') && this.endedEarly.delete(ev.id)) return;
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

  /** After a worker restart: takes back an exchange stored while in flight, before any of its events come. */
  adopt(found: Recovered): void {
    const main = recoverMain(found);
    main.restored = true;
    this.st.mains.set(main.requestId ?? main.ex.id, main);
    for (const p of main.ex.preflights) {
      if (p.end !== undefined || !p.id) continue;
      const open = recoverPreflight(main, p.id);
      if (open) this.st.preflights.set(p.id, open);
    }
  }

  /** In-flight main records (for the session's check for exchanges whose end was lost). */
  openMains(): IterableIterator<MainRecord> {
    return this.st.mains.values();
  }

  /** Stops tracking an exchange the session resolved without its end; its events may still revive it (recover). */
  release(rec: MainRecord): void {
    this.st.mains.delete(rec.requestId ?? rec.ex.id);
    this.st.changed.delete(rec);
    for (const p of rec.ex.preflights) if (p.id) this.st.preflights.delete(p.id);
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
    this.endedEarly.clear();
    return open;
  }

  private cap(): void {
    const { mains, preflights, undecided, changed } = this.st;
    for (const map of [mains, preflights, undecided] as Map<string, unknown>[]) {
      while (map.size >= MAX_IN_FLIGHT) {
        const oldest = map.keys().next().value as string;
        const rec = mains.get(oldest);
        if (rec) changed.delete(rec);
        map.delete(oldest);
      }
    }
  }

  private onRequest(ev: RequestEvent): void {
    // Chromium repeats onBeforeRequest for a redirect's new URL; onBeforeRedirect already moved us.
    if (this.st.mains.has(ev.id) || this.st.preflights.has(ev.id) || this.st.undecided.has(ev.id)) return;
    this.cap();
    const probe = this.st.probes.adopt(ev);
    if (probe) {
      // The real load of a font whose cache probe missed: it carries on the probe's exchange.
      probe.requestId = ev.id;
      this.st.mains.set(ev.id, probe);
      this.st.changed.add(probe);
      return;
    }
    if (ev.method.toUpperCase() === 'OPTIONS') {
      this.st.undecided.set(ev.id, { request: ev });
      return;
    }
    claimOrphan(this.st, this.st.addMain(ev));
  }

  private onMainEvent(rec: MainRecord, ev: Later): void {
    delete rec.restored;
    this.st.changed.add(rec);
    switch (ev.kind) {
      case 'send-headers': return this.mainSent(rec, ev);
      case 'headers':
        rec.ex.response = responseOf(ev);
        rec.phase = 'received';
        return;
      case 'redirect': return this.mainRedirected(rec, ev);
      case 'started': return this.mainStarted(rec, ev);
      case 'completed':
      case 'error': return this.mainEnded(rec, ev);
    }
  }

  private mainSent(rec: MainRecord, ev: SendHeadersEvent): void {
    const open = rec.hopPreflight;
    if (open && open.end === undefined) rehome(this.st, rec, open);
    if (rec.hopPreflight && !preflightFits(rec.hopPreflight, ev.headers)) {
      const other = findSwap(this.st.mains.values(), rec, ev.headers);
      if (other) swap(this.st, rec, other);
    }
    rec.method = ev.method || rec.method;
    rec.headers = ev.headers;
    rec.phase = 'sent';
    if (rec.ex.redirects.length === 0) rec.ex.requestHeaders = ev.headers;
    else rec.ex.finalRequestHeaders = ev.headers;
  }

  private mainRedirected(rec: MainRecord, ev: RedirectEvent): void {
    const response: ResponseRecord = rec.ex.response ?? { status: ev.status, headers: [] };
    response.status = ev.status;
    if (ev.ip) response.ip = ev.ip;
    if (ev.fromCache !== undefined) response.fromCache = ev.fromCache;
    rec.ex.redirects.push({
      url: rec.url,
      ...(rec.headers ? { requestHeaders: rec.headers } : {}),
      response,
      location: ev.redirectUrl,
      time: ev.time,
    });
    delete rec.ex.response;
    delete rec.ex.finalRequestHeaders;
    rec.method = methodAfterRedirect(rec.method, ev.status);
    rec.url = ev.redirectUrl;
    rec.phase = 'waiting';
    delete rec.headers;
    delete rec.hopPreflight;
  }

  /**
   * Chromium hands a response to the page only after its CORS check passed: the exchange's outcome is
   * known now, even when the body keeps streaming for hours. (Firefox may signal this before its own
   * check, so there we wait for the end.)
   */
  private mainStarted(rec: MainRecord, ev: StartedEvent): void {
    if (this.observer.browser !== 'chromium') {
      if (rec.ex.response && ev.ip) rec.ex.response.ip = ev.ip;
      return;
    }
    this.mainEnded(rec, { ...ev, kind: 'completed' });
    if (this.endedEarly.size >= MAX_EARLY) this.endedEarly.delete(this.endedEarly.values().next().value as string);
    this.endedEarly.add(ev.id);
  }

  private mainEnded(rec: MainRecord, ev: CompletedEvent | ErrorEvent): void {
    if (ev.kind === 'error' && isFontCacheProbe(rec, ev)) {
      // Only the cache was asked; the real request follows under a new requestId (cache-probe.ts).
      this.st.mains.delete(rec.requestId ?? rec.ex.id);
      rec.phase = 'waiting';
      delete rec.headers;
      const pushedOut = this.st.probes.park(rec);
      if (pushedOut) this.finish(pushedOut, { state: 'failed', error: ev.error }, ev.time);
      return;
    }
    const r = rec.ex.response;
    if (r) {
      if (ev.ip) r.ip = ev.ip;
      if (ev.fromCache !== undefined) r.fromCache = ev.fromCache;
    }
    if (ev.kind === 'error') markUnfollowed(rec);
    const hop = ev.kind === 'error' ? refusedHop(rec, ev.time) : null;
    if (hop) {
      rec.ex.redirects.push(hop);
      delete rec.ex.response;
      delete rec.ex.finalRequestHeaders;
    }
    this.finish(rec, ev.kind === 'completed' ? { state: 'completed', status: ev.status } : { state: 'failed', error: ev.error }, ev.time);
  }

  private finish(rec: MainRecord, outcome: Exchange['outcome'], time: number): void {
    rec.ex.outcome = outcome;
    rec.ex.timings.end = time;
    this.st.end(rec);
  }

  /** After a worker restart: rebuilds the state of an exchange stored while in flight. */
  private tryRecover(id: string): boolean {
    const found = this.recover(id);
    if (!found) return false;
    const main = this.st.mains.get(found.exchange.id) ?? recoverMain(found);
    this.st.mains.set(main.ex.id, main);
    if (found.exchange.id === id) return true;
    const open = recoverPreflight(main, id);
    if (open) this.st.preflights.set(id, open);
    return open !== undefined;
  }
}
