/**
 * What the filter box searches: URL, method, status, verdict, reason, header names and values of
 * every step. Prepared once per entry version, on first need or while the page is idle.
 */
import type { Header } from '../../core/model/exchange';
import { VERDICT_LABEL } from '../../ui/verdict-labels';
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

/**
 * Prepares the search of `rows` while the page is idle, a little at a time between frames, so the
 * first keystroke does not pay for ten thousand entries at once. Returns a function that cancels it.
 */
export function warmSearch(rows: readonly Row[], schedule: IdleScheduler = whenIdle): () => void {
  let i = 0;
  let cancel: (() => void) | null = null;
  const step = (deadline: IdleDeadlineLike) => {
    // At least a few rows per call, so a page that is never idle still gets there.
    const floor = Math.min(rows.length, i + 50);
    while (i < rows.length && (i < floor || deadline.timeRemaining() > 1)) ensureTerms(rows[i++]!);
    cancel = i < rows.length ? schedule(step) : null;
  };
  cancel = schedule(step);
  return () => cancel?.();
}

/** Rows among `rows` whose search text contains every word (lower-case). */
export function searchRows(rows: readonly Row[], words: readonly string[]): Row[] {
  if (words.length === 0) return rows.slice();
  searchTable.compact();
  for (const row of rows) ensureTerms(row);
  const hits = words.map((w) => searchTable.hits(w));
  return rows.filter((row) => allWordsHit(row.terms!, hits));
}
