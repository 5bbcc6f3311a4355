/** `perValue`: each value worked out once, in a table that what traffic sends cannot grow past its bound. */
import { describe, expect, it } from 'vitest';
import { perValue } from '../../../../src/core/http/per-value';

describe('perValue', () => {
  it('works a value out once and gives the same result again', () => {
    const made: string[] = [];
    const of = perValue((v) => { made.push(v); return { v }; });
    const first = of('PUT, DELETE');
    expect(of('PUT, DELETE')).toBe(first);
    expect(of('GET')).not.toBe(first);
    expect(made).toEqual(['PUT, DELETE', 'GET']);
  });

  it('keeps no value longer than its bound, and starts afresh when full', () => {
    const made: string[] = [];
    const of = perValue((v) => { made.push(v); return v.length; }, 3, 8);
    of('a-very-long-value');
    of('a-very-long-value');
    expect(made).toEqual(['a-very-long-value', 'a-very-long-value']);
    made.length = 0;
    for (const v of ['a', 'b', 'c']) of(v);
    of('a');
    expect(made).toEqual(['a', 'b', 'c']);
    of('d'); // the table holds three: it starts afresh with this one
    of('a');
    of('d');
    expect(made).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});
