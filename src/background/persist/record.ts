/**
 * The stored form of an entry (log-db.ts's LogRecord ↔ the store's ExchangeEntry). Each header list
 * is stored as one string, its names and values joined by NUL, which HTTP forbids in both: structured
 * clone copies one string far more cheaply than a list of small objects (a record is mostly headers),
 * and a join makes that string in one piece:
 *   [{name:'A', value:'xy'}, {name:'', value:'b|c'}]  →  "A\0xy\0\0b|c"
 * An empty list is the empty string. A list where some name or value holds a NUL anyway is stored as
 * it is (a list of objects), so any string round-trips.
 * Against the lengths-first packing it replaces (`1,2,0,3|Axyb|c`, schema 4), measured side by side:
 * writing costs the same, reading back about 30 % less (a split instead of a slice per name and
 * value), and a record is about 4 % smaller. Lists kept as they are write no cheaper and are 18 % bigger.
 */
import type { Exchange, Header, PreflightRecord, RedirectHop, ResponseRecord } from '../../core/model/exchange';
import type { ExchangeEntry } from '../../shared/protocol';
import { headersOk, isObj, type Obj } from '../../core/model/sanitize';
import type { LogRecord } from './log-db';

/** A header list as stored: joined into one string, or as it is when a name or value holds a NUL. */
type StoredHeaders = string | Header[];
type StoredResponse = Omit<ResponseRecord, 'headers'> & { headers: StoredHeaders };
type StoredHop = Omit<RedirectHop, 'requestHeaders' | 'response'> & { requestHeaders?: StoredHeaders; response: StoredResponse };
type StoredPreflight = Omit<PreflightRecord, 'requestHeaders' | 'response'> & { requestHeaders: StoredHeaders; response?: StoredResponse };
/** An exchange as stored: the model's shape, header lists joined. */
export type StoredExchange = Omit<Exchange, 'requestHeaders' | 'finalRequestHeaders' | 'response' | 'redirects' | 'preflights'> & {
  requestHeaders: StoredHeaders;
  finalRequestHeaders?: StoredHeaders;
  response?: StoredResponse;
  redirects: StoredHop[];
  preflights: StoredPreflight[];
};

const SEP = '\0';

/**
 * The arrays the joins are made from, one per number of names and values, each reused (filled
 * anew, never cut, emptied after the join): a fresh array grown pair by pair was a third of what
 * making a record allocated. Lists longer than this get an array of their own.
 */
const PARTS: string[][] = [];
const POOLED = 128;

function packHeaders(list: Header[]): StoredHeaders {
  const n = list.length;
  if (n === 0) return '';
  const len = 2 * n;
  const parts = len <= POOLED ? (PARTS[len] ??= new Array<string>(len).fill('')) : new Array<string>(len);
  let joined: StoredHeaders = list;
  let i = 0;
  for (; i < n; i++) {
    const h = list[i]!;
    if (h.name.includes(SEP) || h.value.includes(SEP)) break;
    parts[2 * i] = h.name;
    parts[2 * i + 1] = h.value;
  }
  if (i === n) joined = parts.join(SEP);
  if (len <= POOLED) parts.fill('', 0, 2 * i); // the pooled array keeps no header value alive (one may be a 256 KB cookie)
  return joined;
}

/** The list `packHeaders` stored; null when `s` is not one (a damaged record). */
function unpackHeaders(s: unknown): Header[] | null {
  if (typeof s === 'string') {
    if (s === '') return [];
    const parts = s.split(SEP);
    if (parts.length % 2 !== 0) return null;
    const out: Header[] = [];
    for (let i = 0; i < parts.length; i += 2) out.push({ name: parts[i]!, value: parts[i + 1]! });
    return out;
  }
  return headersOk(s) ? s : null;
}

const packResponse = (r: ResponseRecord): StoredResponse => ({ ...r, headers: packHeaders(r.headers) });

// A spread copy, the lists overwritten where present: no `delete` (it turns an object into a slow
// dictionary, for the clone too) and no rest destructuring (a slow runtime call in V8).

function packHop(r: RedirectHop): StoredHop {
  const hop: Obj = { ...r, response: packResponse(r.response) };
  if (r.requestHeaders) hop.requestHeaders = packHeaders(r.requestHeaders);
  return hop as StoredHop;
}

function packPreflight(p: PreflightRecord): StoredPreflight {
  const pf: Obj = { ...p, requestHeaders: packHeaders(p.requestHeaders) };
  if (p.response) pf.response = packResponse(p.response);
  return pf as StoredPreflight;
}

function packExchange(x: Exchange): StoredExchange {
  const out: Obj = {
    ...x,
    requestHeaders: packHeaders(x.requestHeaders),
    redirects: x.redirects.length === 0 ? [] : x.redirects.map(packHop),
    preflights: x.preflights.length === 0 ? [] : x.preflights.map(packPreflight),
  };
  if (x.finalRequestHeaders) out.finalRequestHeaders = packHeaders(x.finalRequestHeaders);
  if (x.response) out.response = packResponse(x.response);
  return out as StoredExchange;
}

const damaged = (): never => { throw new TypeError('damaged record'); };
const headers = (s: unknown): Header[] => unpackHeaders(s) ?? damaged();
const unpackResponse = (r: unknown): ResponseRecord => (isObj(r) ? { ...r, headers: headers(r.headers) } as ResponseRecord : damaged());

function unpackHop(r: unknown): RedirectHop {
  if (!isObj(r)) return damaged();
  const hop: Obj = { ...r, response: unpackResponse(r.response) };
  if (r.requestHeaders !== undefined) hop.requestHeaders = headers(r.requestHeaders);
  return hop as unknown as RedirectHop;
}

function unpackPreflight(p: unknown): PreflightRecord {
  if (!isObj(p)) return damaged();
  const pf: Obj = { ...p, requestHeaders: headers(p.requestHeaders) };
  if (p.response !== undefined) pf.response = unpackResponse(p.response);
  return pf as unknown as PreflightRecord;
}

/** The exchange a record holds, header lists back as lists; null when it is damaged. */
export function storedExchange(x: unknown): Exchange | null {
  if (!isObj(x) || typeof x.id !== 'string' || typeof x.url !== 'string' || !isObj(x.outcome) || !isObj(x.timings) || !isObj(x.observer)) return null;
  if (!Array.isArray(x.redirects) || !Array.isArray(x.preflights)) return null;
  try {
    const out: Obj = {
      ...x,
      requestHeaders: headers(x.requestHeaders),
      redirects: x.redirects.length === 0 ? [] : x.redirects.map(unpackHop),
      preflights: x.preflights.length === 0 ? [] : x.preflights.map(unpackPreflight),
    };
    if (x.finalRequestHeaders !== undefined) out.finalRequestHeaders = headers(x.finalRequestHeaders);
    if (x.response !== undefined) out.response = unpackResponse(x.response);
    return out as unknown as Exchange;
  } catch {
    return null; // a list that is neither joined nor a list of headers, a hop that is not one: the record is removed
  }
}

/** The record of an entry: its verdict is kept once judged, so a wake does not classify it again. */
export function toRecord(tabId: number, e: ExchangeEntry): LogRecord {
  const r: LogRecord = { tabId, id: e.exchange.id, seq: e.seq, pageId: e.pageId, exchange: packExchange(e.exchange) };
  if (e.verdict.kind !== 'pending') r.verdict = e.verdict;
  return r;
}
