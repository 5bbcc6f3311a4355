/**
 * Correlates capture events by requestId, in one place. Builds each main request's `Exchange` hop
 * by hop, pairs browser preflights with their main request, and drops every record as soon as its
 * exchange ends. It decides nothing about CORS: that is the classifier's job, later.
 */
import type { Observer, PreflightRecord, ResponseRecord } from '../core/model';
import type { Recovered } from './recovery';
import type {
  CaptureEvent, CompletedEvent, ErrorEvent, RedirectEvent, RequestEvent, SendHeadersEvent, StartedEvent,
} from './capture-event';
import { keyOf, keyOfRequest, methodAfterRedirect, newMainRecord, responseOf, sameKey, type MainRecord, type PairingKey } from './main-record';
import { recoverMain, recoverPreflight } from './recovery';
import { findMain, findSwap, preflightFits, preflightMethod, swapHopPreflights } from './preflight-pairing';

/** A preflight still in flight. `main` is undefined while no main request claims it (an orphan). */
export interface OpenPreflight {
  pf: PreflightRecord;
  key: PairingKey;
  method: string;
  main?: MainRecord;
  /** The OPTIONS request's own onBeforeRequest, to report it alone if it stays an orphan. */
  request: RequestEvent;
}

/** An OPTIONS request before its headers tell whether it is a preflight. */
interface UndecidedOptions {
  request: RequestEvent;
}

export interface Drained {
  /** Main records changed since the last drain and still in flight. */
  changed: MainRecord[];
  /** Main records whose exchange ended since the last drain (no longer held). */
  ended: MainRecord[];
}

export type { Recovered };

/** Looks up an in-flight exchange stored before the worker was stopped, by its id or a preflight's id. */
export type Recover = (requestId: string) => Recovered | undefined;

/**
 * Requests that never end (a browser bug, an extension cancelling events we do not see) must not
 * grow memory without bound: past this many open records the oldest is forgotten (it stays
 * `pending` in the log).
 */
export const MAX_IN_FLIGHT = 10_000;

export class Correlator {
  private readonly mains = new Map<string, MainRecord>();
  private readonly preflights = new Map<string, OpenPreflight>();
  private readonly undecided = new Map<string, UndecidedOptions>();
  private changed = new Set<MainRecord>();
  private ended: MainRecord[] = [];
  /** Events for requests we never saw start (capture resumed mid-request): ignored, counted. */
  unknownEvents = 0;

  constructor(private readonly observer: Observer, private readonly recover: Recover = () => undefined) {}

  get inFlight(): number {
    return this.mains.size + this.preflights.size + this.undecided.size;
  }

  apply(ev: CaptureEvent): void {
    if (ev.kind === 'request') return this.onRequest(ev);
    const main = this.mains.get(ev.id);
    if (main) return this.onMainEvent(main, ev);
    const pre = this.preflights.get(ev.id);
    if (pre) return this.onPreflightEvent(pre, ev);
    const und = this.undecided.get(ev.id);
    if (und) return this.onUndecidedEvent(und, ev);
    if (this.tryRecover(ev.id)) return this.apply(ev);
    this.unknownEvents++;
  }

  drain(): Drained {
    const out = { changed: [...this.changed], ended: this.ended };
    this.changed = new Set();
    this.ended = [];
    return out;
  }

  /** Forgets everything of a tab (closed). */
  dropTab(tabId: number): void {
    for (const [id, rec] of this.mains) if (rec.ex.tabId === tabId) { this.mains.delete(id); this.changed.delete(rec); }
    for (const [id, p] of this.preflights) if (p.key.tabId === tabId) this.preflights.delete(id);
    for (const [id, u] of this.undecided) if (u.request.tabId === tabId) this.undecided.delete(id);
  }

  /** Forgets everything in flight (capture paused); returns the main records that were open. */
  abandonAll(): MainRecord[] {
    const open = [...this.mains.values()];
    this.mains.clear();
    this.preflights.clear();
    this.undecided.clear();
    this.changed.clear();
    return open;
  }

  private cap(): void {
    for (const map of [this.mains, this.preflights, this.undecided] as Map<string, unknown>[]) {
      while (map.size >= MAX_IN_FLIGHT) {
        const oldest = map.keys().next().value as string;
        const rec = this.mains.get(oldest);
        if (rec) this.changed.delete(rec);
        map.delete(oldest);
      }
    }
  }

  // ---- main requests ----

  private onRequest(ev: RequestEvent): void {
    const known = this.mains.get(ev.id);
    if (known) return; // Chromium repeats onBeforeRequest for a redirect's new URL; onBeforeRedirect already moved us.
    if (this.preflights.has(ev.id) || this.undecided.has(ev.id)) return;
    this.cap();
    if (ev.method.toUpperCase() === 'OPTIONS') {
      this.undecided.set(ev.id, { request: ev });
      return;
    }
    const rec = newMainRecord(ev, this.observer);
    this.mains.set(ev.id, rec);
    this.changed.add(rec);
    this.claimOrphan(rec);
  }

  private onMainEvent(rec: MainRecord, ev: Exclude<CaptureEvent, RequestEvent>): void {
    this.changed.add(rec);
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
    if (open && open.end === undefined) this.rehome(rec, open);
    if (rec.hopPreflight && !preflightFits(rec.hopPreflight, ev.headers)) {
      const other = findSwap(this.mains.values(), rec, ev.headers);
      if (other) this.swap(rec, other);
    }
    rec.method = ev.method || rec.method;
    rec.headers = ev.headers;
    rec.phase = 'sent';
    if (rec.ex.redirects.length === 0) rec.ex.requestHeaders = ev.headers;
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
  }

  private mainEnded(rec: MainRecord, ev: CompletedEvent | ErrorEvent): void {
    const r = rec.ex.response;
    if (r) {
      if (ev.ip) r.ip = ev.ip;
      if (ev.fromCache !== undefined) r.fromCache = ev.fromCache;
    }
    rec.ex.outcome = ev.kind === 'completed' ? { state: 'completed', status: ev.status } : { state: 'failed', error: ev.error };
    rec.ex.timings.end = ev.time;
    this.mains.delete(rec.ex.id);
    this.changed.delete(rec);
    this.ended.push(rec);
  }

  // ---- preflights ----

  private onUndecidedEvent(u: UndecidedOptions, ev: Exclude<CaptureEvent, RequestEvent>): void {
    this.undecided.delete(ev.id);
    if (ev.kind === 'send-headers') {
      const method = preflightMethod(ev.headers);
      if (method !== undefined) return this.openPreflight(u.request, method, ev);
    } else if (ev.kind === 'error') {
      // A preflight that failed before sending headers (sequence F): pair by URL and order alone.
      const key = keyOfRequest(u.request);
      const main = findMain(this.mains.values(), key, u.request.url, undefined);
      if (main) {
        const pf: PreflightRecord = { id: ev.id, url: ev.url, requestHeaders: [], error: ev.error, start: u.request.time, end: ev.time };
        this.attach(main, pf);
        return;
      }
    }
    // A request the page itself sent with method OPTIONS.
    this.onRequestAsMain(u.request);
    this.apply(ev);
  }

  private onRequestAsMain(request: RequestEvent): void {
    const rec = newMainRecord(request, this.observer);
    this.mains.set(request.id, rec);
    this.changed.add(rec);
  }

  private openPreflight(request: RequestEvent, method: string, ev: SendHeadersEvent): void {
    const pf: PreflightRecord = { id: ev.id, url: ev.url, requestHeaders: ev.headers, start: request.time };
    const key = keyOfRequest(request);
    const open: OpenPreflight = { pf, key, method, request };
    this.preflights.set(ev.id, open);
    const main = findMain(this.mains.values(), key, ev.url, method) ?? this.undecidedMain(key, ev.url, method);
    if (main) this.attachOpen(main, open);
  }

  /** A page's own OPTIONS request gets a preflight too: it is still undecided when that arrives. */
  private undecidedMain(key: PairingKey, url: string, method: string): MainRecord | undefined {
    if (method.toUpperCase() !== 'OPTIONS') return undefined;
    for (const [id, u] of this.undecided) {
      if (u.request.url !== url || !sameKey(keyOfRequest(u.request), key)) continue;
      this.undecided.delete(id);
      this.onRequestAsMain(u.request);
      return this.mains.get(id);
    }
    return undefined;
  }

  private onPreflightEvent(p: OpenPreflight, ev: Exclude<CaptureEvent, RequestEvent>): void {
    if (p.main) this.changed.add(p.main);
    switch (ev.kind) {
      case 'send-headers':
        p.pf.requestHeaders = ev.headers;
        return;
      case 'headers':
        p.pf.response = responseOf(ev);
        return;
      case 'redirect':
      case 'started':
        p.pf.response ??= { status: ev.status, headers: [] };
        if (ev.ip) p.pf.response.ip = ev.ip;
        return;
      case 'completed':
      case 'error':
        if (p.pf.response) {
          if (ev.ip) p.pf.response.ip = ev.ip;
          if (ev.fromCache !== undefined) p.pf.response.fromCache = ev.fromCache;
        }
        if (ev.kind === 'error') p.pf.error = ev.error;
        p.pf.end = ev.time;
        this.preflights.delete(ev.id);
        if (!p.main) this.reportOrphan(p, ev);
        return;
    }
  }

  private attach(main: MainRecord, pf: PreflightRecord): void {
    main.hopPreflight = pf;
    main.ex.preflights.push(pf);
    this.changed.add(main);
  }

  private attachOpen(main: MainRecord, p: OpenPreflight): void {
    p.main = main;
    this.attach(main, p.pf);
  }

  private detach(main: MainRecord, pf: PreflightRecord): void {
    main.ex.preflights = main.ex.preflights.filter((x) => x !== pf);
    if (main.hopPreflight === pf) delete main.hopPreflight;
    this.changed.add(main);
  }

  /** `rec` sent its headers while "its" preflight was still open: the preflight was someone else's. */
  private rehome(rec: MainRecord, pf: PreflightRecord): void {
    this.detach(rec, pf);
    const open = pf.id !== undefined ? this.preflights.get(pf.id) : undefined;
    if (!open) return;
    delete open.main;
    const other = findMain(this.mains.values(), open.key, pf.url, open.method, rec);
    if (other) this.attachOpen(other, open);
  }

  private swap(a: MainRecord, b: MainRecord): void {
    swapHopPreflights(a, b, (id) => this.preflights.get(id));
    this.changed.add(b);
  }

  /** A main request that starts after its preflight was seen (not expected from Chromium; kept safe). */
  private claimOrphan(rec: MainRecord): void {
    const key = keyOf(rec.ex);
    for (const p of this.preflights.values()) {
      if (!p.main && p.pf.url === rec.url && p.method === rec.method && sameKey(p.key, key)) {
        this.attachOpen(rec, p);
        return;
      }
    }
  }

  /** A preflight no main request claimed: shown on its own rather than lost. */
  private reportOrphan(p: OpenPreflight, ev: CompletedEvent | ErrorEvent): void {
    const rec = newMainRecord(p.request, this.observer);
    rec.ex.requestHeaders = p.pf.requestHeaders;
    if (p.pf.response) rec.ex.response = p.pf.response;
    rec.ex.outcome = ev.kind === 'completed' ? { state: 'completed', status: ev.status } : { state: 'failed', error: ev.error };
    rec.ex.timings.end = ev.time;
    this.ended.push(rec);
  }

  // ---- recovery after a worker restart ----

  private tryRecover(id: string): boolean {
    const found = this.recover(id);
    if (!found) return false;
    const main = this.mains.get(found.exchange.id) ?? recoverMain(found);
    this.mains.set(main.ex.id, main);
    if (found.exchange.id === id) return true;
    const open = recoverPreflight(main, id);
    if (open) this.preflights.set(id, open);
    return open !== undefined;
  }
}
