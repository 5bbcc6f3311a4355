/**
 * The correlator's state for one main request (anything that is not a browser preflight): the
 * `Exchange` being filled in, plus where it stands in the current redirect hop.
 */
import { markTyped } from '../../core/model/sanitize';
import type { Exchange, Header, Observer, PreflightRecord, RedirectHop, ResponseRecord } from '../../core/model/exchange';
import { firstHeader } from '../../core/http/headers';
import type { HeadersEvent, RequestEvent } from '../capture/event';

export type Phase = 'waiting' | 'sent' | 'received';

export interface MainRecord {
  ex: Exchange;
  /** For the current hop: headers not yet sent, sent, or response headers received. */
  phase: Phase;
  /** URL and method of the current hop (they change on redirects). */
  url: string;
  method: string;
  /** Request headers of the current hop, once sent. */
  headers?: Header[];
  /** The preflight attached for the current hop (ended or not). */
  hopPreflight?: PreflightRecord;
  /** Set by the session: the page session it belongs to, its seq, whether the store has it. */
  pageId?: string;
  seq?: number;
  shown?: boolean;
  /** Chromium: the top-level document the request came from (page-session detection). */
  topDocument?: string;
  /** The browser's requestId now carrying this exchange, when it is not `ex.id` (a font's real load after its cache probe). */
  requestId?: string;
  /** Taken back from storage after a worker restart, and no event of it seen since (its end may have been lost). */
  restored?: boolean;
}

export interface PairingKey {
  tabId: number;
  frameId: number;
  type: string;
  initiator: string | undefined;
}

export function newMainRecord(ev: RequestEvent, observer: Observer): MainRecord {
  // Every value below and every one the correlator adds later is typed by the normaliser: the classifier need not
  // check it again (test/unit/core/model/typed.test.ts proves sanitize returns the capture's exchanges unchanged).
  // Plain assignments for the optional fields, not spreads of small objects: this runs for every request.
  const ex: Exchange = {
    id: ev.id,
    type: ev.type,
    method: ev.method,
    url: ev.url,
    requestHeaders: [],
    redirects: [],
    preflights: [],
    outcome: { state: 'pending' },
    timings: { start: ev.time },
    observer,
    tabId: ev.tabId,
    frameId: ev.frameId,
  };
  if (ev.initiator !== undefined) ex.initiator = ev.initiator;
  if (ev.documentUrl !== undefined) ex.documentUrl = ev.documentUrl;
  markTyped(ex);
  const rec: MainRecord = { ex, phase: 'waiting', url: ev.url, method: ev.method };
  if (ev.topDocument) rec.topDocument = ev.topDocument;
  return rec;
}

export function keyOf(ex: Exchange): PairingKey {
  return { tabId: ex.tabId ?? -1, frameId: ex.frameId ?? 0, type: ex.type, initiator: ex.initiator };
}

export function sameKey(a: PairingKey, b: PairingKey): boolean {
  return a.tabId === b.tabId && a.frameId === b.frameId && a.type === b.type && a.initiator === b.initiator;
}

/**
 * Whether a preflight with key `pf` may belong to a main request with key `main`. The browser builds
 * the preflight in the same tab and frame, for the same initiator, and usually of the same type; but
 * a beacon (`ping`) gets a preflight of type `other` in Chromium (its destination is empty and the
 * preflight is not keepalive).
 */
export function preflightKeyFits(main: PairingKey, pf: PairingKey): boolean {
  if (main.tabId !== pf.tabId || main.frameId !== pf.frameId || main.initiator !== pf.initiator) return false;
  return main.type === pf.type || (main.type === 'ping' && pf.type === 'other');
}

export function keyOfRequest(r: RequestEvent): PairingKey {
  return { tabId: r.tabId, frameId: r.frameId, type: r.type, initiator: r.initiator };
}

export function responseOf(ev: HeadersEvent): ResponseRecord {
  const r: ResponseRecord = { status: ev.status, headers: ev.headers, time: ev.time };
  if (ev.statusText !== undefined) r.statusText = ev.statusText;
  if (ev.fromCache !== undefined) r.fromCache = ev.fromCache;
  return r;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** The current hop's response is a redirect: a 3xx status with a Location. */
export function isRedirect(rec: MainRecord): boolean {
  const response = rec.ex.response;
  return !!response && REDIRECT_STATUSES.has(response.status) && !!firstHeader(response.headers, 'location')?.trim();
}

/**
 * The request failed right after a 3xx with a Location (sequence J in
 * test/unit/background/correlate/sequences.test.ts: Chromium refused the redirect, e.g. its CORS
 * check or userinfo in Location; no onBeforeRedirect): that response is a hop the browser did not
 * follow, not the final response. Returns the hop, or null when the response is not a redirect.
 */
export function refusedHop(rec: MainRecord, time: number): RedirectHop | null {
  const response = rec.ex.response;
  if (!response || !REDIRECT_STATUSES.has(response.status)) return null;
  const raw = firstHeader(response.headers, 'location')?.trim();
  if (!raw) return null;
  let location: string;
  try {
    // Resolved against the hop's URL (a relative Location), which the core's parseUrl does not do.
    location = new URL(raw, rec.url).href;
  } catch {
    return null;
  }
  return { url: rec.url, ...(rec.headers ? { requestHeaders: rec.headers } : {}), response, location, time, followed: false };
}

/**
 * The request ended after a redirect (a 3xx with Location) but before its next hop sent anything (no headers, no
 * preflight for it): the redirect was not followed. Chromium does this for fetch's redirect: 'manual'
 * (the page got an opaque redirect) and 'error', then reports net::ERR_ABORTED. Marks the last hop
 * `followed: false`; returns whether it did.
 */
export function markUnfollowed(rec: MainRecord): boolean {
  const last = rec.ex.redirects.at(-1);
  if (!last || rec.phase !== 'waiting' || rec.hopPreflight !== undefined || rec.ex.response) return false;
  last.followed = false;
  return true;
}
