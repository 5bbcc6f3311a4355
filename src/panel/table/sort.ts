/**
 * Sorting the table, kept instant at fifty thousand rows: each column's order is kept for the rows it was
 * made for. A click on the same column again (descending) reverses it in one pass; new or changed rows (the
 * log appends and replaces in place) are sorted on their own and merged in, instead of sorting all again.
 */
import { type Words, EN } from '../../core';
import { PANEL_VERDICT_ORDER } from '../../ui/verdict-labels';
import { say } from '../text';
import type { Row, SortColumn, SortSpec } from './rows';

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

/** One column's ascending order for `rows`, and its rows in each direction once asked for. */
interface Sorted { rows: readonly Row[]; asc: Keyed[]; up?: Row[]; down?: Row[] }

const keyed = (rows: readonly Row[], column: SortColumn, w: Words): Keyed[] => rows.map((row) => ({ row, key: KEY[column](row, w) }));

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
 * The ascending order for `rows`, from the one for `before` when `rows` is `before` with rows appended or
 * replaced in place (and not too many of them); else sorted afresh.
 */
function update(before: Sorted | undefined, rows: readonly Row[], column: SortColumn, w: Words): Keyed[] {
  const fresh = () => keyed(rows, column, w).sort(ascending);
  if (!before || rows.length < before.rows.length) return fresh();
  const old = before.rows;
  const gone = new Set<Row>();
  const added: Row[] = [];
  for (let i = 0; i < old.length; i++) {
    if (old[i] !== rows[i]) {
      gone.add(old[i]!);
      added.push(rows[i]!);
      if (added.length > rows.length / 8) return fresh();
    }
  }
  for (let i = old.length; i < rows.length; i++) added.push(rows[i]!);
  if (added.length === 0) return before.asc;
  const kept = gone.size === 0 ? before.asc : before.asc.filter((k) => !gone.has(k.row));
  return merge(kept, keyed(added, column, w).sort(ascending));
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

/** A sort of the table's rows that keeps each column's order (the panel store makes one). */
export function createSorter() {
  const orders = new Map<string, Sorted>();
  /** Stable; ties keep time order. The reason column sorts by its words in `w` (the language shown). */
  return (rows: readonly Row[], spec: SortSpec, w: Words = EN): readonly Row[] => {
    if (spec.column === 'time' && spec.dir === 'asc') return rows;
    const id = spec.column === 'reason' ? `reason/${w.lang}` : spec.column;
    let sorted = orders.get(id);
    if (!sorted || sorted.rows !== rows) {
      sorted = { rows, asc: update(sorted, rows, spec.column, w) };
      orders.set(id, sorted);
    }
    if (spec.dir === 'desc') return (sorted.down ??= descending(sorted.asc, spec.column));
    return (sorted.up ??= sorted.asc.map((k) => k.row));
  };
}
