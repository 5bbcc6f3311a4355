/** The verdict filters, the text filter and the table lines they leave. */
import { NON_CORS_KINDS } from '../../core/model/verdict';
import type { Row, TableLine } from './rows';
import type { SearchIndex } from './search';
import { createSearchIndex } from './search';
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

/** Expands rows into table lines: each exchange followed by its preflights. */
function linesOf(rows: readonly Row[]): TableLine[] {
  const out: TableLine[] = [];
  for (const row of rows) {
    const lines = row.lines;
    if (lines.length === 1) out.push(lines[0]!);
    else for (const line of lines) out.push(line);
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

/**
 * Filtering that gets cheaper as the user types: results are kept per filter text (for the same
 * rows, sort and kind), a longer text is searched only within the results of the longest cached
 * text it extends, and backspacing finds its earlier result in the cache. Searches go to `index`.
 */
export function createFilter(limit = 32, index: SearchIndex = createSearchIndex()) {
  let base: [readonly Row[], KindFilter, boolean, Severity | null, FindingFilter['worst'] | null, string] | null = null;
  const cache = new Map<string, Filtered>();
  /** `lang`: the words the table shows (the text is searched in them and in English). */
  return (sorted: readonly Row[], kind: KindFilter, showNonCors: boolean, text: string, findings: FindingFilter | null = null, lang: Words = EN): Filtered => {
    const min = findings?.min ?? null;
    const worst = findings?.worst ?? null;
    if (!base || base[0] !== sorted || base[1] !== kind || base[2] !== showNonCors || base[3] !== min || base[4] !== worst || base[5] !== lang.lang) {
      cache.clear();
      base = [sorted, kind, showNonCors, min, worst, lang.lang];
    }
    const words = wordsOf(text);
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
    const rows = index.search(best < 0 ? from.filter((row) => kindMatches(row, kind, showNonCors) && findingMatches(row, findings)) : from, words, lang);
    const result = { rows, lines: linesOf(rows) };
    cache.set(key, result);
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    return result;
  };
}
