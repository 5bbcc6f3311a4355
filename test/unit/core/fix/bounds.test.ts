/** Issue 14: one huge field (1 MB method, URL, origin or header list) gives a bounded fix, cut visibly, never a wrong snippet. */
import { describe, expect, it } from 'vitest';
import { fixesFor, fixMarkdown } from '../../../../src/core/fix/index';
import { cut, cutMarker } from '../../../../src/core/fix/bounds';
import { exchangeOf, verdictOf, type Case } from './build';
import { EN } from '../../../../src/core/i18n/catalogues';

const MB = 1024 * 1024;
const big = 'a'.repeat(MB);
const manyNames = Array.from({ length: MB / 8 }, (_, i) => `x-h${i}`);
/** Far below the megabyte that goes in: the whole FixSet, snippets included. */
const OUTPUT_BOUND = 64 * 1024;

const CASES: Record<string, Case> = {
  method: { kind: 'blocked', code: 'MethodDisallowedByPreflightResponse', step: { kind: 'preflight', index: 0 }, method: `X${big}` },
  origin: { kind: 'blocked', code: 'AllowOriginMismatch', origin: `https://${big}.example` },
  'one header name': { kind: 'blocked', code: 'HeaderDisallowedByPreflightResponse', step: { kind: 'preflight', index: 0 }, headers: [`x-${big}`] },
  'header list': { kind: 'blocked', code: 'HeaderDisallowedByPreflightResponse', step: { kind: 'preflight', index: 0 }, headers: manyNames, received: 'x-other' },
  'received value': { kind: 'blocked', code: 'MultipleAllowOriginValues', received: `${big}, b` },
  url: { kind: 'blocked', code: 'MissingAllowOriginHeader', url: `https://api.example/${big}/x` },
};

describe('fixesFor with 1 MB fields', () => {
  it.each(Object.keys(CASES))('%s: completes, output bounded, cut with a visible marker', (name) => {
    const c = CASES[name]!;
    const f = fixesFor(exchangeOf(c), verdictOf(c));
    const json = JSON.stringify(f);
    expect(json.length).toBeLessThan(OUTPUT_BOUND);
    expect(fixMarkdown(f, EN, 'nginx').length).toBeLessThan(OUTPUT_BOUND);
    expect(json).toMatch(/…\[cut: [\d,]+ chars\]/);
  });

  it.each(['method', 'origin', 'one header name', 'header list'])('%s cut: no snippet, and a warning says why', (name) => {
    const c = CASES[name]!;
    const f = fixesFor(exchangeOf(c), verdictOf(c));
    expect(f.snippets).toEqual([]);
    expect(f.notes.some((n) => n.level === 'warning' && /characters long: too long to put in a server configuration, so no snippet is given/.test(EN.t(n.text)))).toBe(true);
  });

  it('a cut header list keeps real names first, then the marker, in the step', () => {
    const c = CASES['header list']!;
    const f = fixesFor(exchangeOf(c), verdictOf(c));
    const allow = f.steps.find((s) => s.step === 'preflight')!.headers.find((h) => h.name === 'Access-Control-Allow-Headers')!.value;
    expect(allow.startsWith('x-h0, x-h1, x-h2')).toBe(true);
    expect(allow).toMatch(/, …\[cut: [\d,]+ chars\]$/);
    expect(f.spec.cut[0]?.field).toBe('requestHeaders');
    expect(f.spec.cut[0]!.length).toBeGreaterThan(MB);
    expect(EN.t(f.notes.find((n) => EN.t(n.text).startsWith('Add "x-h0"'))!.text)).toMatch(/and more/);
  });

  it('a long URL only shortens comments: snippets are still given, scoped to /', () => {
    const c = CASES.url!;
    const f = fixesFor(exchangeOf(c), verdictOf(c));
    expect(f.snippets.length).toBeGreaterThan(0);
    expect(f.spec.pathPrefix).toBe('/');
    expect(f.spec.url).toContain(cutMarker(`https://api.example/${big}/x`.length));
  });

  it('the marker says the full length; a surrogate pair is never split', () => {
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcd', 3)).toBe('abc…[cut: 4 chars]');
    expect(cutMarker(1_048_576)).toBe('…[cut: 1,048,576 chars]');
    expect(cut('ab😀cd', 3)).toBe('ab…[cut: 6 chars]');
  });
});
