/**
 * Chaining and preflight pairing give the same result as the first (quadratic) reader did, on 600
 * seeded random HAR files where URLs, methods, pages and start times collide. The expected grouping
 * in test/fixtures/har/pairing-golden.json was recorded from that reader before it was made linear.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_SEEDS, grouping, randomHar } from '../random-har';

const golden = JSON.parse(readFileSync(new URL('../../../../fixtures/har/pairing-golden.json', import.meta.url), 'utf8')) as Record<string, ReturnType<typeof grouping>>;

describe('readHar pairing and chaining (golden)', () => {
  it('records every seed', () => {
    expect(Object.keys(golden)).toHaveLength(GOLDEN_SEEDS);
  });

  it('groups every random file as the reference reader did', () => {
    const differ: number[] = [];
    for (let seed = 1; seed <= GOLDEN_SEEDS; seed++) {
      const got = grouping(randomHar(seed));
      try {
        expect(got).toEqual(golden[seed]);
      } catch {
        differ.push(seed);
      }
    }
    // Show the first difference in full.
    if (differ.length > 0) expect(grouping(randomHar(differ[0]!))).toEqual(golden[differ[0]!]);
    expect(differ).toEqual([]);
  });
});
