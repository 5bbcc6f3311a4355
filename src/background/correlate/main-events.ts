/**
 * The main-request half of the correlator: builds a main request's `Exchange` hop by hop from its
 * events (request headers, response, redirects, end). The correlator routes each event here by
 * requestId; the only calls into the preflight half are the check of a hop's preflight when the
 * request sends its headers (preflight-events.ts `checkHopPreflight`) and, after a redirect, the
 * claim of a preflight already seen for the new hop (`claimOrphan`).
 */
import type { Exchange, ResponseRecord } from '../../core/model/exchange';
import { methodAfterRedirect } from '../../core/http/redirect';
import type {
  CaptureEvent, CompletedEvent, ErrorEvent, RequestEvent, SendHeadersEvent, StartedEvent,
} from '../capture/event';
import { endedEarly, type CorrelationState } from './state';
import { isRedirect, markUnfollowed, refusedHop, responseOf, type MainRecord } from './main-record';
import { checkHopPreflight, claimOrphan } from './preflight-events';
import { isFontCacheProbe } from './cache-probe';

type Later = Exclude<CaptureEvent, RequestEvent>;

/** The real load of a font whose cache probe missed carries on the probe's exchange (cache-probe.ts). */
export function takeOverProbe(st: CorrelationState, ev: RequestEvent): boolean {
  const probe = st.probes.adopt(ev);
  if (!probe) return false;
  probe.requestId = ev.id;
  st.mains.set(ev.id, probe);
  st.changed.add(probe);
  return true;
}

export function onMainEvent(st: CorrelationState, rec: MainRecord, ev: Later): void {
  if (rec.restored) delete rec.restored; // rare: a delete on every event would be a runtime call each time
  st.changed.add(rec);
  if (movedOn(rec, ev)) {
    mainRedirected(rec, ev.url, ev.time);
    // Chromium shows the new hop's preflight before the main request's own event on the new URL.
    claimOrphan(st, rec, ev.kind === 'send-headers' ? ev.headers : undefined);
  }
  switch (ev.kind) {
    case 'send-headers': return mainSent(st, rec, ev);
    case 'headers':
      rec.ex.response = responseOf(ev);
      rec.phase = 'received';
      return;
    case 'started': return mainStarted(st, rec, ev);
    case 'completed':
    case 'error': return mainEnded(st, rec, ev);
  }
}

/**
 * We do not listen to onBeforeRedirect (listeners.ts): the request was redirected when an event of it
 * comes for another URL, or when it sends headers again after a 3xx with a Location (a redirect to the
 * same URL). An error on the same URL after a 3xx is a redirect refused (`refusedHop`), not this.
 */
function movedOn(rec: MainRecord, ev: Later): boolean {
  if (ev.url !== rec.url) return true;
  return ev.kind === 'send-headers' && rec.phase === 'received' && isRedirect(rec);
}

function mainSent(st: CorrelationState, rec: MainRecord, ev: SendHeadersEvent): void {
  checkHopPreflight(st, rec, ev.headers);
  rec.method = ev.method || rec.method;
  rec.headers = ev.headers;
  rec.phase = 'sent';
  if (rec.ex.redirects.length === 0) rec.ex.requestHeaders = ev.headers;
  else rec.ex.finalRequestHeaders = ev.headers;
}

/**
 * The hop the browser left for `location` at `time`, as onBeforeRedirect would have told it (its ip aside).
 * No response seen for the hop: an internal redirect (HSTS, another extension), which Chromium reports as 307.
 */
function mainRedirected(rec: MainRecord, location: string, time: number): void {
  const response: ResponseRecord = rec.ex.response ?? { status: 307, headers: [] };
  rec.ex.redirects.push({
    url: rec.url,
    ...(rec.headers ? { requestHeaders: rec.headers } : {}),
    response,
    location,
    time,
  });
  delete rec.ex.response;
  delete rec.ex.finalRequestHeaders;
  rec.method = methodAfterRedirect(response.status, rec.method);
  rec.url = location;
  rec.phase = 'waiting';
  delete rec.headers;
  delete rec.hopPreflight;
}

/**
 * Chromium hands a response to the page only after its CORS check passed: the exchange's outcome is
 * known now, even when the body keeps streaming for hours. (Firefox may signal this before its own
 * check, so there we wait for the end.)
 */
function mainStarted(st: CorrelationState, rec: MainRecord, ev: StartedEvent): void {
  if (st.observer.browser !== 'chromium') {
    if (rec.ex.response && ev.ip) rec.ex.response.ip = ev.ip;
    return;
  }
  mainEnded(st, rec, { ...ev, kind: 'completed' });
  endedEarly(st, ev.id);
}

function mainEnded(st: CorrelationState, rec: MainRecord, ev: CompletedEvent | ErrorEvent): void {
  if (ev.kind === 'error' && isFontCacheProbe(rec, ev)) {
    // Only the cache was asked; the real request follows under a new requestId (cache-probe.ts).
    st.mains.delete(rec.requestId ?? rec.ex.id);
    rec.phase = 'waiting';
    delete rec.headers;
    const pushedOut = st.probes.park(rec);
    if (pushedOut) finish(st, pushedOut, { state: 'failed', error: ev.error }, ev.time);
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
  finish(st, rec, ev.kind === 'completed' ? { state: 'completed', status: ev.status } : { state: 'failed', error: ev.error }, ev.time);
}

function finish(st: CorrelationState, rec: MainRecord, outcome: Exchange['outcome'], time: number): void {
  rec.ex.outcome = outcome;
  rec.ex.timings.end = time;
  st.end(rec);
}
