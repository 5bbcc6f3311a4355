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
