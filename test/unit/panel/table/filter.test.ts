import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFilter, display, type KindFilter } from '../../../../src/panel/table/filter';
import type { Row } from '../../../../src/panel/table/rows';
import type { SearchIndex } from '../../../../src/panel/table/search';
import { rowOfEntry } from '../../../../src/panel/table/rows';
import type { Severity } from '../../../../src/core/findings/types';
import { blockedTrailingSlash, preflightedPut, sameOrigin, simple } from '../fixtures';
import { EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import { createSearchIndex } from '../../../../src/panel/table/search';

const rows = [simple('a', 1), blockedTrailingSlash('b', 2), preflightedPut('c', 3), sameOrigin('d', 4)].map(rowOfEntry);

describe('createFilter', () => {
  it('gives the same result as a full scan whether typing forward, backspacing or jumping', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      rowOfEntry(i % 3 === 0 ? simple(`a${i}`, i) : i % 3 === 1 ? blockedTrailingSlash(`b${i}`, i) : preflightedPut(`c${i}`, i)));
    const filter = createFilter(4);
    const texts = ['i', 'it', 'ite', 'items/c1', 'items/c', 'items/', 'x-trace', 'x-trace put', 'x-trace', '', 'nginx', 'NGINX', 'ng inx', 'items/b1'];
    for (const t of texts) {
      const expected = display(many, 'all', false, t).map((d) => d.key);
      expect(filter(many, 'all', false, t).lines.map((d) => d.key), t).toEqual(expected);
    }
  });

  it('starts afresh when the rows, the kind or the non-CORS switch change', () => {
    const filter = createFilter();
    expect(filter(rows, 'all', false, 'items').rows).toHaveLength(3);
    expect(filter(rows, 'blocked', false, 'items').rows).toHaveLength(1);
    expect(filter(rows, 'blocked', true, 'items').rows).toHaveLength(1);
    const fewer = rows.slice(0, 1);
    expect(filter(fewer, 'all', false, 'items').rows).toHaveLength(1);
  });

  it('keeps only exchanges whose worst finding is at or above the chosen severity, and starts afresh when that or the findings change', () => {
    const filter = createFilter();
    const worst = new Map<string, Severity>([['a', 'low'], ['b', 'high']]);
    const ids = (min: Severity, w = worst, text = '') => filter(rows, 'all', false, text, { min, worst: w }).rows.map((r) => r.id);
    expect(ids('info')).toEqual(['a', 'b']);
    expect(ids('low')).toEqual(['a', 'b']);
    expect(ids('medium')).toEqual(['b']);
    expect(ids('high')).toEqual(['b']);
    expect(ids('info', new Map<string, Severity>([['c', 'info']]))).toEqual(['c']);
    expect(ids('info', worst, 'items/a')).toEqual(['a']);
    expect(filter(rows, 'all', false, '', null).rows).toHaveLength(3);
    expect(display(rows, 'all', false, 'items', undefined, { min: 'medium', worst }).map((d) => d.key)).toEqual(['b']);
  });
});

describe('the filter in French', () => {
  const FR = wordsFor('fr');
  it('matches the words shown in French and still the English words and the codes', () => {
    const filter = createFilter();
    const ids = (text: string, w = FR) => filter(rows, 'all', false, text, null, w).rows.map((r) => r.id);
    expect(ids('réussie')).toEqual(['c']);
    expect(ids('preflight passed')).toEqual(['c']);
    expect(ids('bloquée')).toEqual(['b']);
    expect(ids('blocked')).toEqual(['b']);
    expect(ids('AllowOriginMismatch')).toEqual(['b']);
    expect(ids('concordant')).toEqual(['b']);
    // In English, the French words are not searched (a French word typed there finds nothing).
    expect(ids('réussie', EN)).toEqual([]);
    expect(ids('preflight passed', EN)).toEqual(['c']);
  });

  it('one index serves both languages: it starts its pieces afresh when the language changes', () => {
    const index = createSearchIndex();
    expect(display(rows, 'all', false, 'réussie', index, null, FR).map((d) => d.row.id)).toEqual(['c', 'c']);
    expect(display(rows, 'all', false, 'réussie', index, null, EN)).toEqual([]);
    expect(display(rows, 'all', false, 'réussie', index, null, FR).map((d) => d.row.id)).toEqual(['c', 'c']);
  });
});

describe('createFilter as rows arrive', () => {
  const makers = [simple, blockedTrailingSlash, preflightedPut, sameOrigin] as const;
  const TEXTS = ['', 'i', 'it', 'items', 'items/w1', 'x-trace', 'x-trace put', 'nginx', 'blocked', 'preflight'];
  const step = fc.oneof(
    fc.record({ op: fc.constant('append' as const), shape: fc.nat(3), n: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ op: fc.constant('replace' as const), at: fc.nat(), shape: fc.nat(3) }),
    fc.record({ op: fc.constant('type' as const), text: fc.constantFrom(...TEXTS) }),
    fc.record({ op: fc.constant('kind' as const), kind: fc.constantFrom('all' as const, 'blocked' as const, 'preflighted' as const, 'simple' as const), nonCors: fc.boolean() }),
  );
  it('patching the result with appended and replaced rows gives what filtering afresh gives (property)', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 10, maxLength: 25, size: 'max' }), (steps) => {
      const filter = createFilter(4);
      let list: Row[] = [];
      let seq = 0;
      let text = '';
      let kind: KindFilter = 'all';
      let nonCors = false;
      for (const s of steps) {
        if (s.op === 'append') {
          list = [...list];
          for (let k = 0; k < s.n; k++) { seq++; list.push(rowOfEntry(makers[s.shape]!(`w${seq}`, seq))); }
        } else if (s.op === 'replace' && list.length > 0) {
          const at = s.at % list.length;
          list = list.slice();
          list[at] = rowOfEntry(makers[s.shape]!(list[at]!.id, ++seq));
        } else if (s.op === 'type') text = s.text;
        else if (s.op === 'kind') { kind = s.kind; nonCors = s.nonCors; }
        const got = filter(list, kind, nonCors, text);
        const expected = display(list, kind, nonCors, text).map((d) => d.key);
        expect(got.lines.map((d) => d.key)).toEqual(expected);
        expect(got.rows.map((r) => r.id)).toEqual([...new Set(expected.map((k) => k.split('#')[0]))]);
      }
    }), { numRuns: 25 });
  });

  it('judges only the rows that arrived: the rows already shown are not searched again', () => {
    const seen: number[] = [];
    const index = createSearchIndex();
    const spy: SearchIndex = { ...index, positions: (rows, words, lang, among) => { seen.push(among?.length ?? rows.length); return index.positions(rows, words, lang, among); } };
    const filter = createFilter(8, spy);
    const first = Array.from({ length: 40 }, (_, i) => rowOfEntry(simple(`a${i}`, i + 1)));
    expect(filter(first, 'all', false, 'items').rows).toHaveLength(40);
    const next = [...first, rowOfEntry(simple('new', 41))];
    next[3] = rowOfEntry(blockedTrailingSlash('a3', 42));
    seen.length = 0;
    expect(filter(next, 'all', false, 'items').rows.map((r) => r.id)).toEqual(next.map((r) => r.id));
    expect(seen).toEqual([2]);
    // Typing on searches only the rows the shorter text found.
    seen.length = 0;
    expect(filter(next, 'all', false, 'items/new').rows.map((r) => r.id)).toEqual(['new']);
    expect(seen).toEqual([41]);
  });
});
