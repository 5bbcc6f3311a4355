/** Golden corpus: every recorded exchange in test/fixtures/exchanges gets its expected verdict. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import type { Exchange } from '../../../../src/core/model/exchange';
import { EN } from '../../../../src/core/i18n/catalogues';

export interface Fixture {
  file: string;
  description: string;
  scenario?: string;
  expected: { kind: string; code: string | null; credentials?: string };
  exchange: Exchange;
}

const dir = fileURLToPath(new URL('../../../fixtures/exchanges/', import.meta.url));

export function loadFixtures(): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(dir + file, 'utf8')) as Omit<Fixture, 'file'>) }));
}

const fixtures = loadFixtures();

describe('golden corpus', () => {
  it('is not empty and covers the §4.3 scenarios A–J', () => {
    expect(fixtures.length).toBeGreaterThan(40);
    const scenarios = new Set(fixtures.map((f) => f.scenario).filter(Boolean));
    expect([...scenarios].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const v = classify(f.exchange);
    expect({ kind: v.kind, code: v.reasons[0]?.code ?? null }).toEqual({ kind: f.expected.kind, code: f.expected.code });
    if (f.expected.credentials) expect(v.credentials.mode).toBe(f.expected.credentials);
    expect(EN.t(v.headline).length).toBeGreaterThan(10);
  });
});
