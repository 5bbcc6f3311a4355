import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowOfEntry, type Row, type SortColumn, type SortSpec } from '../../../../src/panel/table/rows';
import { createSorter } from '../../../../src/panel/table/sort';
import { blockedAtPreflight, blockedTrailingSlash, preflightedPut, sameOrigin, simple } from '../fixtures';
import { EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import { say } from '../../../../src/panel/text';
import { PANEL_VERDICT_ORDER } from '../../../../src/ui/verdict-labels';
import type { Words } from '../../../../src/core';

const rows = [simple('a', 1), blockedTrailingSlash('b', 2), preflightedPut('c', 3), sameOrigin('d', 4)].map(rowOfEntry);
const COLUMNS: SortColumn[] = ['time', 'method', 'url', 'status', 'verdict', 'reason'];
const SPECS: SortSpec[] = COLUMNS.flatMap((column) => [{ column, dir: 'asc' as const }, { column, dir: 'desc' as const }]);

/** The plain definition: by the column in the direction asked, ties in time order (start, then sequence). */
const byTime = (a: Row, b: Row) => a.start - b.start || a.data.seq - b.data.seq;
const order = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const rank: readonly string[] = PANEL_VERDICT_ORDER;
function reference(list: readonly Row[], spec: SortSpec, w: Words = EN): Row[] {
  if (spec.column === 'time' && spec.dir === 'asc') return [...list];
  const key = (r: Row): string | number => {
    switch (spec.column) {
      case 'time': return 0;
      case 'method': return r.method;
      case 'url': return r.data.url;
      case 'status': return r.status ?? 1000;
      case 'verdict': return rank.indexOf(r.kind);
      case 'reason': return say(r.reason, w);
    }
  };
  const sign = spec.dir === 'asc' ? 1 : -1;
  return [...list].sort((a, b) => sign * (spec.column === 'time' ? byTime(a, b) : order(key(a), key(b))) || byTime(a, b));
}

const ids = (list: readonly Row[]) => list.map((r) => r.id);

describe('createSorter', () => {
  it('sorts by a column and keeps time order for ties', () => {
    const sort = createSorter();
    expect(ids(sort(rows, { column: 'verdict', dir: 'asc' }))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(sort(rows, { column: 'time', dir: 'desc' }))).toEqual(['d', 'c', 'b', 'a']);
    expect(ids(sort(rows, { column: 'method', dir: 'desc' }))).toEqual(['c', 'a', 'b', 'd']);
    expect(sort(rows, { column: 'time', dir: 'asc' })).toBe(rows);
  });

  it('gives the same order again without sorting again, and follows the language for the reason column', () => {
    const sort = createSorter();
    const spec: SortSpec = { column: 'url', dir: 'desc' };
    expect(sort(rows, spec)).toBe(sort(rows, spec));
    const fr = wordsFor('fr');
    expect(ids(sort(rows, { column: 'reason', dir: 'asc' }, fr))).toEqual(ids(reference(rows, { column: 'reason', dir: 'asc' }, fr)));
    expect(ids(sort(rows, { column: 'reason', dir: 'asc' }, EN))).toEqual(ids(reference(rows, { column: 'reason', dir: 'asc' }, EN)));
  });

  // The log only appends rows and replaces rows in place (a new version of an exchange), or starts afresh.
  const makers = [simple, blockedTrailingSlash, preflightedPut, sameOrigin, blockedAtPreflight] as const;
  const step = fc.oneof(
    fc.record({ op: fc.constant('append' as const), shape: fc.nat(4), start: fc.nat(5) }),
    fc.record({ op: fc.constant('replace' as const), at: fc.nat(), shape: fc.nat(4), start: fc.nat(5) }),
    fc.record({ op: fc.constant('clear' as const) }),
  );
  it('an order kept through appends and in-place replacements equals a sort from scratch (property)', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), fc.array(fc.nat(SPECS.length - 1), { minLength: 1, maxLength: 6 }), (steps, specs) => {
      const sort = createSorter();
      let list: Row[] = [];
      let seq = 0;
      const make = (shape: number, start: number, id: string) => {
        const e = makers[shape]!(id, ++seq);
        e.exchange.timings.start = start; // equal start times: the sequence number decides
        return rowOfEntry(e);
      };
      for (const s of steps) {
        if (s.op === 'append') list = [...list, make(s.shape, s.start, `x${seq}`)];
        else if (s.op === 'replace' && list.length > 0) {
          const at = s.at % list.length;
          list = list.slice();
          list[at] = make(s.shape, s.start, list[at]!.id);
        } else if (s.op === 'clear') list = [];
        for (const k of specs) expect(ids(sort(list, SPECS[k]!))).toEqual(ids(reference(list, SPECS[k]!)));
      }
    }), { numRuns: 60 });
  });
  it('orders warmed a slice at a time while rows arrive equal a sort from scratch, warmed fully or not (property)', () => {
    const many = Array.from({ length: 2500 }, (_, i) => {
      const e = makers[i % makers.length]!(`m${i}`, i + 1);
      e.exchange.timings.start = i % 7; // many equal start times: the sequence number decides
      return rowOfEntry(e);
    });
    fc.assert(fc.property(fc.array(fc.record({ n: fc.integer({ min: 0, max: 2500 }), slices: fc.nat(40), spec: fc.nat(SPECS.length - 1) }), { minLength: 1, maxLength: 4 }), (steps) => {
      const sort = createSorter();
      const queue: ((d: { timeRemaining(): number }) => void)[] = [];
      const schedule = (fn: (d: { timeRemaining(): number }) => void) => { queue.push(fn); return () => { queue.length = 0; }; };
      let cancel = () => {};
      const sorted = [...many].sort((a, b) => a.data.seq - b.data.seq);
      let n = 0;
      for (const s of steps) {
        n = Math.max(n, s.n);
        const list = sorted.slice(0, n);
        cancel();
        cancel = sort.warm(list, schedule, EN, 97);
        for (let k = 0; k < s.slices && queue.length > 0; k++) queue.shift()!({ timeRemaining: () => 0 });
        expect(ids(sort(list, SPECS[s.spec]!))).toEqual(ids(reference(list, SPECS[s.spec]!)));
      }
      while (queue.length > 0) queue.shift()!({ timeRemaining: () => 0 });
      const list = sorted.slice(0, n);
      for (const spec of SPECS) expect(ids(sort(list, spec))).toEqual(ids(reference(list, spec)));
    }), { numRuns: 6 });
  });

  it('a small log gets every order in one idle call with time to spare, and each equals a sort from scratch', () => {
    const sort = createSorter();
    const queue: ((d: { timeRemaining(): number }) => void)[] = [];
    sort.warm(rows, (fn) => { queue.push(fn); return () => {}; });
    queue.shift()!({ timeRemaining: () => 50 });
    expect(queue).toHaveLength(0);
    for (const spec of SPECS) expect(ids(sort(rows, spec))).toEqual(ids(reference(rows, spec)));
  });
});

