/** The verdict filters, the text filter and the table lines they leave. */
import { NON_CORS_KINDS } from '../../core/model/verdict';
import type { Row, TableLine } from './rows';
import type { SearchIndex } from './search';
import { createSearchIndex, pick } from './search';
import type { Severity } from '../../core/findings/types';
import { atLeast } from '../../core/findings';
import { type Words, EN } from '../../core';

/** The Findings filter: rows whose worst finding is at least `min` (`worst` is built once per findings change). */
interface FindingFilter {
  min: Severity;
  worst: ReadonlyMap<string, Severity>;
}

function findingMatches(row: Row, findings: FindingFilter | null): boolean {
  if (findings === null) return true;
  const worst = findings.worst.get(row.id);
  return worst !== undefined && atLeast(worst, findings.min);
}

export type KindFilter = 'all' | 'blocked' | 'preflighted' | 'simple';

/** Splits the filter text into lower-case words; every word must occur. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** The verdict filters: non-CORS switch and kind buttons. */
function kindMatches(row: Row, kind: KindFilter, showNonCors: boolean): boolean {
  if (!showNonCors && NON_CORS_KINDS.has(row.kind)) return false;
  if (kind === 'blocked' && row.kind !== 'blocked') return false;
  if (kind === 'preflighted' && !row.preflightNeeded) return false;
  if (kind === 'simple' && row.kind !== 'simple') return false;
  return true;
}

/** Expands rows into table lines: each exchange followed by its preflights (counted first: one allocation). */
function linesOf(rows: readonly Row[]): TableLine[] {
  let total = 0;
  for (let i = 0; i < rows.length; i++) total += rows[i]!.lines.length;
  const out = new Array<TableLine>(total);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const lines = rows[i]!.lines;
    for (let j = 0; j < lines.length; j++) out[k++] = lines[j]!;
  }
  return out;
}

/** The table lines for these filters, computed from scratch (createFilter does the same, faster). */
export function display(rows: readonly Row[], kind: KindFilter, showNonCors: boolean, text: string, index: SearchIndex = createSearchIndex(), findings: FindingFilter | null = null, lang: Words = EN): TableLine[] {
  return linesOf(index.search(rows.filter((row) => kindMatches(row, kind, showNonCors) && findingMatches(row, findings)), wordsOf(text), lang));
}

interface Filtered {
  rows: readonly Row[];
  lines: TableLine[];
}

/** A result, with the position of each of its rows in the sorted rows it was taken from. */
interface Kept extends Filtered {
  at: Int32Array;
}

/**
 * The result for `sorted` from the one for `before`, when `sorted` is `before` with rows appended or replaced
 * in place (as the log grows and its exchanges complete) and not too many of them: only those rows are
 * judged (`select` gives the positions among them that pass). Null when it is not that case.
 */
function patch(kept: Kept, before: readonly Row[], sorted: readonly Row[], select: (rows: readonly Row[]) => Int32Array): Kept | null {
  if (sorted.length < before.length) return null;
  const changed: number[] = [];
  const most = 64 + before.length / 16;
  for (let i = 0; i < before.length; i++) {
    if (before[i] !== sorted[i] && changed.push(i) > most) return null;
  }
  const replaced = changed.length;
  for (let i = before.length; i < sorted.length; i++) changed.push(i);
  const passing = new Uint8Array(changed.length);
  for (const k of select(pick(sorted, changed))) passing[k] = 1;
  // Merge by position: the kept rows (less the replaced ones) and the new rows that pass.
  const rows: Row[] = [];
  const at: number[] = [];
  let j = 0;
  let k = 0;
  while (j < kept.at.length || k < changed.length) {
    const pj = j < kept.at.length ? kept.at[j]! : Infinity;
    const pk = k < changed.length ? changed[k]! : Infinity;
    if (pj < pk) {
      rows.push(kept.rows[j]!);
      at.push(pj);
      j++;
    } else {
      if (pj === pk) j++; // the earlier version of a replaced row goes
      if (passing[k] === 1) { rows.push(sorted[pk]!); at.push(pk); }
      k++;
    }
  }
  const lines = replaced === 0 ? kept.lines.concat(linesOf(rows.slice(kept.rows.length))) : linesOf(rows);
  return { rows, lines, at: new Int32Array(at) };
}

/**
 * Filtering that gets cheaper as the user types: results are kept per filter text (for the same
 * rows, sort and kind), a longer text is searched only within the results of the longest cached
 * text it extends, and backspacing finds its earlier result in the cache. When rows arrive (appended,
 * or replaced in place), the result shown is patched with them instead of filtering all again.
 * Searches go to `index`.
 */
export function createFilter(limit = 32, index: SearchIndex = createSearchIndex()) {
  let base: [KindFilter, boolean, Severity | null, FindingFilter['worst'] | null, string] | null = null;
  /** The rows the cached results were taken from. */
  let from: readonly Row[] = [];
  const cache = new Map<string, Kept>();
  /** `lang`: the words the table shows (the text is searched in them and in English). */
  return (sorted: readonly Row[], kind: KindFilter, showNonCors: boolean, text: string, findings: FindingFilter | null = null, lang: Words = EN): Filtered => {
    const min = findings?.min ?? null;
    const worst = findings?.worst ?? null;
    const words = wordsOf(text);
    const key = words.join(' ');
    /** Positions among `rows` of those that pass every filter. */
    const select = (rows: readonly Row[]): Int32Array => {
      const all = new Int32Array(rows.length);
      let n = 0;
      for (let i = 0; i < rows.length; i++) if (kindMatches(rows[i]!, kind, showNonCors) && findingMatches(rows[i]!, findings)) all[n++] = i;
      const pre = all.subarray(0, n);
      if (words.length === 0) return pre;
      return index.positions(rows, words, lang, pre);
    };
    if (!base || base[0] !== kind || base[1] !== showNonCors || base[2] !== min || base[3] !== worst || base[4] !== lang.lang) {
      cache.clear();
      base = [kind, showNonCors, min, worst, lang.lang];
    } else if (from !== sorted) {
      const shown = cache.get(key);
      const patched = shown ? patch(shown, from, sorted, select) : null;
      cache.clear();
      if (patched) cache.set(key, patched);
    }
    from = sorted;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    let narrowest: Kept | null = null;
    let best = -1;
    for (const [k, v] of cache) {
      if (k.length > best && key.startsWith(k)) {
        best = k.length;
        narrowest = v;
      }
    }
    let result: Kept;
    if (narrowest) {
      // The narrower result's positions are positions in `sorted`: only those rows are searched.
      const at = index.positions(sorted, words, lang, narrowest.at);
      const rows = pick(sorted, at);
      result = { rows, lines: linesOf(rows), at };
    } else {
      const at = select(sorted);
      const rows = pick(sorted, at);
      result = { rows, lines: linesOf(rows), at };
    }
    cache.set(key, result);
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    return result;
  };
}
