/**
 * Which main request a browser preflight belongs to. Nothing in webRequest links them (the preflight
 * has a requestId of its own), so we match the way the browser builds a preflight (Fetch Standard,
 * "CORS-preflight fetch", https://fetch.spec.whatwg.org/#cors-preflight-fetch; Chromium's
 * services/network/cors/preflight_controller.cc, CreatePreflightRequest; the event orders are
 * sequences A–J in test/unit/background/correlate/sequences.test.ts): same URL as the main request's current
 * hop, same tab, frame, initiator and type, `Access-Control-Request-Method` equal to the main
 * request's method, and in time order: the main request's onBeforeRequest comes first, the preflight
 * ends before the main request sends its headers (Chromium). Firefox reports the main request's
 * onSendHeaders first and only then opens the preflight (observed in Firefox 153): there a main
 * request that has sent its headers but has no response yet is still waiting for its preflight, and
 * the headers it sent tell which of two look-alike requests a preflight belongs to.
 */
import type { Header, PreflightRecord } from '../../core/model/exchange';
import { firstHeader } from '../../core/http/headers';
import { keyOf, preflightKeyFits, sameKey, type MainRecord, type PairingKey } from './main-record';

/** An OPTIONS request is a browser preflight when it carries `Access-Control-Request-Method`. */
export function preflightMethod(headers: readonly Header[]): string | undefined {
  const acrm = firstHeader(headers, 'access-control-request-method');
  if (acrm === null) return undefined;
  const mode = firstHeader(headers, 'sec-fetch-mode');
  if (mode !== null && mode.trim().toLowerCase() !== 'cors') return undefined;
  return acrm.trim();
}

/** `Access-Control-Request-Headers` split into lowercase names (empty items skipped). */
function requestedHeaderNames(headers: readonly Header[]): string[] {
  const v = firstHeader(headers, 'access-control-request-headers');
  if (!v) return [];
  return v.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0);
}

const SIMPLE = new Set(['GET', 'HEAD', 'POST']);

/** How the browser orders a main request's events around its preflight. */
export interface PairingOrder {
  /** Firefox: the main request's onSendHeaders comes before its preflight starts. */
  headersFirst: boolean;
  /** The preflight being paired, when its headers are known (Firefox: matched against what was sent). */
  preflight?: PreflightRecord;
}

const CHROMIUM_ORDER: PairingOrder = { headersFirst: false };

/** Could `rec` be waiting for a preflight to `url` right now? */
function waitingFor(rec: MainRecord, key: PairingKey, url: string, order: PairingOrder): boolean {
  const before = rec.phase === 'waiting' || (order.headersFirst && rec.phase === 'sent');
  return before && rec.hopPreflight === undefined && rec.url === url && preflightKeyFits(keyOf(rec.ex), key);
}

/**
 * The oldest main request waiting for this preflight. With `method` unknown (a preflight that failed
 * before sending headers), a request whose method is not simple is preferred. When the main
 * requests' headers are already known (Firefox), the first whose headers fit the preflight wins.
 */
export function findMain(
  mains: Iterable<MainRecord>, key: PairingKey, url: string, method: string | undefined, exclude?: MainRecord,
  order: PairingOrder = CHROMIUM_ORDER,
): MainRecord | undefined {
  let fallback: MainRecord | undefined;
  let sameMethod: MainRecord | undefined;
  for (const rec of mains) {
    if (rec === exclude || !waitingFor(rec, key, url, order)) continue;
    if (method !== undefined) {
      if (rec.method !== method) continue;
      if (!order.headersFirst || !order.preflight || !rec.headers || preflightFits(order.preflight, rec.headers)) return rec;
      sameMethod ??= rec;
    } else if (!SIMPLE.has(rec.method.toUpperCase())) {
      return rec;
    } else {
      fallback ??= rec;
    }
  }
  return sameMethod ?? fallback;
}

/** Every header the preflight announced was actually sent by the main request. */
export function preflightFits(pf: PreflightRecord, sent: readonly Header[]): boolean {
  const requested = requestedHeaderNames(pf.requestHeaders);
  if (requested.length === 0) return true; // no set of the sent names to build
  const names = new Set(sent.map((h) => h.name.toLowerCase()));
  return requested.every((n) => names.has(n));
}

/**
 * Two identical-looking requests may have taken each other's preflight (their
 * `Access-Control-Request-Headers` differ). Returns another waiting request whose hop preflight
 * fits the headers `rec` has just sent, so the two can be swapped.
 */
export function findSwap(mains: Iterable<MainRecord>, rec: MainRecord, sent: readonly Header[]): MainRecord | undefined {
  const key = keyOf(rec.ex);
  for (const other of mains) {
    if (other === rec || other.phase !== 'waiting' || other.url !== rec.url || other.method !== rec.method) continue;
    if (!sameKey(keyOf(other.ex), key) || other.hopPreflight === undefined) continue;
    if (preflightFits(other.hopPreflight, sent)) return other;
  }
  return undefined;
}

/** Exchanges `a`'s and `b`'s hop preflights (and who owns them while they are still open). */
export function swapHopPreflights(a: MainRecord, b: MainRecord, openOf: (id: string) => { main?: MainRecord } | undefined): void {
  const pa = a.hopPreflight!;
  const pb = b.hopPreflight!;
  a.ex.preflights = a.ex.preflights.map((x) => (x === pa ? pb : x));
  b.ex.preflights = b.ex.preflights.map((x) => (x === pb ? pa : x));
  a.hopPreflight = pb;
  b.hopPreflight = pa;
  for (const [pf, owner] of [[pb, a], [pa, b]] as const) {
    const open = pf.id !== undefined ? openOf(pf.id) : undefined;
    if (open) open.main = owner;
  }
}
