/**
 * Over the golden corpus of recorded exchanges (test/fixtures/exchanges): no finding restates, at the
 * step where it happened, a failure the browser already reported (the reason says it), and the whole
 * corpus read as one log yields findings without error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../../src/core/model/exchange';
import type { FindingId } from '../../../../src/core/findings';
import { entry, run } from './helpers';

const dir = fileURLToPath(new URL('../../../fixtures/exchanges/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, (JSON.parse(readFileSync(dir + f, 'utf8')) as { exchange: Exchange }).exchange] as const);

/** Findings that would repeat what a reason already says about the same step. */
const SAID_BY: Record<string, FindingId[]> = {
  WildcardOriginNotAllowed: ['wildcard-with-credentials'],
  PreflightWildcardOriginNotAllowed: ['wildcard-with-credentials'],
  AllowOriginMismatch: ['null-origin-allowed', 'insecure-origin-trusted', 'public-suffix-origin-trusted', 'origin-echo-without-vary'],
  PreflightAllowOriginMismatch: ['null-origin-allowed', 'insecure-origin-trusted', 'public-suffix-origin-trusted'],
  InvalidAllowOriginValue: ['null-origin-allowed', 'insecure-origin-trusted', 'origin-echo-without-vary'],
  MultipleAllowOriginValues: ['null-origin-allowed', 'insecure-origin-trusted', 'origin-echo-without-vary'],
  MethodDisallowedByPreflightResponse: ['wildcard-lists-with-credentials'],
  HeaderDisallowedByPreflightResponse: ['wildcard-lists-with-credentials'],
};

describe('findings over the golden corpus', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(30));

  it.each(fixtures)('%s: nothing the reason already says', (_name, ex) => {
    const { verdict } = entry(ex);
    for (const f of run([ex])) {
      for (const reason of verdict.reasons) {
        if (!(SAID_BY[reason.code] ?? []).includes(f.id)) continue;
        const same = f.evidence.some((e) => e.step.kind === reason.step.kind && (e.step.kind === 'response' || (reason.step.kind !== 'response' && e.step.index === reason.step.index)));
        expect(same, `${f.id} repeats ${reason.code}`).toBe(false);
      }
    }
  });

  it('reads the whole corpus as one log', () => {
    const found = run(fixtures.map(([, ex], i) => ({ ...ex, id: `f${i}` })));
    for (const f of found) {
      expect(f.exchangeIds.length).toBeGreaterThan(0);
      expect(f.evidence.length).toBeGreaterThan(0);
    }
  });
});
