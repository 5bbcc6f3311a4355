import { describe, expect, it } from 'vitest';
import { allWordsHit, termsOf, TextTable } from '../../../../src/panel/table/search-index';

describe('search table', () => {
  it('keeps each piece of text once, lower-cased, and finds every word in any piece', () => {
    const table = new TextTable();
    const a = termsOf(table, ['GET', 'https://api.example/a', 'Access-Control-Allow-Origin', 'https://app.example/']);
    const b = termsOf(table, ['PUT', 'https://api.example/b', 'Access-Control-Allow-Origin', 'X-Trace']);
    expect(table.size).toBe(7);
    const words = (ws: string[]) => ws.map((w) => table.hits(w));
    expect(allWordsHit(a, words(['allow-origin']))).toBe(true);
    expect(allWordsHit(b, words(['allow-origin', 'x-trace']))).toBe(true);
    expect(allWordsHit(a, words(['allow-origin', 'x-trace']))).toBe(false);
    expect(allWordsHit(a, words(['app.example/']))).toBe(true);
    expect(allWordsHit(b, words(['app.example/']))).toBe(false);
    // A word never spans two pieces.
    expect(allWordsHit(a, words(['get https']))).toBe(false);
  });

  it('starts a new generation when it outgrows its limit', () => {
    const table = new TextTable(3);
    const t = termsOf(table, ['a', 'b', 'c', 'd']);
    expect(t.generation).toBe(0);
    expect(table.compact()).toBe(true);
    expect(table.size).toBe(0);
    expect(table.generation).toBe(1);
    expect(table.compact()).toBe(false);
  });
});

describe('search index: warm', () => {
  it('prepares every row a slice at a time and can be cancelled', async () => {
    const { createSearchIndex } = await import('../../../../src/panel/table/search');
    const { toRow } = await import('../../../../src/panel/table/rows');
    const { simple } = await import('../fixtures');
    const rows = Array.from({ length: 300 }, (_, i) => toRow(simple(`w${i}`, i)));
    const queue: ((d: { timeRemaining(): number }) => void)[] = [];
    const schedule = (fn: (d: { timeRemaining(): number }) => void) => { queue.push(fn); return () => { queue.length = 0; }; };
    const index = createSearchIndex();
    index.warm(rows, schedule);
    queue.shift()!({ timeRemaining: () => 0 }); // no idle time: still does a few
    expect(rows.filter((r) => index.has(r)).length).toBe(50);
    while (queue.length) queue.shift()!({ timeRemaining: () => 50 });
    expect(rows.every((r) => index.has(r))).toBe(true);
    expect(index.search(rows, ['items/w299'])).toHaveLength(1);

    const more = Array.from({ length: 300 }, (_, i) => toRow(simple(`v${i}`, i)));
    const cancel = index.warm(more, schedule);
    queue.shift()!({ timeRemaining: () => 0 });
    cancel();
    expect(queue).toHaveLength(0);
    expect(more.filter((r) => index.has(r)).length).toBe(50);
  });
});
