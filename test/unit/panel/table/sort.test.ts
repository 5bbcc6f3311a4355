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
});
