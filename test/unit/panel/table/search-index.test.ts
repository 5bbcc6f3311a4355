import { describe, expect, it } from 'vitest';
import { SlotPieces, TextTable } from '../../../../src/panel/table/search-index';

/** Whether a row holding the pieces `ids` is hit: the row is a slot of its own. */
function anyHit(ids: Int32Array, hits: Uint8Array): boolean {
  const slots = new SlotPieces();
  const slot = slots.open();
  for (const id of ids) slots.put(slot, id);
  slots.close();
  return slots.hits(slot, hits);
}

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

  it('keeps the slots of each piece and the pieces of each slot apart, however many slots share a piece', () => {
    const table = new TextTable();
    const slots = new SlotPieces();
    const rows = [['get', 'http://a/1'], ['get', 'http://a/2', 'x-trace'], ['put', 'http://a/3', 'x-trace'], ['get', 'get']];
    for (const row of rows) {
      const slot = slots.open();
      for (const id of ids(table, row)) slots.put(slot, id);
      slots.close();
    }
    expect(slots.count).toBe(4);
    const marked = (piece: string) => {
      const flags = new Uint8Array(slots.count);
      slots.mark(table.intern(piece), flags);
      return [...flags];
    };
    expect(marked('get')).toEqual([1, 1, 0, 1]);
    expect(marked('x-trace')).toEqual([0, 1, 1, 0]);
    expect(marked('http://a/3')).toEqual([0, 0, 1, 0]);
    expect(rows.map((_, s) => slots.hits(s, table.hits('a/2')))).toEqual([false, true, false, false]);
    expect(rows.map((_, s) => slots.hits(s, table.hits('put')))).toEqual([false, false, true, false]);
  });
});
