import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowOfEntry, type Row } from '../../../../src/panel/table/rows';
import { createSearchIndex } from '../../../../src/panel/table/search';
import { blockedAtPreflight, blockedTrailingSlash, preflightedPut, sameOrigin, simple } from '../fixtures';
import { EN, wordsFor } from '../../../../src/core/i18n/catalogues';

describe('search index: warm', () => {
  it('prepares every row a slice at a time and can be cancelled', () => {
    const rows = Array.from({ length: 300 }, (_, i) => rowOfEntry(simple(`w${i}`, i)));
    const queue: ((d: { timeRemaining(): number }) => void)[] = [];
    const schedule = (fn: (d: { timeRemaining(): number }) => void) => { queue.push(fn); return () => { queue.length = 0; }; };
    const index = createSearchIndex();
    index.warm(rows, schedule);
    queue.shift()!({ timeRemaining: () => 0 }); // no idle time: still does a few
    expect(rows.filter((r) => index.has(r)).length).toBe(50);
    while (queue.length) queue.shift()!({ timeRemaining: () => 50 });
    expect(rows.every((r) => index.has(r))).toBe(true);
    expect(index.search(rows, ['items/w299'])).toHaveLength(1);

    const more = Array.from({ length: 300 }, (_, i) => rowOfEntry(simple(`v${i}`, i)));
    const cancel = index.warm(more, schedule);
    queue.shift()!({ timeRemaining: () => 0 });
    cancel();
    expect(queue).toHaveLength(0);
    expect(more.filter((r) => index.has(r)).length).toBe(50);
  });
});

describe('search index: a live log nobody searches', () => {
  it('starts afresh from warm alone, so row versions that left the log are not kept', () => {
    const now = (fn: (d: { timeRemaining(): number }) => void) => { fn({ timeRemaining: () => 1e9 }); return () => {}; };
    const index = createSearchIndex();
    // A capped log of 1,000 rows on a busy tab: each change drops the 500 oldest and adds 500 new versions.
    let seq = 0;
    const fresh = () => Array.from({ length: 500 }, () => { seq++; return rowOfEntry(simple(`u${seq}?t=${seq}`, seq)); });
    let live: Row[] = fresh().concat(fresh());
    index.warm(live, now);
    const first = live[0]!;
    expect(index.has(first)).toBe(true);
    for (let change = 0; change < 240; change++) {
      live = live.slice(-500).concat(fresh());
      index.warm(live, now);
    }
    // 121,000 row versions went through and the index was never searched: it started afresh (the first row's
    // entry is gone), and every live row is indexed again.
    expect(index.has(first)).toBe(false);
    expect(live.every((r) => index.has(r))).toBe(true);
    const last = live.at(-1)!;
    expect(index.search(live, [`u${seq}?`])).toEqual([last]);
  }, 60_000);
});

describe('search index: incremental', () => {
  const FR = wordsFor('fr');
  const makers = [simple, blockedTrailingSlash, preflightedPut, sameOrigin, blockedAtPreflight] as const;
  // Words that hit pieces every row has (nginx, json), pieces of its own (its URL: items, /w1…), words in one language.
  const WORDS = ['items', '/w1', 'x-trace', 'nginx', 'put', 'bloquée', 'réussie', 'allow', 'json', 'preflight', 'zzz'];
  const step = fc.oneof(
    fc.record({ op: fc.constant('append' as const), shape: fc.nat(4), n: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ op: fc.constant('replace' as const), at: fc.nat(), shape: fc.nat(4) }),
    fc.record({ op: fc.constant('drop' as const), n: fc.nat(3) }),
    fc.record({ op: fc.constant('warm' as const), slices: fc.nat(3), fr: fc.boolean() }),
    fc.record({ op: fc.constant('search' as const), words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }), fr: fc.boolean() }),
  );

  it('rows added, replaced and removed, in slices, across languages: the same hits as an index built afresh (property)', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 10, maxLength: 40, size: 'max' }), (steps) => {
      const index = createSearchIndex();
      const queue: ((d: { timeRemaining(): number }) => void)[] = [];
      const schedule = (fn: (d: { timeRemaining(): number }) => void) => { queue.push(fn); return () => { queue.length = 0; }; };
      let rows: Row[] = [];
      let seq = 0;
      let cancel = () => {};
      for (const s of steps) {
        if (s.op === 'append') {
          rows = [...rows];
          for (let k = 0; k < s.n; k++) { seq++; rows.push(rowOfEntry(makers[s.shape]!(`w${seq}`, seq))); }
        } else if (s.op === 'replace' && rows.length > 0) {
          const at = s.at % rows.length;
          rows = rows.slice();
          rows[at] = rowOfEntry(makers[s.shape]!(rows[at]!.id, ++seq));
        } else if (s.op === 'drop') rows = rows.slice(s.n);
        else if (s.op === 'warm') {
          cancel();
          cancel = index.warm(rows, schedule, s.fr ? FR : EN);
          for (let k = 0; k < s.slices && queue.length > 0; k++) queue.shift()!({ timeRemaining: () => 0 });
        } else if (s.op === 'search') {
          const lang = s.fr ? FR : EN;
          const ids = (list: readonly Row[]) => list.map((r) => r.id);
          expect(ids(index.search(rows, s.words, lang))).toEqual(ids(createSearchIndex().search(rows, s.words, lang)));
        }
      }
    }), { numRuns: 30 });
  });

  it('a warm after new rows indexes only those (and the rows replaced in place)', () => {
    const index = createSearchIndex();
    const queue: ((d: { timeRemaining(): number }) => void)[] = [];
    const schedule = (fn: (d: { timeRemaining(): number }) => void) => { queue.push(fn); return () => { queue.length = 0; }; };
    const first = Array.from({ length: 100 }, (_, i) => rowOfEntry(simple(`a${i}`, i)));
    index.warm(first, schedule);
    while (queue.length) queue.shift()!({ timeRemaining: () => 50 });
    const next = [...first, rowOfEntry(simple('new', 101))];
    next[5] = rowOfEntry(simple('a5', 102));
    index.warm(next, schedule);
    // Two rows to index: one slice does them all, and nothing else is scheduled.
    expect(queue).toHaveLength(1);
    queue.shift()!({ timeRemaining: () => 0 });
    expect(queue).toHaveLength(0);
    expect(next.every((r) => index.has(r))).toBe(true);
  });
});

describe('search index: the machine text', () => {
  const makers = [simple, blockedTrailingSlash, preflightedPut, sameOrigin, blockedAtPreflight] as const;
  const rows = Array.from({ length: 60 }, (_, i) => rowOfEntry(makers[i % makers.length]!(`w${i}`, i + 1)));
  const hays = rows.map((r) => r.data.hay);

  it('finds every row whose machine text holds a word, and only those for a word no verdict wording holds (property)', () => {
    const word = fc.tuple(fc.nat(hays.length - 1), fc.nat(4000), fc.integer({ min: 1, max: 9 }))
      .map(([h, at, len]) => { const hay = hays[h]!; const from = at % hay.length; return hay.slice(from, from + len); })
      .filter((w) => !/\s/.test(w));
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 2 }), (words) => {
      const index = createSearchIndex();
      const found = new Set(index.search(rows, words).map((r) => r.id));
      const inHay = rows.filter((r) => words.every((w) => r.data.hay.includes(w))).map((r) => r.id);
      for (const id of inHay) expect(found.has(id)).toBe(true);
      // A URL path with an exchange number is machine text alone: the index finds exactly the rows that hold it.
      if (words.every((w) => /\/w\d/.test(w))) expect([...found]).toEqual(inHay);
    }), { numRuns: 200 });
  });
});
