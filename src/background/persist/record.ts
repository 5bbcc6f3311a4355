/**
 * The stored form of an entry (log-db.ts's LogRecord ↔ the store's ExchangeEntry): the exchange and
 * its verdict as they are, which IndexedDB clones at `put`. Nothing is copied or packed first: header
 * lists packed into strings made the clone of each string cheaper, but building them (and the
 * clone's flattening of the strings so built) cost more than they saved, about 8 µs a record more
 * than storing the lists as they are (the worker's CPU per request, `npm run bench background`).
 * A record read back is shape-checked (`storedExchange`): a damaged one is removed, not misread.
 */
import type { Exchange, Header } from '../../core/model/exchange';
import type { ExchangeEntry } from '../../shared/protocol';
import type { LogRecord } from './log-db';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;

function isHeaders(list: unknown): list is Header[] {
  if (!Array.isArray(list)) return false;
  for (const h of list) if (!isObj(h) || typeof h.name !== 'string' || typeof h.value !== 'string') return false;
  return true;
}

const isResponse = (r: unknown) => isObj(r) && isHeaders(r.headers);
const isHop = (h: unknown) => isObj(h) && (h.requestHeaders === undefined || isHeaders(h.requestHeaders)) && isResponse(h.response);
const isPreflight = (p: unknown) => isObj(p) && isHeaders(p.requestHeaders) && (p.response === undefined || isResponse(p.response));

/** The exchange a record holds; null when it is damaged (a header list, a hop or a preflight that is not one). */
export function storedExchange(x: unknown): Exchange | null {
  if (!isObj(x) || typeof x.id !== 'string' || typeof x.url !== 'string' || !isObj(x.outcome) || !isObj(x.timings) || !isObj(x.observer)) return null;
  if (!isHeaders(x.requestHeaders) || (x.finalRequestHeaders !== undefined && !isHeaders(x.finalRequestHeaders))) return null;
  if (x.response !== undefined && !isResponse(x.response)) return null;
  if (!Array.isArray(x.redirects) || !x.redirects.every(isHop)) return null;
  if (!Array.isArray(x.preflights) || !x.preflights.every(isPreflight)) return null;
  return x as unknown as Exchange;
}

/** The record of an entry: its verdict is kept once judged, so a wake does not classify it again. */
export function toRecord(tabId: number, e: ExchangeEntry): LogRecord {
  const r: LogRecord = { tabId, id: e.exchange.id, seq: e.seq, pageId: e.pageId, exchange: e.exchange };
  if (e.verdict.kind !== 'pending') r.verdict = e.verdict;
  return r;
}
