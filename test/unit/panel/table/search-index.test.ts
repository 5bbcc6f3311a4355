import { describe, expect, it } from 'vitest';
import { anyHit, TextTable } from '../../../../src/panel/table/search-index';

describe('search table', () => {
  const ids = (table: TextTable, pieces: string[]) => Int32Array.from(pieces, (p) => table.intern(p.toLowerCase()));

  it('keeps each piece of text once and finds a word in any piece', () => {
    const table = new TextTable();
    const a = ids(table, ['blocked', 'allow-origin mismatch', 'access-control-allow-origin']);
    const b = ids(table, ['simple', 'access-control-allow-origin', 'x-trace']);
    expect(table.size).toBe(5);
    expect(anyHit(a, table.hits('allow-origin'))).toBe(true);
    expect(anyHit(b, table.hits('x-trace'))).toBe(true);
    expect(anyHit(a, table.hits('x-trace'))).toBe(false);
    // A word never spans two pieces.
    expect(anyHit(a, table.hits('blocked allow'))).toBe(false);
  });

  it('a word seen before is looked for in the pieces added since, and a longer word among the hits of a shorter one', () => {
    const table = new TextTable();
    const a = ids(table, ['preflight passed', 'simple']);
    expect(anyHit(a, table.hits('pass'))).toBe(true);
    const b = ids(table, ['passed through', 'pass-through']);
    expect(anyHit(b, table.hits('pass'))).toBe(true);
    expect(anyHit(b, table.hits('passed'))).toBe(true);
    expect(anyHit(a, table.hits('passed'))).toBe(true);
    expect(anyHit(ids(table, ['impasse']), table.hits('passe'))).toBe(true);
    expect(anyHit(a, table.hits('passes'))).toBe(false);
  });

  it('starts a new generation when it outgrows its limit', () => {
    const table = new TextTable(3);
    ids(table, ['a', 'b', 'c', 'd']);
    expect(table.generation).toBe(0);
    expect(table.compact()).toBe(true);
    expect(table.size).toBe(0);
    expect(table.generation).toBe(1);
    expect(table.compact()).toBe(false);
  });
});
