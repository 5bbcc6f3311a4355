/**
 * What the filter box searches: URL, method, status, verdict, reason, header names and values of
 * every step. The search index holds it, prepared once per row (a Row is made once per entry version)
 * and language, on first need or while the page is idle. The panel store makes one index; nothing here
 * is global. Words are searched as the page shows them and in English (and the machine words: codes,
 * verdict kinds), so a filter typed in either language, or copied from a report, still finds the row.
 */
import type { Header } from '../../core/model/exchange';
import { type Words, EN } from '../../core';
import { verdictLabel } from '../../ui/verdict-labels';
import { sayBoth } from '../text';
import type { Row } from './rows';
import type { Terms } from './search-index';
import { allWordsHit, termsOf, TextTable } from './search-index';

/** Longest header value that goes into the search text (a 1 MB header must not slow every keystroke). */
const HAY_VALUE_MAX = 1024;

function addHeaders(parts: string[], headers: readonly Header[] | undefined): void {
  if (!headers) return;
  for (const h of headers) {
    parts.push(h.name);
    parts.push(h.value.length > HAY_VALUE_MAX ? h.value.slice(0, HAY_VALUE_MAX) : h.value);
  }
}

function searchPieces(row: Row, w: Words): string[] {
  const { exchange: x, verdict: v } = row.entry;
  const parts: string[] = [x.method, x.url, ...sayBoth(row.statusText, w), verdictLabel(v.kind, EN), v.kind,
    ...(w.lang === 'en' ? [] : [verdictLabel(v.kind, w)]),
    ...sayBoth(row.reason, w), ...sayBoth(v.headline, w)];
  for (const r of v.reasons) parts.push(r.code, ...sayBoth(r.summary, w));
  addHeaders(parts, x.requestHeaders);
  addHeaders(parts, x.response?.headers);
  for (const hop of x.redirects) {
    parts.push(hop.location);
    addHeaders(parts, hop.requestHeaders);
    addHeaders(parts, hop.response.headers);
  }
  for (const p of x.preflights) {
    parts.push('options', 'preflight');
    if (w.lang !== 'en') parts.push(w.say('panel_chip_preflight'));
    addHeaders(parts, p.requestHeaders);
    addHeaders(parts, p.response?.headers);
  }
  if (x.outcome.state === 'failed') parts.push(x.outcome.error);
  return parts;
}

interface IdleDeadlineLike { timeRemaining(): number }
type IdleScheduler = (fn: (deadline: IdleDeadlineLike) => void) => () => void;

/** requestIdleCallback where the page has it (it runs between frames), else a zero timeout with a fixed budget. */
const whenIdle: IdleScheduler = (fn) => {
  const g = globalThis as { requestIdleCallback?: (cb: (d: IdleDeadlineLike) => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (g.requestIdleCallback && g.cancelIdleCallback) {
    const h = g.requestIdleCallback(fn, { timeout: 1000 });
    return () => g.cancelIdleCallback!(h);
  }
  const start = Date.now();
  const h = setTimeout(() => fn({ timeRemaining: () => Math.max(0, 8 - (Date.now() - start)) }), 0);
  return () => clearTimeout(h);
};

export interface SearchIndex {
  /** Rows among `rows` whose search text (in English and in `lang`'s words) contains every word (lower-case). */
  search(rows: readonly Row[], words: readonly string[], lang?: Words): Row[];
  /**
   * Prepares the search of `rows` while the page is idle, a little at a time between frames, so the
   * first keystroke does not pay for ten thousand entries at once. Returns a function that cancels it.
   */
  warm(rows: readonly Row[], schedule?: IdleScheduler, lang?: Words): () => void;
  /** Whether the search text of `row` is ready. */
  has(row: Row): boolean;
}

/** The search text of the rows it has seen, as numbers into one table of distinct pieces of text. */
export function createSearchIndex(): SearchIndex {
  const table = new TextTable();
  // Weak: a row that left the log (a new entry version, a cleared tab) takes its terms with it.
  const termsOfRow = new WeakMap<Row, Terms>();
  /** The language the table's pieces are in: another one starts the table afresh. */
  let shown: Words = EN;
  const use = (w: Words) => {
    if (w.lang === shown.lang) return;
    shown = w;
    table.reset();
  };
  const ensure = (row: Row): Terms => {
    const t = termsOfRow.get(row);
    if (t && t.generation === table.generation) return t;
    const made = termsOf(table, searchPieces(row, shown));
    termsOfRow.set(row, made);
    return made;
  };
  return {
    search(rows, words, lang = EN) {
      if (words.length === 0) return rows.slice();
      use(lang);
      table.compact();
      const all = rows.map(ensure);
      const hits = words.map((w) => table.hits(w));
      return rows.filter((_, i) => allWordsHit(all[i]!, hits));
    },
    warm(rows, schedule = whenIdle, lang = EN) {
      use(lang);
      let i = 0;
      let cancel: (() => void) | null = null;
      const step = (deadline: IdleDeadlineLike) => {
        // At least a few rows per call, so a page that is never idle still gets there.
        const floor = Math.min(rows.length, i + 50);
        while (i < rows.length && (i < floor || deadline.timeRemaining() > 1)) ensure(rows[i++]!);
        cancel = i < rows.length ? schedule(step) : null;
      };
      cancel = schedule(step);
      return () => cancel?.();
    },
    has(row) {
      const t = termsOfRow.get(row);
      return t !== undefined && t.generation === table.generation;
    },
  };
}
