/**
 * The one sanitising boundary for records that come from storage, ports and files: an Exchange, a
 * Verdict, or an entry holding both. A missing array, a non-string field, an object whose String()
 * throws, a 20,000-deep array in place of a header value: nothing here throws, and what comes out is
 * well typed. Well-formed input is returned as is (no copy). Never recursive, so depth costs nothing.
 */
import type { Exchange, Header, Observer, Outcome, PreflightRecord, RedirectHop, ResponseRecord } from './exchange';
import { sanitizeVerdict } from './sanitize-verdict';

export { sanitizeVerdict } from './sanitize-verdict';

/** A plain record read back from storage, a port or a file, before its fields are checked. */
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Text of a primitive (numbers and booleans written out); null for anything else (objects are not text). */
export function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** Whether `list` is a header list: an array of objects whose name and value are strings. */
export function headersOk(list: unknown): list is Header[] {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) {
    const h: unknown = list[i];
    if (typeof h !== 'object' || h === null) return false;
    const { name, value } = h as { name?: unknown; value?: unknown };
    if (typeof name !== 'string' || typeof value !== 'string') return false;
  }
  return true;
}

function responseOk(r: unknown): boolean {
  return isObj(r) && typeof r.status === 'number' && headersOk(r.headers) && (r.statusText === undefined || typeof r.statusText === 'string') &&
    (r.ip === undefined || typeof r.ip === 'string') && (r.fromCache === undefined || typeof r.fromCache === 'boolean') && (r.time === undefined || finite(r.time));
}

function hopsOk(list: RedirectHop[]): boolean {
  for (const h of list) {
    if (!isObj(h) || typeof h.url !== 'string' || typeof h.location !== 'string' || !responseOk(h.response) || !finite(h.time)) return false;
    if (h.requestHeaders !== undefined && !headersOk(h.requestHeaders)) return false;
    if (h.followed !== undefined && typeof h.followed !== 'boolean') return false;
  }
  return true;
}

function preflightsOk(list: PreflightRecord[]): boolean {
  for (const p of list) {
    if (!isObj(p) || typeof p.url !== 'string' || !headersOk(p.requestHeaders) || !finite(p.start)) return false;
    if (p.response !== undefined && !responseOk(p.response)) return false;
    if ((p.end !== undefined && !finite(p.end)) || (p.error !== undefined && typeof p.error !== 'string') || (p.id !== undefined && typeof p.id !== 'string')) return false;
  }
  return true;
}

const timingsOk = (t: unknown): boolean => isObj(t) && finite(t.start) && (t.end === undefined || finite(t.end));

/** Header entries whose name and value are text (a missing value is empty); other entries are left out. */
function cleanHeaders(list: unknown): Header[] {
  if (headersOk(list)) return list;
  if (!Array.isArray(list)) return [];
  const out: Header[] = [];
  for (const h of list) {
    if (!isObj(h)) continue;
    const name = textOf(h.name);
    const value = h.value === undefined || h.value === null ? '' : textOf(h.value);
    if (name !== null && value !== null) out.push({ name, value });
  }
  return out;
}

function cleanResponse(r: unknown): ResponseRecord | undefined {
  if (!isObj(r)) return undefined;
  if (responseOk(r) && finite(r.status)) return r as unknown as ResponseRecord;
  const status = finite(r.status) ? r.status : 0;
  const out: ResponseRecord = { status, headers: cleanHeaders(r.headers) };
  if (typeof r.statusText === 'string') out.statusText = r.statusText;
  if (typeof r.ip === 'string') out.ip = r.ip;
  if (r.fromCache === true) out.fromCache = true;
  if (finite(r.time)) out.time = r.time;
  return out;
}

function cleanOutcome(o: unknown): Outcome {
  if (!isObj(o)) return { state: 'pending' };
  if (o.state === 'completed') return finite(o.status) ? (o as unknown as Outcome) : { state: 'completed', status: 0 };
  if (o.state === 'failed') {
    if (typeof o.error === 'string' && (o.corsError === undefined || typeof o.corsError === 'string')) return o as unknown as Outcome;
    return typeof o.corsError === 'string' ? { state: 'failed', error: str(o.error), corsError: o.corsError } : { state: 'failed', error: str(o.error) };
  }
  return o.state === 'pending' ? (o as unknown as Outcome) : { state: 'pending' };
}

function cleanObserver(o: unknown): Observer {
  const browserOk = isObj(o) && (o.browser === 'chromium' || o.browser === 'firefox' || o.browser === 'unknown');
  if (browserOk && typeof o.preflightsVisible === 'boolean' && typeof o.fullRequestHeaders === 'boolean') return o as unknown as Observer;
  const obj = isObj(o) ? o : {};
  return {
    browser: obj.browser === 'chromium' || obj.browser === 'firefox' ? obj.browser : 'unknown',
    preflightsVisible: obj.preflightsVisible === true,
    fullRequestHeaders: obj.fullRequestHeaders === true,
    source: obj.source === 'har' || obj.source === 'test' ? obj.source : 'webRequest',
  };
}

function cleanHop(h: unknown): RedirectHop | null {
  if (!isObj(h)) return null;
  const response = cleanResponse(h.response) ?? { status: 0, headers: [] };
  const hop: RedirectHop = { url: str(h.url), response, location: str(h.location), time: finite(h.time) ? h.time : 0 };
  if (h.requestHeaders !== undefined) hop.requestHeaders = cleanHeaders(h.requestHeaders);
  if (typeof h.followed === 'boolean') hop.followed = h.followed;
  return hop;
}

function cleanPreflight(p: unknown): PreflightRecord | null {
  if (!isObj(p)) return null;
  const pre: PreflightRecord = { url: str(p.url), requestHeaders: cleanHeaders(p.requestHeaders), start: finite(p.start) ? p.start : 0 };
  const response = cleanResponse(p.response);
  if (response) pre.response = response;
  if (typeof p.error === 'string') pre.error = p.error;
  if (typeof p.id === 'string') pre.id = p.id;
  if (finite(p.end)) pre.end = p.end;
  return pre;
}

function cleanTimings(t: unknown): Exchange['timings'] {
  if (timingsOk(t)) return t as Exchange['timings'];
  const obj = isObj(t) ? t : {};
  const out: Exchange['timings'] = { start: finite(obj.start) ? obj.start : 0 };
  if (finite(obj.end)) out.end = obj.end;
  return out;
}

function wellFormed(ex: Exchange): boolean {
  return (
    typeof ex.id === 'string' && typeof ex.url === 'string' && typeof ex.method === 'string' && typeof ex.type === 'string' &&
    (ex.initiator === undefined || typeof ex.initiator === 'string') && (ex.documentUrl === undefined || typeof ex.documentUrl === 'string') &&
    headersOk(ex.requestHeaders) && Array.isArray(ex.redirects) && Array.isArray(ex.preflights) &&
    hopsOk(ex.redirects) && preflightsOk(ex.preflights) && (ex.response === undefined || responseOk(ex.response)) &&
    (ex.finalRequestHeaders === undefined || headersOk(ex.finalRequestHeaders)) && timingsOk(ex.timings) &&
    isObj(ex.outcome) && cleanOutcome(ex.outcome) === ex.outcome && cleanObserver(ex.observer) === ex.observer
  );
}

function rebuild(ex: Record<string, unknown>): Exchange {
  const out: Exchange = {
    id: str(ex.id),
    type: (typeof ex.type === 'string' ? ex.type : 'other') as Exchange['type'],
    method: str(ex.method, 'GET'),
    url: str(ex.url),
    requestHeaders: cleanHeaders(ex.requestHeaders),
    redirects: Array.isArray(ex.redirects) ? ex.redirects.map(cleanHop).filter((h): h is RedirectHop => h !== null) : [],
    preflights: Array.isArray(ex.preflights) ? ex.preflights.map(cleanPreflight).filter((p): p is PreflightRecord => p !== null) : [],
    outcome: cleanOutcome(ex.outcome),
    timings: cleanTimings(ex.timings),
    observer: cleanObserver(ex.observer),
  };
  if (typeof ex.initiator === 'string') out.initiator = ex.initiator;
  if (typeof ex.documentUrl === 'string') out.documentUrl = ex.documentUrl;
  const response = cleanResponse(ex.response);
  if (response) out.response = response;
  if (ex.finalRequestHeaders !== undefined) out.finalRequestHeaders = cleanHeaders(ex.finalRequestHeaders);
  if (finite(ex.tabId)) out.tabId = ex.tabId;
  if (finite(ex.frameId)) out.frameId = ex.frameId;
  return out;
}

/**
 * Exchanges whose maker types every field itself (the capture: its normaliser turns each webRequest
 * callback into strings, numbers and arrays of `{ name, value }` strings, and the correlator assembles
 * only those; and `readHar`, whose entry parser types every field it reads), so `sanitize` would return
 * them unchanged: checking them again would walk every header
 * of every exchange for nothing. A weak set, so a mark never keeps an exchange alive, and a mark is on
 * one object: a copy (an edit, a record read back from storage or a file) is checked like any input.
 */
const typed = new WeakSet<object>();

/**
 * Marks an exchange its maker built well typed (see `typed`), for `sanitize` to take as is; returns it.
 * The maker keeps the promise for as long as it changes the exchange (the capture adds only typed values;
 * `readHar` marks an exchange once it is whole).
 */
export function markTyped(ex: Exchange): Exchange {
  typed.add(ex);
  return ex;
}

/** A well-typed Exchange from anything (the input itself when it already is one). Never throws. */
export function sanitize(input: unknown): Exchange {
  try {
    if (isObj(input) && (typed.has(input) || wellFormed(input as unknown as Exchange))) return input as unknown as Exchange;
    return rebuild(isObj(input) ? input : {});
  } catch {
    // Only exotic objects (a throwing getter, a revoked proxy) get here; storage and JSON cannot make them.
    return rebuild({});
  }
}

/** A stored or received entry (`ExchangeEntry`, `ReportEntry`, `SummaryEntry`) with both parts well typed. */
interface SaneEntry {
  exchange: Exchange;
  verdict: ReturnType<typeof sanitizeVerdict>;
  seq?: number;
  pageId?: string;
}

export function sanitizeEntry(input: unknown): SaneEntry {
  const e = isObj(input) ? input : {};
  const exchange = sanitize(e.exchange);
  const verdict = sanitizeVerdict(e.verdict);
  const extrasOk = (e.seq === undefined || finite(e.seq)) && (e.pageId === undefined || typeof e.pageId === 'string');
  if (exchange === e.exchange && verdict === e.verdict && extrasOk) return e as unknown as SaneEntry;
  const out: SaneEntry = { exchange, verdict };
  if (finite(e.seq)) out.seq = e.seq;
  if (typeof e.pageId === 'string') out.pageId = e.pageId;
  return out;
}

/** A list of entries from anything: a non-list is empty, each item is sanitised. */
export const sanitizeEntries = (list: unknown): SaneEntry[] => (Array.isArray(list) ? list.map(sanitizeEntry) : []);
