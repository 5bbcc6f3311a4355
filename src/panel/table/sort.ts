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

/**
 * One column's ascending order for the first `n` rows of `rows`, as positions in `rows` (a typed array),
 * each row's key by its position (one array), and its rows in each direction once asked for. Flat on
 * purpose: an object per row and column (fifty thousand rows, six columns) made while the page is idle
 * was what the next keystroke's garbage collection had to copy.
 */
interface Sorted { rows: readonly Row[]; n: number; keys: Key[]; asc: Int32Array; up?: Row[]; down?: Row[] }

const byTime = (a: Row, b: Row) => a.start - b.start || a.data.seq - b.data.seq;
const byKey = (a: Key, b: Key) => (a < b ? -1 : a > b ? 1 : 0);
/** Ascending by the column, ties in time order: positions in `rows`, whose keys are `keys`. */
const ascendingIn = (rows: readonly Row[], keys: readonly Key[]) => (a: number, b: number) => byKey(keys[a]!, keys[b]!) || byTime(rows[a]!, rows[b]!);

/** Two ascending lists of positions as one. */
function merge(a: Int32Array, b: Int32Array, less: (x: number, y: number) => number): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) out[k++] = less(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * The ascending order for the first `upto` rows of `rows`, from the one for `before` when `rows` is
 * `before`'s rows with rows appended or replaced in place (and not too many of them); else sorted afresh.
 * `before`'s keys are brought up to date in place: it is replaced by what this returns.
 */
function update(before: Sorted | undefined, rows: readonly Row[], column: SortColumn, w: Words, upto = rows.length): Sorted {
  const key = KEY[column];
  const fresh = (): Sorted => {
    const keys: Key[] = new Array(upto);
    const asc = new Int32Array(upto);
    for (let i = 0; i < upto; i++) { keys[i] = key(rows[i]!, w); asc[i] = i; }
    return { rows, n: upto, keys, asc: asc.sort(ascendingIn(rows, keys)) };
  };
  if (!before || rows.length < before.n) return fresh();
  const old = before.rows;
  const changed: number[] = [];
  for (let i = 0; i < before.n; i++) {
    if (old[i] !== rows[i] && changed.push(i) > rows.length / 8) return fresh();
  }
  const n = Math.max(before.n, upto);
  if (changed.length === 0 && n === before.n) return before.rows === rows ? before : { ...before, rows };
  const keys = before.keys;
  const added = new Int32Array(changed.length + n - before.n);
  let k = 0;
  for (const i of changed) { keys[i] = key(rows[i]!, w); added[k++] = i; }
  for (let i = before.n; i < n; i++) { keys[i] = key(rows[i]!, w); added[k++] = i; }
  let kept = before.asc;
  if (changed.length > 0) {
    const gone = new Uint8Array(before.n);
    for (const i of changed) gone[i] = 1;
    kept = new Int32Array(before.n - changed.length);
    let j = 0;
    for (let i = 0; i < before.asc.length; i++) if (gone[before.asc[i]!] === 0) kept[j++] = before.asc[i]!;
  }
  const less = ascendingIn(rows, keys);
  return { rows, n, keys, asc: merge(kept, added.sort(less), less) };
}

/** The rows at the positions of an ascending order. */
function ascending(sorted: Sorted): Row[] {
  const { asc, rows } = sorted;
  const out: Row[] = new Array(asc.length);
  for (let i = 0; i < asc.length; i++) out[i] = rows[asc[i]!]!;
  return out;
}

/**
 * Descending by the column, ties still in time order: the ascending order's runs of equal keys, last run
 * first (time has no ties: its start times may, but then the sequence number decides, both ways).
 */
function descending(sorted: Sorted, column: SortColumn): Row[] {
  const { asc, rows, keys } = sorted;
  if (column === 'time') return ascending(sorted).reverse();
  const out: Row[] = new Array(asc.length);
  let k = 0;
  let end = asc.length;
  while (end > 0) {
    let start = end - 1;
    const last = keys[asc[end - 1]!]!;
    while (start > 0 && byKey(keys[asc[start - 1]!]!, last) === 0) start--;
    for (let i = start; i < end; i++) out[k++] = rows[asc[i]!]!;
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
    if (spec.dir === 'desc') return (sorted.down ??= descending(sorted, spec.column));
    return (sorted.up ??= ascending(sorted));
  };
  /**
   * Brings every column's order up to date with `rows`, `slice` rows at a time while the page is idle;
   * returns a function that cancels what is left.
   */
  const warm = (rows: readonly Row[], schedule: IdleScheduler = whenIdle, w: Words = EN, slice = SLICE): (() => void) => {
    let cancel: (() => void) | null = null;
    // The cost of the last slice: another one starts only when the idle time left covers it, so a slice
    // (a few milliseconds at fifty thousand rows, more on a busy machine) does not run into the next frame.
    let cost = 0;
    const step = (deadline: IdleDeadlineLike) => {
      do {
        const began = performance.now();
        const column = COLUMNS.find((c) => !ready(orders.get(idOf(c, w)), rows));
        if (!column) { cancel = null; return; }
        const id = idOf(column, w);
        const before = orders.get(id);
        const sorted = update(before, rows, column, w, Math.min(rows.length, (before && before.n <= rows.length ? before.n : 0) + slice));
        orders.set(id, sorted);
        if (sorted.rows === rows && sorted.n === rows.length) {
          // Only the directions not made yet: `update` returns an order without them whenever its rows'
          // order changed, so one `sort` made (and the table shows) is kept, not made again under a new
          // identity (the filter takes a new list of rows as rows changed).
          sorted.up ??= ascending(sorted);
          sorted.down ??= descending(sorted, column);
        }
        cost = performance.now() - began;
      } while (deadline.timeRemaining() > Math.max(8, 2 * cost));
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
