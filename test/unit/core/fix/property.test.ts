import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixesFor, fixMarkdown, STACKS } from '../../../../src/core/fix/index';
import { curlFor } from '../../../../src/core/report/curl';
import type { CorsErrorCode, VerdictKind } from '../../../../src/core/model/verdict';
import { exchangeOf, verdictOf, type Case } from './build';
import { EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import type { Msg } from '../../../../src/core/i18n/msg';
import type { FixSet } from '../../../../src/core/fix/types';
import { missingIds } from '../classify/messages';

/** Every sentence of a fix: the summary, the notes, each header's why, each step's status, each snippet's notes. */
function sentences(f: FixSet): Msg[] {
  return [
    f.summary, ...f.notes.map((n) => n.text), ...f.steps.flatMap((s) => [...(s.status ? [s.status] : []), ...s.headers.map((h) => h.why)]),
    ...f.snippets.flatMap((s) => s.notes), f.spec.credentialsEvidence,
  ];
}

const CODES: CorsErrorCode[] = [
  'WildcardOriginNotAllowed', 'MissingAllowOriginHeader', 'MultipleAllowOriginValues', 'InvalidAllowOriginValue',
  'AllowOriginMismatch', 'InvalidAllowCredentials', 'PreflightInvalidStatus', 'PreflightDisallowedRedirect',
  'PreflightMissingAllowOriginHeader', 'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials', 'LocalNetworkAccessPermissionDenied', 'DisallowedByMode', 'CorsDisabledScheme',
];
const KINDS: VerdictKind[] = ['simple', 'preflighted', 'blocked', 'network-error', 'pending', 'inconclusive'];
const text = fc.string({ unit: 'binary', maxLength: 40 });

const caseArb: fc.Arbitrary<Case> = fc.record({
  origin: fc.oneof(text, fc.constantFrom('https://app.example', 'null', 'http://[::1]:8080')),
  url: fc.oneof(text, fc.webUrl()),
  method: fc.oneof(text, fc.constantFrom('GET', 'PUT', 'patch', 'DELETE')),
  headers: fc.array(text, { maxLength: 4 }),
  credentials: fc.boolean(),
  tainted: fc.boolean(),
  status: fc.integer({ min: 0, max: 999 }),
  kind: fc.constantFrom(...KINDS),
  code: fc.constantFrom(...CODES),
  received: fc.option(text, { nil: null }),
});

const answerArb = fc.constantFrom<{ credentials?: boolean | 'unsure' }>({}, { credentials: true }, { credentials: false }, { credentials: 'unsure' });

describe('fixesFor on any input', () => {
  it('never throws with any answer to the credentials question; Allow-Credentials follows the spec', () => {
    fc.assert(fc.property(caseArb, answerArb, (c, options) => {
      const f = fixesFor(exchangeOf(c), verdictOf(c), options);
      if (options.credentials === true || options.credentials === 'unsure') expect(f.spec.credentials).toBe(true);
      if (options.credentials === false) expect(f.spec.credentials).toBe(false);
      for (const step of f.steps) {
        expect(step.headers.find((h) => h.name === 'Access-Control-Allow-Credentials')?.value).toBe(f.spec.credentials ? 'true' : undefined);
      }
    }), { numRuns: 200 });
  });

  it('never throws, never suggests a wildcard, always echoes the origin with Vary', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const f = fixesFor(exchangeOf(c), verdictOf(c));
      for (const s of f.snippets) expect(s.code).not.toMatch(/(["'])\*\1|Allow-Origin:?\s+\*/i);
      for (const step of f.steps) {
        const get = (n: string) => step.headers.find((h) => h.name === n)?.value;
        expect(get('Vary')).toBe('Origin');
        if (step.step !== 'redirect') expect(get('Access-Control-Allow-Origin')).toBe(f.spec.origin);
        expect(get('Access-Control-Allow-Credentials')).toBe(f.spec.credentials ? 'true' : undefined);
      }
      expect(f.snippets.length === 0 || f.snippets.length === STACKS.length).toBe(true);
      for (const msg of sentences(f)) expect(missingIds(msg)).toEqual([]);
      fixMarkdown(f, EN, 'nginx');
      fixMarkdown(f, wordsFor('fr'), 'nginx');
      curlFor(exchangeOf(c), 'preflight');
      curlFor(exchangeOf(c), 'request');
    }), { numRuns: 300 });
  });

  it('survives malformed exchanges (missing lists, junk header entries)', () => {
    const c: Case = { kind: 'blocked', code: 'MissingAllowOriginHeader', method: 'PUT', headers: ['x-a'] };
    const ex = exchangeOf(c) as unknown as Record<string, unknown>;
    ex.requestHeaders = [null, { name: 'Origin' }, { value: 'x' }, 42];
    ex.redirects = 'not a list';
    delete ex.response;
    (ex.preflights as Array<Record<string, unknown>>)[0]!.requestHeaders = [{ name: 'Access-Control-Request-Headers', value: 7 }];
    const f = fixesFor(ex as never, verdictOf(c));
    expect(f.status).toBe('server-fix');
    expect(f.spec.origin).toBe('https://app.example');
    expect(curlFor(ex as never, 'request')).toContain("-H 'Origin: https://app.example'");
    expect(curlFor(ex as never, 'preflight')).toContain('-X OPTIONS');
  });
});
