/**
 * The stored form of an entry (log-db.ts's LogRecord ↔ the store's ExchangeEntry). Each header list
 * is packed into one string: structured clone copies one string far more cheaply than an array of
 * small objects (a record is mostly headers). The packing is safe for any strings: the lengths of
 * every name and value come first, then `|`, then the names and values end to end, so a value may
 * hold any character (separators, `|`, digits, unicode, nothing at all):
 *   [{name:'A', value:'xy'}, {name:'', value:'b|c'}]  →  "1,2,0,3|Axyb|c"
 * An empty list is the empty string.
 */
import type { Exchange, Header, PreflightRecord, RedirectHop, ResponseRecord } from '../../core/model/exchange';
import type { ExchangeEntry } from '../../shared/protocol';
import type { LogRecord } from './log-db';

type PackedResponse = Omit<ResponseRecord, 'headers'> & { headers: string };
type PackedHop = Omit<RedirectHop, 'requestHeaders' | 'response'> & { requestHeaders?: string; response: PackedResponse };
type PackedPreflight = Omit<PreflightRecord, 'requestHeaders' | 'response'> & { requestHeaders: string; response?: PackedResponse };
/** An exchange as stored: the model's shape, header lists packed. */
export type PackedExchange = Omit<Exchange, 'requestHeaders' | 'finalRequestHeaders' | 'response' | 'redirects' | 'preflights'> & {
  requestHeaders: string;
  finalRequestHeaders?: string;
  response?: PackedResponse;
  redirects: PackedHop[];
  preflights: PackedPreflight[];
};

function packHeaders(list: readonly Header[]): string {
  if (list.length === 0) return '';
  let lengths = '';
  let text = '';
  for (const h of list) {
    lengths += (lengths ? ',' : '') + h.name.length + ',' + h.value.length;
    text += h.name + h.value;
  }
  return lengths + '|' + text;
}

/** The list `packHeaders` packed; null when `s` is not such a string (a damaged record). */
function unpackHeaders(s: string): Header[] | null {
  if (s === '') return [];
  const bar = s.indexOf('|');
  if (bar < 0) return null;
  const lengths = s.slice(0, bar).split(',');
  if (lengths.length % 2 !== 0) return null;
  const out: Header[] = [];
  let at = bar + 1;
  for (let i = 0; i < lengths.length; i += 2) {
    const n = Number(lengths[i]);
    const v = Number(lengths[i + 1]);
    if (!Number.isInteger(n) || !Number.isInteger(v) || n < 0 || v < 0 || at + n + v > s.length) return null;
    out.push({ name: s.slice(at, at + n), value: s.slice(at + n, at + n + v) });
    at += n + v;
  }
  return at === s.length ? out : null;
}

const packResponse = (r: ResponseRecord): PackedResponse => ({ ...r, headers: packHeaders(r.headers) });

// A spread copy, the lists overwritten where present: no `delete` (it turns an object into a slow
// dictionary, for the clone too) and no rest destructuring (a slow runtime call in V8).
type Loose = Record<string, unknown>;

function packHop(r: RedirectHop): PackedHop {
  const hop: Loose = { ...r, response: packResponse(r.response) };
  if (r.requestHeaders) hop.requestHeaders = packHeaders(r.requestHeaders);
  return hop as PackedHop;
}

function packPreflight(p: PreflightRecord): PackedPreflight {
  const pf: Loose = { ...p, requestHeaders: packHeaders(p.requestHeaders) };
  if (p.response) pf.response = packResponse(p.response);
  return pf as PackedPreflight;
}

export function packExchange(x: Exchange): PackedExchange {
  const out: Loose = {
    ...x,
    requestHeaders: packHeaders(x.requestHeaders),
    redirects: x.redirects.length === 0 ? [] : x.redirects.map(packHop),
    preflights: x.preflights.length === 0 ? [] : x.preflights.map(packPreflight),
  };
  if (x.finalRequestHeaders) out.finalRequestHeaders = packHeaders(x.finalRequestHeaders);
  if (x.response) out.response = packResponse(x.response);
  return out as PackedExchange;
}

const damaged = (): never => { throw new TypeError('damaged record'); };
const headers = (s: unknown): Header[] => (typeof s === 'string' ? unpackHeaders(s) : null) ?? damaged();
const unpackResponse = (r: PackedResponse): ResponseRecord =>
  typeof r === 'object' && r !== null ? { ...r, headers: headers(r.headers) } : damaged();

function unpackHop(r: PackedHop): RedirectHop {
  const hop: Loose = { ...r, response: unpackResponse(r.response) };
  if (r.requestHeaders !== undefined) hop.requestHeaders = headers(r.requestHeaders);
  return hop as unknown as RedirectHop;
}

function unpackPreflight(p: PackedPreflight): PreflightRecord {
  const pf: Loose = { ...p, requestHeaders: headers(p.requestHeaders) };
  if (p.response !== undefined) pf.response = unpackResponse(p.response);
  return pf as unknown as PreflightRecord;
}

/** The exchange `packExchange` stored; null when the stored value is damaged. */
export function unpackExchange(x: PackedExchange): Exchange | null {
  try {
    if (!Array.isArray(x.redirects) || !Array.isArray(x.preflights)) return null;
    const out: Loose = {
      ...x,
      requestHeaders: headers(x.requestHeaders),
      redirects: x.redirects.length === 0 ? [] : x.redirects.map(unpackHop),
      preflights: x.preflights.length === 0 ? [] : x.preflights.map(unpackPreflight),
    };
    if (x.finalRequestHeaders !== undefined) out.finalRequestHeaders = headers(x.finalRequestHeaders);
    if (x.response !== undefined) out.response = unpackResponse(x.response);
    return out as unknown as Exchange;
  } catch {
    return null; // a missing list or hop, a list that is not packed: the record is removed
  }
}

/** The record of an entry: its verdict is kept once judged, so a wake does not classify it again. */
export function toRecord(tabId: number, e: ExchangeEntry): LogRecord {
  const r: LogRecord = { tabId, id: e.exchange.id, seq: e.seq, pageId: e.pageId, exchange: packExchange(e.exchange) };
  if (e.verdict.kind !== 'pending') r.verdict = e.verdict;
  return r;
}
