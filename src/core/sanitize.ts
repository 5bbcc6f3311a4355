/**
 * Defensive normalisation of an Exchange before classification. Records come from storage, ports
 * and files: a missing array or a non-string field must not make the classifier throw. Well-formed
 * input is returned as is (no copy).
 */
import type { Exchange, Header, Observer, Outcome, PreflightRecord, RedirectHop, ResponseRecord } from './model';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

function headersOk(list: unknown): boolean {
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
  return isObj(r) && typeof r.status === 'number' && headersOk(r.headers);
}

function hopsOk(list: RedirectHop[]): boolean {
  for (const h of list) {
    if (!isObj(h) || typeof h.url !== 'string' || typeof h.location !== 'string' || !responseOk(h.response)) return false;
    if (h.requestHeaders !== undefined && !headersOk(h.requestHeaders)) return false;
    if (h.followed !== undefined && typeof h.followed !== 'boolean') return false;
  }
  return true;
}

function preflightsOk(list: PreflightRecord[]): boolean {
  for (const p of list) {
    if (!isObj(p) || typeof p.url !== 'string' || !headersOk(p.requestHeaders)) return false;
    if (p.response !== undefined && !responseOk(p.response)) return false;
  }
  return true;
}

function cleanHeaders(list: unknown): Header[] {
  if (headersOk(list)) return list as Header[];
  if (!Array.isArray(list)) return [];
  const out: Header[] = [];
  for (const h of list) if (isObj(h)) out.push({ name: str(h.name, String(h.name ?? '')), value: str(h.value, h.value == null ? '' : String(h.value)) });
  return out;
}

function cleanResponse(r: unknown): ResponseRecord | undefined {
  if (!isObj(r)) return undefined;
  const status = typeof r.status === 'number' && Number.isFinite(r.status) ? r.status : 0;
  if (status === r.status && headersOk(r.headers)) return r as unknown as ResponseRecord;
  return { ...(r as object), status, headers: cleanHeaders(r.headers) } as ResponseRecord;
}

function cleanOutcome(o: unknown): Outcome {
  if (!isObj(o)) return { state: 'pending' };
  if (o.state === 'completed') return typeof o.status === 'number' ? (o as unknown as Outcome) : { state: 'completed', status: 0 };
  if (o.state === 'failed') {
    if (typeof o.error === 'string' && (o.corsError === undefined || typeof o.corsError === 'string')) return o as unknown as Outcome;
    return typeof o.corsError === 'string' ? { state: 'failed', error: str(o.error), corsError: o.corsError } : { state: 'failed', error: str(o.error) };
  }
  return o.state === 'pending' ? (o as unknown as Outcome) : { state: 'pending' };
}

function cleanObserver(o: unknown): Observer {
  if (isObj(o) && typeof o.preflightsVisible === 'boolean' && typeof o.fullRequestHeaders === 'boolean') return o as unknown as Observer;
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
  const hop: RedirectHop = { url: str(h.url), response, location: str(h.location), time: typeof h.time === 'number' ? h.time : 0 };
  if (h.requestHeaders !== undefined) hop.requestHeaders = cleanHeaders(h.requestHeaders);
  if (typeof h.followed === 'boolean') hop.followed = h.followed;
  return hop;
}

function cleanPreflight(p: unknown): PreflightRecord | null {
  if (!isObj(p)) return null;
  const pre: PreflightRecord = { url: str(p.url), requestHeaders: cleanHeaders(p.requestHeaders), start: typeof p.start === 'number' ? p.start : 0 };
  const response = cleanResponse(p.response);
  if (response) pre.response = response;
  if (typeof p.error === 'string') pre.error = p.error;
  if (typeof p.id === 'string') pre.id = p.id;
  return pre;
}

function wellFormed(ex: Exchange): boolean {
  return (
    typeof ex.url === 'string' && typeof ex.method === 'string' && typeof ex.type === 'string' &&
    (ex.initiator === undefined || typeof ex.initiator === 'string') &&
    headersOk(ex.requestHeaders) && Array.isArray(ex.redirects) && Array.isArray(ex.preflights) &&
    hopsOk(ex.redirects) && preflightsOk(ex.preflights) && (ex.response === undefined || responseOk(ex.response)) &&
    (ex.finalRequestHeaders === undefined || headersOk(ex.finalRequestHeaders)) &&
    isObj(ex.outcome) && cleanOutcome(ex.outcome) === ex.outcome && cleanObserver(ex.observer) === ex.observer
  );
}

export function sanitize(input: unknown): Exchange {
  if (isObj(input) && wellFormed(input as unknown as Exchange)) return input as unknown as Exchange;
  const ex = isObj(input) ? input : {};
  const out: Exchange = {
    id: str(ex.id),
    type: (typeof ex.type === 'string' ? ex.type : 'other') as Exchange['type'],
    method: str(ex.method, 'GET'),
    url: str(ex.url),
    requestHeaders: cleanHeaders(ex.requestHeaders),
    redirects: Array.isArray(ex.redirects) ? ex.redirects.map(cleanHop).filter((h): h is RedirectHop => h !== null) : [],
    preflights: Array.isArray(ex.preflights) ? ex.preflights.map(cleanPreflight).filter((p): p is PreflightRecord => p !== null) : [],
    outcome: cleanOutcome(ex.outcome),
    timings: isObj(ex.timings) && typeof ex.timings.start === 'number' ? (ex.timings as Exchange['timings']) : { start: 0 },
    observer: cleanObserver(ex.observer),
  };
  if (typeof ex.initiator === 'string') out.initiator = ex.initiator;
  if (typeof ex.documentUrl === 'string') out.documentUrl = ex.documentUrl;
  const response = cleanResponse(ex.response);
  if (response) out.response = response;
  if (ex.finalRequestHeaders !== undefined) out.finalRequestHeaders = cleanHeaders(ex.finalRequestHeaders);
  return out;
}
