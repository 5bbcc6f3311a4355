import { describe, expect, it } from 'vitest';
import { fixesFor } from '../../../../src/core/fix/index';
import type { HeaderLine, StepFix } from '../../../../src/core/fix/index';
import { exchangeOf, verdictOf, type Case } from './build';
import { m } from '../../../../src/core/i18n/msg';
import { EN } from '../../../../src/core/i18n/catalogues';

const fix = (c: Case) => fixesFor(exchangeOf(c), verdictOf(c));
const step = (steps: StepFix[], kind: StepFix['step']) => steps.find((s) => s.step === kind);
const value = (lines: HeaderLine[] | undefined, name: string) => lines?.find((h) => h.name === name)?.value;

describe('fixesFor: headers per step', () => {
  it('credentialed preflighted request: exact origin, credentials, method as sent, headers, max-age, Vary', () => {
    const f = fix({ kind: 'blocked', code: 'PreflightWildcardOriginNotAllowed', step: { kind: 'preflight', index: 0 }, method: 'PATCH', headers: ['x-trace', 'content-type'], credentials: true });
    const pre = step(f.steps, 'preflight');
    expect(f.status).toBe('server-fix');
    expect(value(pre?.headers, 'Access-Control-Allow-Origin')).toBe('https://app.example');
    expect(value(pre?.headers, 'Access-Control-Allow-Credentials')).toBe('true');
    expect(value(pre?.headers, 'Access-Control-Allow-Methods')).toBe('PATCH');
    expect(value(pre?.headers, 'Access-Control-Allow-Headers')).toBe('x-trace, content-type');
    expect(value(pre?.headers, 'Access-Control-Max-Age')).toBe('600');
    expect(value(pre?.headers, 'Vary')).toBe('Origin');
    const res = step(f.steps, 'response');
    expect(value(res?.headers, 'Access-Control-Allow-Origin')).toBe('https://app.example');
    expect(value(res?.headers, 'Access-Control-Allow-Credentials')).toBe('true');
    expect(value(res?.headers, 'Vary')).toBe('Origin');
    expect(value(res?.headers, 'Access-Control-Allow-Methods')).toBeUndefined();
    expect(f.notes.some((n) => EN.t(n.text).includes('Never answer "Access-Control-Allow-Origin: *"'))).toBe(true);
  });

  it('keeps the method case: patch is not PATCH, and says so', () => {
    const f = fix({ kind: 'blocked', code: 'MethodDisallowedByPreflightResponse', step: { kind: 'preflight', index: 0 }, method: 'patch' });
    expect(value(step(f.steps, 'preflight')?.headers, 'Access-Control-Allow-Methods')).toBe('patch');
    expect(f.notes.some((n) => n.level === 'warning' && EN.t(n.text).includes('"PATCH"'))).toBe(true);
  });

  it('no credentials: no Access-Control-Allow-Credentials anywhere; a simple GET has no preflight step', () => {
    const f = fix({ kind: 'blocked', code: 'MissingAllowOriginHeader' });
    expect(f.steps.map((s) => s.step)).toEqual(['response']);
    expect(f.steps.flatMap((s) => s.headers).some((h) => h.name === 'Access-Control-Allow-Credentials')).toBe(false);
  });

  it('inferred-include counts as credentialed', () => {
    const c: Case = { kind: 'blocked', code: 'InvalidAllowCredentials' };
    const v = verdictOf(c);
    v.credentials = { mode: 'inferred-include', basis: m('cred_inferred_include') };
    const f = fixesFor(exchangeOf(c), v);
    expect(f.spec.credentials).toBe(true);
    expect(value(step(f.steps, 'response')?.headers, 'Access-Control-Allow-Credentials')).toBe('true');
  });

  it('tainted origin: allows null, with a warning to avoid the redirect instead', () => {
    const f = fix({ kind: 'blocked', code: 'AllowOriginMismatch', tainted: true, received: 'https://app.example' });
    expect(value(step(f.steps, 'response')?.headers, 'Access-Control-Allow-Origin')).toBe('null');
    const warning = f.notes.find((n) => EN.t(n.text).includes('Origin: null'));
    expect(warning?.level).toBe('warning');
    expect(EN.t(warning!.text)).toMatch(/risky/);
    expect(EN.t(warning!.text)).toMatch(/avoid the cross-origin redirect/);
  });

  it('error status: says error responses need the headers too', () => {
    const f = fix({ kind: 'blocked', code: 'MissingAllowOriginHeader', status: 401 });
    expect(f.spec.errorStatus).toBe(401);
    expect(f.spec.serverError).toBe(false);
    expect(f.notes.some((n) => EN.t(n.text).includes('status 401') && EN.t(n.text).includes('always'))).toBe(true);
    expect(fix({ kind: 'blocked', code: 'MissingAllowOriginHeader', status: 200 }).notes.some((n) => EN.t(n.text).includes('Error responses'))).toBe(false);
  });

  it('preflight failures say 2xx and no redirect', () => {
    const st = fix({ kind: 'blocked', code: 'PreflightInvalidStatus', step: { kind: 'preflight', index: 0 }, method: 'PUT', status: 401 });
    expect(st.notes.some((n) => EN.t(n.text).includes('2xx'))).toBe(true);
    expect(EN.t(step(st.steps, 'preflight')!.status!)).toMatch(/never a redirect/);
    const rd = fix({ kind: 'blocked', code: 'PreflightDisallowedRedirect', step: { kind: 'preflight', index: 0 }, method: 'PUT' });
    expect(rd.notes.some((n) => EN.t(n.text).includes('never follow a redirect'))).toBe(true);
  });

  it('a cross-origin redirect hop gets its own step; a same-origin first hop does not', () => {
    const hop = (url: string, location: string) => ({ url, location, time: 1, response: { status: 302, headers: [] } });
    const cross = fix({ url: 'https://api.example/a', kind: 'blocked', code: 'MissingAllowOriginHeader', step: { kind: 'redirect', index: 0 }, redirects: [hop('https://api.example/a', 'https://cdn.example/b')] });
    const r = step(cross.steps, 'redirect');
    expect(r?.url).toBe('https://api.example/a');
    expect(value(r?.headers, 'Access-Control-Allow-Origin')).toBe('https://app.example');
    expect(cross.notes.some((n) => EN.t(n.text).includes('redirect hop'))).toBe(true);
    const same = fix({ url: 'https://app.example/a', redirects: [hop('https://app.example/a', 'https://api.example/b')] });
    expect(same.steps.some((s) => s.step === 'redirect')).toBe(false);
  });

  it('second cross-origin hop is answered for Origin null (taint after a cross-origin hop)', () => {
    const hops = [
      { url: 'https://api.example/a', location: 'https://cdn.example/b', time: 1, response: { status: 302, headers: [] } },
      { url: 'https://cdn.example/b', location: 'https://files.example/c', time: 2, response: { status: 302, headers: [] } },
    ];
    const f = fix({ kind: 'blocked', code: 'AllowOriginMismatch', tainted: true, redirects: hops });
    const origins = f.steps.filter((s) => s.step === 'redirect').map((s) => value(s.headers, 'Access-Control-Allow-Origin'));
    expect(origins).toEqual(['https://app.example', 'null']);
  });

  it('duplicate Access-Control-Allow-Origin: remove one layer', () => {
    const f = fix({ kind: 'blocked', code: 'MultipleAllowOriginValues', received: 'https://app.example, https://app.example' });
    expect(f.spec.duplicateAllowOrigin).toBe(true);
    expect(f.notes.some((n) => EN.t(n.text).includes('two layers'))).toBe(true);
    expect(f.snippets.find((s) => s.stack === 'nginx')?.code).toContain('proxy_hide_header Access-Control-Allow-Origin;');
  });

  it('credentials in a redirect Location: drop user:pass', () => {
    const f = fix({ kind: 'blocked', code: 'RedirectContainsCredentials', step: { kind: 'redirect', index: 0 }, received: 'https://user:secret@api.example/next' });
    const note = f.notes.find((n) => EN.t(n.text).includes('user:pass'));
    expect(EN.t(note!.text)).toContain('"https://api.example/next"');
  });

  it.each(['LocalNetworkAccessPermissionDenied', 'InsecureLocalNetwork', 'DisallowedByMode', 'CorsDisabledScheme'] as const)('%s: no header fixes it', (code) => {
    const f = fix({ kind: 'blocked', code });
    expect(f.status).toBe('no-header-fix');
    expect(f.notes.some((n) => n.level === 'warning' && EN.t(n.text).startsWith('No response header can fix this.'))).toBe(true);
  });

  it('LNA note explains the permission', () => {
    const f = fix({ kind: 'blocked', code: 'LocalNetworkAccessPermissionDenied' });
    expect(f.notes.some((n) => /Local Network Access permission/.test(EN.t(n.text)))).toBe(true);
  });

  it('passing exchange: nothing to fix, configuration still given', () => {
    const f = fix({ kind: 'preflighted', method: 'DELETE', credentials: true });
    expect(f.status).toBe('nothing-to-fix');
    expect(EN.t(f.summary)).toMatch(/Nothing to fix/);
    expect(value(step(f.steps, 'preflight')?.headers, 'Access-Control-Allow-Methods')).toBe('DELETE');
    expect(f.snippets).toHaveLength(12);
  });

  it.each(['same-origin', 'no-cors'] as const)('%s: no steps, no snippets, a note', (kind) => {
    const f = fix({ kind });
    expect(f.status).toBe('nothing-to-fix');
    expect(f.steps).toEqual([]);
    expect(f.snippets).toEqual([]);
    expect(f.notes).toHaveLength(1);
  });

  it.each(['inconclusive', 'pending'] as const)('%s: status unknown', (kind) => {
    expect(fix({ kind }).status).toBe('unknown');
  });

  it('network-error: no header can help, no steps, no snippets', () => {
    const f = fix({ kind: 'network-error' });
    expect(f.status).toBe('network-failure');
    expect(f.steps).toEqual([]);
    expect(f.snippets).toEqual([]);
  });

  it('uses the preflight Access-Control-Request-* headers as sent (lowercase names, browser order)', () => {
    const ex = exchangeOf({ method: 'PUT', headers: ['x-b', 'x-a'] });
    const v = verdictOf({ method: 'PUT', headers: [] });
    expect(fixesFor(ex, v).spec.requestHeaders).toEqual(['x-b', 'x-a']);
  });

  it('falls back to initiator, then documentUrl, when the verdict has no origin', () => {
    const ex = exchangeOf({});
    ex.requestHeaders = [];
    const v = verdictOf({});
    v.origin = null;
    expect(fixesFor(ex, v).spec.origin).toBe('https://app.example');
    delete ex.initiator;
    ex.documentUrl = 'https://docs.example:8443/page?q=1';
    expect(fixesFor(ex, v).spec.origin).toBe('https://docs.example:8443');
  });

  it('flags a malformed origin', () => {
    const f = fix({ origin: 'https://evil.example"; rm -rf /', kind: 'blocked', code: 'AllowOriginMismatch' });
    expect(f.spec.originWellFormed).toBe(false);
    expect(f.notes.some((n) => EN.t(n.text).includes('not a well-formed origin'))).toBe(true);
  });
});
