/**
 * Conventions of the reason catalogue, derived from the registry: one module file per code, every
 * code documented (summary, Chrome text, MDN link or a stated absence, Firefox mapping or a stated
 * absence) and produced by at least one fixture of the golden corpus.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REASONS, mdnUrl } from '../../../../src/core/reasons';
import type { Evidence } from '../../../../src/core/reasons';
import type { CorsErrorCode } from '../../../../src/core/model/verdict';
import { EN } from '../../../../src/core/i18n/catalogues';

/** Every CorsErrorCode (a missing or extra key is a type error). */
const ALL_CODES: Record<CorsErrorCode, true> = {
  DisallowedByMode: true, InvalidResponse: true, WildcardOriginNotAllowed: true, MissingAllowOriginHeader: true,
  MultipleAllowOriginValues: true, InvalidAllowOriginValue: true, AllowOriginMismatch: true, InvalidAllowCredentials: true,
  CorsDisabledScheme: true, PreflightInvalidStatus: true, PreflightDisallowedRedirect: true, PreflightWildcardOriginNotAllowed: true,
  PreflightMissingAllowOriginHeader: true, PreflightMultipleAllowOriginValues: true, PreflightInvalidAllowOriginValue: true,
  PreflightAllowOriginMismatch: true, PreflightInvalidAllowCredentials: true, InvalidAllowMethodsPreflightResponse: true,
  InvalidAllowHeadersPreflightResponse: true, MethodDisallowedByPreflightResponse: true, HeaderDisallowedByPreflightResponse: true,
  RedirectContainsCredentials: true, InsecureLocalNetwork: true, InvalidLocalNetworkAccess: true, LocalNetworkAccessPermissionDenied: true,
};

const reasonsDir = fileURLToPath(new URL('../../../../src/core/reasons/', import.meta.url));
const fixturesDir = fileURLToPath(new URL('../../../fixtures/exchanges/', import.meta.url));
const kebab = (code: string) => code.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

const sample: Evidence = {
  step: { kind: 'response' },
  url: 'http://127.0.0.1:4002/api',
  origin: 'http://127.0.0.1:4001',
  credentialed: false,
  received: 'x',
  param: 'x-trace',
  status: 404,
  detail: '2',
};

describe('reason catalogue', () => {
  it('has exactly one module per CorsErrorCode', () => {
    const codes = REASONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(Object.keys(ALL_CODES).sort());
  });

  it.each(REASONS.map((r) => [r.code, r] as const))('%s: documented', (code, def) => {
    expect(existsSync(`${reasonsDir}${kebab(code)}.ts`)).toBe(true);
    const summary = EN.t(def.summary(sample));
    expect(summary.length).toBeGreaterThan(30);
    expect(summary.endsWith('.')).toBe(true);
    expect(EN.t(def.short(sample)).length).toBeGreaterThan(10);
    expect(EN.t(def.expected(sample)).length).toBeGreaterThan(5);
    expect(def.chrome(sample).length).toBeGreaterThan(10);
    if (def.mdnSlug === null) expect(def.mdnAbsence ? EN.t(def.mdnAbsence).length : 0).toBeGreaterThan(20);
    else expect(mdnUrl(def)).toMatch(/^https:\/\/developer\.mozilla\.org\/en-US\/docs\/Web\/HTTP\/Guides\/CORS\/Errors\/CORS[A-Za-z]+$/);
    const ff = def.firefox(sample);
    if (def.firefoxKeys.length === 0) {
      expect(def.firefoxAbsence ? EN.t(def.firefoxAbsence).length : 0).toBeGreaterThan(20);
      expect(ff).toBeNull();
    } else {
      expect(ff).not.toBeNull();
      expect(def.firefoxKeys).toContain(ff!.key);
      expect(EN.t(ff!.message).startsWith('Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ')).toBe(true);
    }
  });

  it('Preflight* codes use Chromium\'s preflight prefix', () => {
    for (const def of REASONS.filter((r) => r.code.startsWith('Preflight') && r.code !== 'PreflightInvalidStatus' && r.code !== 'PreflightDisallowedRedirect')) {
      expect(def.chrome(sample)).toMatch(/^Response to preflight request doesn't pass access control check: /);
    }
  });

  it.each(REASONS.map((r) => [r.code] as const))('%s: produced by at least one golden fixture', (code) => {
    const producing = readdirSync(fixturesDir)
      .filter((f) => f.endsWith('.json'))
      .filter((f) => (JSON.parse(readFileSync(fixturesDir + f, 'utf8')) as { expected: { code: string | null } }).expected.code === code);
    expect(producing.length, `no fixture in test/fixtures/exchanges expects ${code}`).toBeGreaterThan(0);
  });
});
