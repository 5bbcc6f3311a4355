/** The verdict filters, the text filter and the table lines they leave. */
import type { VerdictKind } from '../../core/model/verdict';
import type { Row } from './rows';
import { searchRows } from './search';

export type KindFilter = 'all' | 'blocked' | 'preflighted' | 'simple';

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
