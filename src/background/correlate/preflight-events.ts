/**
 * The preflight half of the correlator: OPTIONS requests until their headers show whether they are
 * browser preflights, preflights in flight, their pairing with main requests (preflight-pairing.ts
 * holds the rules) and preflights nobody claimed. The correlator routes each event here by requestId;
 * nothing here calls back into it (an OPTIONS request that turns out to be the page's own is handed
 * back to the correlator as a main record).
 */
import type { Header, PreflightRecord } from '../../core/model/exchange';
import type { CaptureEvent, CompletedEvent, ErrorEvent, RequestEvent, SendHeadersEvent } from '../capture/event';
import { endedEarly, type CorrelationState, type EndedOrphan, type OpenPreflight, type UndecidedOptions } from './state';
import { keyOf, keyOfRequest, preflightKeyFits, responseOf, sameKey, type MainRecord, type PairingKey } from './main-record';
import { findMain, findSwap, preflightFits, preflightMethod, swapHopPreflights, type PairingOrder } from './preflight-pairing';

type Later = Exclude<CaptureEvent, RequestEvent>;

/** An OPTIONS request: undecided until its headers show whether it is a browser preflight. */
export function holdOptions(st: CorrelationState, request: RequestEvent): void {
  st.undecided.set(request.id, { request });
}

/**
 * The first event of an undecided OPTIONS request. Returns the main record it turned out to be (a
 * request the page itself sent with method OPTIONS), which the event then continues as a main event.
 */
export function onUndecidedEvent(st: CorrelationState, u: UndecidedOptions, ev: Later): MainRecord | undefined {
  st.undecided.delete(ev.id);
  if (ev.kind === 'send-headers') {
    const method = preflightMethod(ev.headers);
    if (method !== undefined) {
      openPreflight(st, u.request, method, ev);
      return undefined;
    }
  } else if (ev.kind === 'error') {
    // A preflight that failed before sending headers (sequence F in sequences.test.ts): pair by URL and order alone.
    const pf: PreflightRecord = { id: ev.id, url: ev.url, requestHeaders: [], error: ev.error, start: u.request.time, end: ev.time };
    const main = findMain(st.mains.values(), keyOfRequest(u.request), u.request.url, undefined, undefined, orderOf(st));
    if (main) {
      st.attach(main, pf);
      return undefined;
    }
    // Its main request has not started (its onBeforeRequest late or lost: it may start with its own
    // error, which comes next): claimable for a while, then shown on its own (method unknown: '').
    st.orphans.push({ open: { pf, key: keyOfRequest(u.request), method: '', request: u.request }, end: ev });
    return undefined;
  } else {
    // Its headers were lost (the worker was stopped meanwhile): maybe a preflight, of a main request
    // that has not started yet. Claimable like one; shown on its own when nothing claims it.
    const open: OpenPreflight = { pf: { id: ev.id, url: ev.url, requestHeaders: [], start: u.request.time }, key: keyOfRequest(u.request), method: '', request: u.request };
    st.preflights.set(ev.id, open);
    onPreflightEvent(st, open, ev);
    return undefined;
  }
  // A request the page itself sent with method OPTIONS (its own preflight may have been seen already).
  const own = st.addMain(u.request);
  claimOrphan(st, own, ev.kind === 'send-headers' ? ev.headers : undefined);
  return own;
}

function openPreflight(st: CorrelationState, request: RequestEvent, method: string, ev: SendHeadersEvent): void {
  const pf: PreflightRecord = { id: ev.id, url: ev.url, requestHeaders: ev.headers, start: request.time };
  const key = keyOfRequest(request);
  const open: OpenPreflight = { pf, key, method, request };
  st.preflights.set(ev.id, open);
  const main = findMain(st.mains.values(), key, ev.url, method, undefined, orderOf(st, pf)) ?? undecidedMain(st, key, ev.url, method);
  if (main) st.attachOpen(main, open);
}

/** Firefox sends a main request's headers before its preflight; Chromium after (preflight-pairing.ts). */
function orderOf(st: CorrelationState, preflight?: PreflightRecord): PairingOrder {
  const order: PairingOrder = { headersFirst: st.observer.browser === 'firefox' };
  if (preflight) order.preflight = preflight;
  return order;
}

/** A page's own OPTIONS request gets a preflight too: it is still undecided when that arrives. */
function undecidedMain(st: CorrelationState, key: PairingKey, url: string, method: string): MainRecord | undefined {
  if (method.toUpperCase() !== 'OPTIONS') return undefined;
  for (const [id, u] of st.undecided) {
    if (u.request.url !== url || !sameKey(keyOfRequest(u.request), key)) continue;
    st.undecided.delete(id);
    return st.addMain(u.request);
  }
  return undefined;
}

export function onPreflightEvent(st: CorrelationState, p: OpenPreflight, ev: Later): void {
  if (p.main) {
    delete p.main.restored;
    st.changed.add(p.main);
  }
  switch (ev.kind) {
    case 'send-headers':
      p.pf.requestHeaders = ev.headers;
      return;
    case 'headers':
      p.pf.response = responseOf(ev);
      return;
    case 'started':
      // Chromium: its onCompleted is not listened to (listeners.ts), and the response is all there is to see.
      endedEarly(st, ev.id);
      return onPreflightEvent(st, p, { ...ev, kind: 'completed' });
    case 'completed':
    case 'error':
      if (p.pf.response) {
        if (ev.ip) p.pf.response.ip = ev.ip;
        if (ev.fromCache !== undefined) p.pf.response.fromCache = ev.fromCache;
      }
      if (ev.kind === 'error') p.pf.error = ev.error;
      p.pf.end = ev.time;
      st.preflights.delete(ev.id);
      if (!p.main) st.orphans.push({ open: p, end: ev });
      return;
  }
}

/**
 * `rec` sends its headers for the current hop: the preflight attached to that hop must be over and
 * announce no header `rec` did not send. An open one was someone else's (rehomed); one that does not
 * fit was swapped with a look-alike request's (preflight-pairing.ts `findSwap`).
 */
export function checkHopPreflight(st: CorrelationState, rec: MainRecord, sent: readonly Header[]): void {
  const open = rec.hopPreflight;
  if (open && open.end === undefined) rehome(st, rec, open);
  if (rec.hopPreflight && !preflightFits(rec.hopPreflight, sent)) {
    const other = findSwap(st.mains.values(), rec, sent);
    if (other) swap(st, rec, other);
  }
}

/** `rec` sent its headers while "its" preflight was still open: the preflight was someone else's. */
function rehome(st: CorrelationState, rec: MainRecord, pf: PreflightRecord): void {
  st.detach(rec, pf);
  const open = pf.id !== undefined ? st.preflights.get(pf.id) : undefined;
  if (!open) return;
  delete open.main;
  const other = findMain(st.mains.values(), open.key, pf.url, open.method, rec, orderOf(st, pf));
  if (other) st.attachOpen(other, open);
}

function swap(st: CorrelationState, a: MainRecord, b: MainRecord): void {
  swapHopPreflights(a, b, (id) => st.preflights.get(id));
  st.changed.add(b);
}

/**
 * A main request that starts after its preflight was seen: Chromium's order when the main request's
 * onBeforeRequest is late or lost (it then starts from its own onSendHeaders or error, after its
 * preflight: early-events.ts). With the headers it is sending (`sent`), a preflight that announced
 * them is preferred: two look-alike requests do not take each other's.
 */
export function claimOrphan(st: CorrelationState, rec: MainRecord, sent?: readonly Header[]): void {
  // Every main request comes here: with no preflight to claim (the usual case), nothing to build.
  if (st.preflights.size === 0 && st.orphans.length === 0 && st.reported.length === 0) return;
  const key = keyOf(rec.ex);
  const fits = (p: OpenPreflight) =>
    !p.main && p.pf.url === rec.url && (p.method === rec.method || p.method === '') && preflightKeyFits(key, p.key);
  const announced = (p: OpenPreflight) => !sent || preflightFits(p.pf, sent);
  // Per list: the first that fits and announced the headers sent, else the first that fits at all.
  const best = <T>(list: Iterable<T>, open: (x: T) => OpenPreflight): { x: T; announced: boolean } | undefined => {
    let first: T | undefined;
    for (const x of list) {
      const p = open(x);
      if (!fits(p)) continue;
      if (announced(p)) return { x, announced: true };
      first ??= x;
    }
    return first === undefined ? undefined : { x: first, announced: false };
  };
  const takeOpen = (p: OpenPreflight) => st.attachOpen(rec, p);
  const takeOrphan = (x: EndedOrphan) => {
    st.orphans.splice(st.orphans.indexOf(x), 1);
    st.attachOpen(rec, x.open);
  };
  const takeReported = (x: CorrelationState['reported'][number]) => {
    st.reported.splice(st.reported.indexOf(x), 1);
    st.discarded.push(x.rec);
    st.ended = st.ended.filter((r) => r !== x.rec);
    st.attachOpen(rec, x.open);
  };
  // A preflight that fits the headers wins over one that does not; then open, ended, shown on its own.
  // Each list is searched only when the ones before hold no preflight announcing the headers (every main request comes here).
  const o = best(st.preflights.values(), (p) => p);
  const i = o?.announced ? undefined : best(st.orphans, (x) => x.open);
  const j = o?.announced || i?.announced ? undefined : best(st.reported, (x) => x.open);
  if (o?.announced) takeOpen(o.x);
  else if (i?.announced) takeOrphan(i.x);
  else if (j?.announced) takeReported(j.x);
  else if (o) takeOpen(o.x);
  else if (i) takeOrphan(i.x);
  else if (j) takeReported(j.x);
  // The main request began before its preflight (Chromium creates the preflight for it): we saw it later.
  const pf = rec.hopPreflight;
  if (pf && pf.start < rec.ex.timings.start) rec.ex.timings.start = pf.start;
}

/** Preflights shown on their own stay claimable this long (by the events' clock), and at most this many. */
const CLAIM_LATE_MS = 120_000;
const MAX_REPORTED = 2_000;

/** Reports the ended orphans older than `before` (all of them when it is omitted) on their own. */
export function reportOrphans(st: CorrelationState, before = Infinity): void {
  if (st.orphans.length === 0) return;
  const keep: EndedOrphan[] = [];
  for (const o of st.orphans) {
    if (o.end.time < before) reportOrphan(st, o.open, o.end);
    else keep.push(o);
  }
  st.orphans = keep;
}

/** A preflight no main request claimed: shown on its own rather than lost (and claimable for a while). */
function reportOrphan(st: CorrelationState, p: OpenPreflight, ev: CompletedEvent | ErrorEvent): void {
  const rec = st.addMain(p.request);
  rec.ex.requestHeaders = p.pf.requestHeaders;
  if (p.pf.response) rec.ex.response = p.pf.response;
  rec.ex.outcome = ev.kind === 'completed' ? { state: 'completed', status: ev.status } : { state: 'failed', error: ev.error };
  rec.ex.timings.end = ev.time;
  st.end(rec);
  const keep = st.reported.filter((o) => o.rec.ex.timings.end! >= ev.time - CLAIM_LATE_MS);
  st.reported = keep.length >= MAX_REPORTED ? keep.slice(keep.length - MAX_REPORTED + 1) : keep;
  st.reported.push({ open: p, rec });
}
