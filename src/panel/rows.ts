/**
 * Table rows: everything the table shows or searches is derived once per entry version, so that a
 * filter keystroke is a plain `includes` over precomputed lower-case strings.
 */
import type { Header } from '../core/model';
import type { VerdictKind } from '../core/verdict';
import type { ExchangeEntry } from '../shared/protocol';
import { VERDICT_LABEL, VERDICT_ORDER } from '../ui/verdict-labels';
import { shortReason } from './short-reason';
import type { Terms } from './search-index';
import { allWordsHit, termsOf, TextTable } from './search-index';

export interface Row {
  entry: ExchangeEntry;
  id: string;
  kind: VerdictKind;
  start: number;
  method: string;
  /** Real HTTP status when one was received. */
  status: number | null;
  /** Status column text: the number, or what stands in for it. */
  statusText: string;
  reason: string;
  /** Needed a preflight (seen or cached), whatever the verdict. */
  preflightNeeded: boolean;
  /**
   * What the filter searches (URL, method, status, verdict, reason, header names and values), as
   * numbers into the search table. Made once per entry version, on first need or while idle.
   */
  terms?: Terms;
  /** The table lines of this exchange (itself, then its preflights), made once. */
  lines?: DisplayRow[];
  /** Origin and path of the URL, split once when first drawn. */
  url?: { origin: string; path: string };
}

export const urlParts = (row: Row): { origin: string; path: string } => (row.url ??= splitUrl(row.entry.exchange.url));

/** Longest header value that goes into the search text (a 1 MB header must not slow every keystroke). */
const HAY_VALUE_MAX = 1024;

export function splitUrl(url: string): { origin: string; path: string } {
  try {
    const u = new URL(url);
    if (u.origin === 'null') return { origin: `${u.protocol}`, path: url.slice(u.protocol.length) };
    return { origin: u.origin, path: url.slice(u.origin.length) || '/' };
  } catch {
    return { origin: '', path: url };
  }
}

function addHeaders(parts: string[], headers: readonly Header[] | undefined): void {
  if (!headers) return;
  for (const h of headers) {
    parts.push(h.name);
    parts.push(h.value.length > HAY_VALUE_MAX ? h.value.slice(0, HAY_VALUE_MAX) : h.value);
  }
}

export function statusText(entry: ExchangeEntry): { status: number | null; text: string } {
  const { exchange, verdict } = entry;
  const status = verdict.status ?? exchange.response?.status ?? null;
  if (status !== null) return { status, text: String(status) };
  if (exchange.outcome.state === 'pending') return { status: null, text: '(pending)' };
  if (exchange.outcome.state === 'failed') return { status: null, text: '(failed)' };
  return { status: null, text: '—' };
}

function searchPieces(row: Row): string[] {
  const { exchange: x, verdict: v } = row.entry;
  const parts: string[] = [x.method, x.url, row.statusText, VERDICT_LABEL[v.kind], v.kind, row.reason, v.headline];
  for (const r of v.reasons) parts.push(r.code, r.summary);
  addHeaders(parts, x.requestHeaders);
  addHeaders(parts, x.response?.headers);
  for (const hop of x.redirects) {
    parts.push(hop.location);
    addHeaders(parts, hop.requestHeaders);
    addHeaders(parts, hop.response.headers);
  }
  for (const p of x.preflights) {
    parts.push('options', 'preflight');
    addHeaders(parts, p.requestHeaders);
    addHeaders(parts, p.response?.headers);
  }
  if (x.outcome.state === 'failed') parts.push(x.outcome.error);
  return parts;
}

/** The one search table of this page (a cache: it only holds text the rows already hold). */
const searchTable = new TextTable();

function ensureTerms(row: Row): Terms {
  const t = row.terms;
  if (t && t.generation === searchTable.generation) return t;
  return (row.terms = termsOf(searchTable, searchPieces(row)));
}

/**
 * Prepares the search of `rows` in small slices while the page is idle, so the first keystroke
 * does not pay for ten thousand entries at once. Returns a function that cancels it.
 */
export function warmSearch(rows: readonly Row[], slice = 500): () => void {
  let i = 0;
  let handle: ReturnType<typeof setTimeout> | null = null;
  const step = () => {
    const end = Math.min(rows.length, i + slice);
    for (; i < end; i++) ensureTerms(rows[i]!);
    handle = i < rows.length ? setTimeout(step, 0) : null;
  };
  handle = setTimeout(step, 0);
  return () => { if (handle !== null) clearTimeout(handle); };
}

/** Rows among `rows` whose search text contains every word (lower-case). */
export function searchRows(rows: readonly Row[], words: readonly string[]): Row[] {
  if (words.length === 0) return rows.slice();
  searchTable.compact();
  for (const row of rows) ensureTerms(row);
  const hits = words.map((w) => searchTable.hits(w));
  return rows.filter((row) => allWordsHit(row.terms!, hits));
}

/** Cheap: what the table needs to draw and sort a row. The search text is built later. */
export function toRow(entry: ExchangeEntry): Row {
  const { exchange: x, verdict: v } = entry;
  const st = statusText(entry);
  return {
    entry,
    id: x.id,
    kind: v.kind,
    start: x.timings.start,
    method: x.method,
    status: st.status,
    statusText: st.text,
    reason: shortReason(x, v),
    preflightNeeded: v.preflight.required || x.preflights.length > 0,
  };
}

export type KindFilter = 'all' | 'blocked' | 'preflighted' | 'simple';
export type SortColumn = 'time' | 'method' | 'url' | 'status' | 'verdict' | 'reason';
export interface SortSpec { column: SortColumn; dir: 'asc' | 'desc' }

const NON_CORS = new Set<VerdictKind>(['same-origin', 'no-cors', 'network-error']);
export const isNonCors = (kind: VerdictKind): boolean => NON_CORS.has(kind);

/** Splits the filter text into lower-case terms; every term must occur. */
export function terms(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** The verdict filters: non-CORS switch and kind buttons. */
export function kindMatches(row: Row, kind: KindFilter, showNonCors: boolean): boolean {
  if (!showNonCors && NON_CORS.has(row.kind)) return false;
  if (kind === 'blocked' && row.kind !== 'blocked') return false;
  if (kind === 'preflighted' && !row.preflightNeeded) return false;
  if (kind === 'simple' && row.kind !== 'simple') return false;
  return true;
}

const rank = new Map(VERDICT_ORDER.map((k, i) => [k, i]));
const byTime = (a: Row, b: Row) => a.start - b.start || a.entry.seq - b.entry.seq;
const COMPARE: Record<SortColumn, (a: Row, b: Row) => number> = {
  time: byTime,
  method: (a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0),
  url: (a, b) => (a.entry.exchange.url < b.entry.exchange.url ? -1 : a.entry.exchange.url > b.entry.exchange.url ? 1 : 0),
  status: (a, b) => (a.status ?? 1000) - (b.status ?? 1000),
  verdict: (a, b) => rank.get(a.kind)! - rank.get(b.kind)!,
  reason: (a, b) => (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
};

/** Stable sort; ties keep time order. */
export function sortRows(rows: readonly Row[], spec: SortSpec): readonly Row[] {
  if (spec.column === 'time' && spec.dir === 'asc') return rows;
  const cmp = COMPARE[spec.column];
  const sign = spec.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * cmp(a, b) || byTime(a, b));
}

/** A line of the table: an exchange, or one of its preflights shown under it. */
export type DisplayRow =
  | { type: 'request'; key: string; row: Row }
  | { type: 'preflight'; key: string; row: Row; index: number };

export const preflightKey = (id: string, index: number): string => `${id}#preflight-${index}`;

function linesOf(row: Row): DisplayRow[] {
  if (row.lines) return row.lines;
  const lines: DisplayRow[] = [{ type: 'request', key: row.id, row }];
  const pf = row.entry.exchange.preflights;
  for (let i = 0; i < pf.length; i++) lines.push({ type: 'preflight', key: preflightKey(row.id, i), row, index: i });
  return (row.lines = lines);
}

/** Expands rows into table lines: each exchange followed by its preflights. */
export function withPreflights(rows: readonly Row[]): DisplayRow[] {
  const out: DisplayRow[] = [];
  for (const row of rows) {
    const lines = linesOf(row);
    if (lines.length === 1) out.push(lines[0]!);
    else for (const line of lines) out.push(line);
  }
  return out;
}

/** The table lines for these filters, computed from scratch (createFilter does the same, faster). */
export function display(rows: readonly Row[], kind: KindFilter, showNonCors: boolean, text: string): DisplayRow[] {
  return withPreflights(searchRows(rows.filter((row) => kindMatches(row, kind, showNonCors)), terms(text)));
}

export interface Filtered {
  rows: readonly Row[];
  lines: DisplayRow[];
}

/**
 * Filtering that gets cheaper as the user types: results are kept per filter text (for the same
 * rows, sort and kind), a longer text is searched only within the results of the longest cached
 * text it extends, and backspacing finds its earlier result in the cache.
 */
export function createFilter(limit = 32) {
  let base: [readonly Row[], KindFilter, boolean] | null = null;
  const cache = new Map<string, Filtered>();
  return (sorted: readonly Row[], kind: KindFilter, showNonCors: boolean, text: string): Filtered => {
    if (!base || base[0] !== sorted || base[1] !== kind || base[2] !== showNonCors) {
      cache.clear();
      base = [sorted, kind, showNonCors];
    }
    const words = terms(text);
    const key = words.join(' ');
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    let from: readonly Row[] = sorted;
    let best = -1;
    for (const [k, v] of cache) {
      if (k.length > best && key.startsWith(k)) {
        best = k.length;
        from = v.rows;
      }
    }
    const rows = searchRows(best < 0 ? from.filter((row) => kindMatches(row, kind, showNonCors)) : from, words);
    const result = { rows, lines: withPreflights(rows) };
    cache.set(key, result);
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    return result;
  };
}
