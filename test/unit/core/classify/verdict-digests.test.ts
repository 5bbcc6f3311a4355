/**
 * Byte-identical verdicts: every output field of `classify` (kind, reasons, messages, notes, their
 * order) for the golden corpus and for exchanges recorded from the capture path (lab traffic through
 * the fake webRequest, our listeners and the correlator, with Chrome's header sets) and the bench's
 * mix, each also with every header name upper-cased. The digests in verdicts.golden.json were taken
 * from the classifier before its rewrite for speed (issue 12); a change of any verdict byte fails here.
 * Regenerate them only for an intended change of output, and say so in the commit.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import type { Exchange, Header } from '../../../../src/core/model/exchange';

interface Golden {
  fixtures: Record<string, [string, string]>;
  recorded: { name: string; verdicts: [string, string]; exchange: Exchange }[];
}

const FIXTURES = new URL('../../../fixtures/exchanges/', import.meta.url);

/** The golden corpus (as corpus.test.ts reads it): file name and exchange. */
function loadFixtures(): { file: string; exchange: Exchange }[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort()
    .map((file) => ({ file, exchange: (JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as { exchange: Exchange }).exchange }));
}

const golden = JSON.parse(readFileSync(new URL('./verdicts.golden.json', import.meta.url), 'utf8')) as Golden;

const digest = (v: unknown): string => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 32);

/** The same exchange with every header name in upper case (HAR and HTTP/1.1 spell names freely). */
function upperCased(ex: Exchange): Exchange {
  const c = structuredClone(ex);
  const fix = (list: Header[] | undefined) => { if (Array.isArray(list)) for (const h of list) h.name = h.name.toUpperCase(); };
  fix(c.requestHeaders);
  fix(c.finalRequestHeaders);
  fix(c.response?.headers);
  for (const p of c.preflights) { fix(p.requestHeaders); fix(p.response?.headers); }
  for (const r of c.redirects) { fix(r.requestHeaders); fix(r.response.headers); }
  return c;
}

/** Both digests, with the verdict itself in the message when one differs. */
function check(ex: Exchange, expected: [string, string]): void {
  for (const [i, input] of [ex, upperCased(ex)].entries()) {
    const v = classify(input);
    expect(digest(v), JSON.stringify(v)).toBe(expected[i]);
  }
}

describe('verdicts stay byte-identical', () => {
  const fixtures = loadFixtures();

  it('covers every fixture of the golden corpus and the recorded capture kinds', () => {
    expect(Object.keys(golden.fixtures).sort()).toEqual(fixtures.map((f) => f.file));
    expect(golden.recorded.filter((r) => r.name.startsWith('captured-'))).toHaveLength(10);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('fixture %s', (file, f) => {
    check(f.exchange, golden.fixtures[file]!);
  });

  it.each(golden.recorded.map((r) => [r.name, r] as const))('recorded %s', (_name, r) => {
    check(r.exchange, r.verdicts);
  });
});
