import { describe, expect, it } from 'vitest';
import { createFilter, display } from '../../../../src/panel/table/filter';
import { toRow } from '../../../../src/panel/table/rows';
import { blockedTrailingSlash, preflightedPut, sameOrigin, simple } from '../fixtures';

const rows = [simple('a', 1), blockedTrailingSlash('b', 2), preflightedPut('c', 3), sameOrigin('d', 4)].map(toRow);

describe('createFilter', () => {
  it('gives the same result as a full scan whether typing forward, backspacing or jumping', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      toRow(i % 3 === 0 ? simple(`a${i}`, i) : i % 3 === 1 ? blockedTrailingSlash(`b${i}`, i) : preflightedPut(`c${i}`, i)));
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
});
