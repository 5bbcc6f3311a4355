import { describe, expect, it } from 'vitest';
import { rowOfEntry } from '../../../../src/panel/table/rows';
import { createSearchIndex } from '../../../../src/panel/table/search';
import { simple } from '../fixtures';

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
