/**
 * Sorting the table, kept instant at fifty thousand rows: each column's order is made while the page is
 * idle and kept for the rows it was made for. A click on the same column again (descending) reverses it in
 * one pass; new or changed rows (the log appends and replaces in place) are sorted on their own and merged
 * in, instead of sorting all again.
 */
import { type Words, EN } from '../../core';
import { PANEL_VERDICT_ORDER } from '../../ui/verdict-labels';
import { say } from '../text';
import type { Row, SortColumn, SortSpec } from './rows';
import { whenIdle, type IdleDeadlineLike, type IdleScheduler } from './idle';

type Key = string | number;
const rank = new Map(PANEL_VERDICT_ORDER.map((k, i) => [k, i]));
const KEY: Record<SortColumn, (r: Row, w: Words) => Key> = {
  time: (r) => r.start,
  method: (r) => r.method,
  url: (r) => r.data.url,
  status: (r) => r.status ?? 1000,
  verdict: (r) => rank.get(r.kind)!,
  reason: (r, w) => say(r.reason, w),
};

interface Keyed { row: Row; key: Key }
const byTime = (a: Row, b: Row) => a.start - b.start || a.data.seq - b.data.seq;
const byKey = (a: Keyed, b: Keyed) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
/** Ascending by the column, ties in time order. */
const ascending = (a: Keyed, b: Keyed) => byKey(a, b) || byTime(a.row, b.row);

/** One column's ascending order for the first `n` rows of `rows`, and its rows in each direction once asked for. */
interface Sorted { rows: readonly Row[]; n: number; asc: Keyed[]; up?: Row[]; down?: Row[] }

const keyed = (rows: readonly Row[], column: SortColumn, w: Words, from = 0, to = rows.length): Keyed[] => {
  const out: Keyed[] = new Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = { row: rows[i]!, key: KEY[column](rows[i]!, w) };
  return out;
};

/** Two ascending lists as one. */
function merge(a: readonly Keyed[], b: readonly Keyed[]): Keyed[] {
  const out: Keyed[] = new Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) out[k++] = ascending(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * The ascending order for the first `upto` rows of `rows`, from the one for `before` when `rows` is
 * `before`'s rows with rows appended or replaced in place (and not too many of them); else sorted afresh.
 */
function update(before: Sorted | undefined, rows: readonly Row[], column: SortColumn, w: Words, upto = rows.length): Sorted {
  const fresh = (): Sorted => ({ rows, n: upto, asc: keyed(rows, column, w, 0, upto).sort(ascending) });
  if (!before || rows.length < before.n) return fresh();
  const old = before.rows;
  const gone = new Set<Row>();
  const added: Keyed[] = [];
  for (let i = 0; i < before.n; i++) {
    if (old[i] !== rows[i]) {
      gone.add(old[i]!);
      added.push({ row: rows[i]!, key: KEY[column](rows[i]!, w) });
      if (added.length > rows.length / 8) return fresh();
    }
  }
  const appended = keyed(rows, column, w, before.n, Math.max(before.n, upto));
  if (added.length === 0 && appended.length === 0) return before.rows === rows ? before : { ...before, rows };
  const kept = gone.size === 0 ? before.asc : before.asc.filter((k) => !gone.has(k.row));
  return { rows, n: Math.max(before.n, upto), asc: merge(kept, added.concat(appended).sort(ascending)) };
}

/**
 * Descending by the column, ties still in time order: the ascending order's runs of equal keys, last run
 * first (time has no ties: its start times may, but then the sequence number decides, both ways).
 */
function descending(asc: readonly Keyed[], column: SortColumn): Row[] {
  if (column === 'time') return asc.map((k) => k.row).reverse();
  const out: Row[] = new Array(asc.length);
  let k = 0;
  let end = asc.length;
  while (end > 0) {
    let start = end - 1;
    while (start > 0 && byKey(asc[start - 1]!, asc[end - 1]!) === 0) start--;
    for (let i = start; i < end; i++) out[k++] = asc[i]!.row;
    end = start;
  }
  return out;
}

/** The sortable columns: each one's order is made ahead of a click (`warm`). */
const COLUMNS = Object.keys(KEY) as SortColumn[];
/** Rows sorted in one idle slice: a slice stays a few milliseconds even at fifty thousand rows. */
const SLICE = 4096;

/**
 * A sort of the table's rows that keeps each column's order (the panel store makes one). Its `warm`
 * makes every column's order, both ways, while the page is idle, a slice of rows at a time, so a click on
 * a column header finds it ready instead of sorting fifty thousand rows in the click's frame.
 */
export function createSorter() {
  const orders = new Map<string, Sorted>();
  const idOf = (column: SortColumn, w: Words) => (column === 'reason' ? `reason/${w.lang}` : column);
  /** Stable; ties keep time order. The reason column sorts by its words in `w` (the language shown). */
  const sort = (rows: readonly Row[], spec: SortSpec, w: Words = EN): readonly Row[] => {
    if (spec.column === 'time' && spec.dir === 'asc') return rows;
    const id = idOf(spec.column, w);
    let sorted = orders.get(id);
    if (!sorted || sorted.rows !== rows || sorted.n < rows.length) {
      sorted = update(sorted, rows, spec.column, w);
      orders.set(id, sorted);
    }
    if (spec.dir === 'desc') return (sorted.down ??= descending(sorted.asc, spec.column));
    return (sorted.up ??= sorted.asc.map((k) => k.row));
  };
  /**
   * Brings every column's order up to date with `rows`, `slice` rows at a time while the page is idle;
   * returns a function that cancels what is left.
   */
  const warm = (rows: readonly Row[], schedule: IdleScheduler = whenIdle, w: Words = EN, slice = SLICE): (() => void) => {
    let cancel: (() => void) | null = null;
    const step = (deadline: IdleDeadlineLike) => {
      do {
        const column = COLUMNS.find((c) => !ready(orders.get(idOf(c, w)), rows));
        if (!column) { cancel = null; return; }
        const id = idOf(column, w);
        const before = orders.get(id);
        const sorted = update(before, rows, column, w, Math.min(rows.length, (before && before.n <= rows.length ? before.n : 0) + slice));
        orders.set(id, sorted);
        if (sorted.rows === rows && sorted.n === rows.length) {
          sorted.up = sorted.asc.map((k) => k.row);
          sorted.down = descending(sorted.asc, column);
        }
      } while (deadline.timeRemaining() > 8);
      cancel = schedule(step);
    };
    cancel = schedule(step);
    return () => cancel?.();
  };
  return Object.assign(sort, { warm });
}

/** Whether an order is made for all of `rows`, both ways. */
const ready = (sorted: Sorted | undefined, rows: readonly Row[]) =>
  sorted !== undefined && sorted.rows === rows && sorted.n === rows.length && sorted.up !== undefined;
