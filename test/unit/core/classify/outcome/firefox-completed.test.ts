/**
 * Firefox reports a response its CORS check rejected as completed (observed in Firefox 153), so for
 * a Firefox observer a completed outcome is judged by the headers. Chromium's completed outcome still
 * means "passed" (compared at the end of each case).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../../src/core/classify/classify';
import { exchange, PAGE } from '../../../../support/builder';
import { EN } from '../../../../../src/core/i18n/catalogues';

const firefox = () => exchange().observer('firefox');

describe('Firefox: completed means a response arrived, the headers decide', () => {
  it.each([
    ['no ACAO', (r: ReturnType<typeof exchange>) => r.response((x) => x.status(200)), 'MissingAllowOriginHeader', 'CORSMissingAllowOrigin2'],
    ['no ACAO on a 500', (r: ReturnType<typeof exchange>) => r.response((x) => x.status(500)), 'MissingAllowOriginHeader', 'CORSMissingAllowOrigin2'],
    ['ACAO of another origin', (r: ReturnType<typeof exchange>) => r.response((x) => x.status(200).acao('http://other.test')), 'AllowOriginMismatch', 'CORSAllowOriginNotMatchingOrigin'],
    ['two ACAO lines', (r: ReturnType<typeof exchange>) => r.response((x) => x.status(200).acao(PAGE).acao(PAGE)), 'MultipleAllowOriginValues', 'CORSMultipleAllowOriginNotAllowed'],
  ])('%s → blocked %s, with a note saying where the verdict comes from', (_, shape, code, key) => {
    const v = classify(shape(firefox()).build());
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]?.code).toBe(code);
    expect(v.reasons[0]?.firefox).toBe(key);
    expect(v.notes.map(EN.t).join('\n')).toMatch(/Firefox does not tell extensions when its CORS check rejects a response/);
  });

  it('a preflight that passed, then a main response without ACAO → blocked, still counted as preflighted', () => {
    const v = classify(firefox().method('PUT').preflight((p) => p.acao(PAGE).acam('PUT')).response((r) => r.status(200)).build());
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]?.code).toBe('MissingAllowOriginHeader');
    expect(v.preflight).toMatchObject({ required: true, observed: true });
  });

  it('ACAO * with a Cookie → blocked WildcardOriginNotAllowed, credentials certain', () => {
    const v = classify(firefox().cookie('sid=1').response((r) => r.status(200).acao('*')).build());
    expect(v).toMatchObject({ kind: 'blocked', reasons: [{ code: 'WildcardOriginNotAllowed', firefox: 'CORSNotSupportingCredentials' }], credentials: { mode: 'include' } });
  });

  it('ACAO * without a Cookie → simple "if sent without credentials", credentials unknown, the other case named', () => {
    const v = classify(firefox().response((r) => r.status(200).acao('*')).build());
    expect(v.kind).toBe('simple');
    expect(EN.t(v.headline)).toMatch(/^Allowed if sent without credentials: a simple CORS request/);
    expect(v.credentials.mode).toBe('unknown');
    expect(EN.t(v.notes[0]!)).toMatch(/Firefox blocked it: WildcardOriginNotAllowed \(Firefox: CORSNotSupportingCredentials\)/);
  });

  it('ACAO = origin without ACAC: the same hedge (credentialed it would need Access-Control-Allow-Credentials: true)', () => {
    const v = classify(firefox().response((r) => r.status(200).acao(PAGE)).build());
    expect(v.kind).toBe('simple');
    expect(v.credentials.mode).toBe('unknown');
    expect(EN.t(v.notes[0]!)).toMatch(/InvalidAllowCredentials/);
  });

  it('ACAO = origin and ACAC true → simple, no hedge (passes either way)', () => {
    const v = classify(firefox().response((r) => r.status(200).acao(PAGE).acac('true')).build());
    expect(v.kind).toBe('simple');
    expect(EN.t(v.headline)).toMatch(/^Allowed: a simple CORS request/);
    expect(v.notes.map(EN.t).join('\n')).not.toMatch(/without credentials/);
  });

  it('the mode only assumed (no Sec-Fetch-Mode, no Origin) and failing headers → inconclusive, both readings told', () => {
    const v = classify(firefox().bare().type('xmlhttprequest').method('POST').response((r) => r.status(200)).build());
    expect(v.kind).toBe('inconclusive');
    expect(EN.t(v.headline)).toMatch(/^Blocked if this was a CORS request/);
    expect(EN.t(v.notes[0]!)).toMatch(/no-cors mode the page got an opaque response/);
  });

  it('an extension-initiated request is exempt: not blocked', () => {
    const v = classify(firefox().from('moz-extension://0b8c1f1e-0000-4000-8000-000000000000').response((r) => r.status(200)).build());
    expect(v.kind).not.toBe('blocked');
  });

  it('Chromium: the same completed exchanges are passes (Chromium ends a rejected one with an error)', () => {
    expect(classify(exchange().cookie('sid=1').response((r) => r.status(200).acao('*')).build()).kind).not.toBe('blocked');
    expect(classify(exchange().response((r) => r.status(200).acao('*')).build())).toMatchObject({ kind: 'simple', credentials: { mode: 'omit' } });
  });
});

describe('Firefox: a passed preflight proves the credentials', () => {
  it('preflight without ACAC passed (no error on the OPTIONS) → the request had no credentials: no hedge', () => {
    const v = classify(firefox().method('PUT').preflight((p) => p.acao(PAGE).acam('PUT')).response((r) => r.status(200).acao(PAGE)).build());
    expect(v.kind).toBe('preflighted');
    expect(EN.t(v.headline)).toMatch(/^Allowed after a preflight/);
    expect(v.credentials).toMatchObject({ mode: 'omit' });
    expect(EN.t(v.credentials.basis)).toMatch(/PreflightInvalidAllowCredentials/);
  });

  it('a preflight that would pass with credentials proves nothing: still hedged', () => {
    const v = classify(firefox().method('PUT').preflight((p) => p.acao(PAGE).acac('true').acam('PUT')).response((r) => r.status(200).acao('*')).build());
    expect(v.kind).toBe('preflighted');
    expect(EN.t(v.headline)).toMatch(/^Allowed if sent without credentials after a preflight/);
    expect(v.credentials.mode).toBe('unknown');
  });
});

describe('Firefox: a refused redirect ends with NS_ERROR_UNEXPECTED', () => {
  it('302 without ACAO, then NS_ERROR_UNEXPECTED → blocked MissingAllowOriginHeader at the redirect, with a note on the error', () => {
    const v = classify(firefox().redirect((r) => r.status(302).to(`${PAGE}/elsewhere`)).failed('NS_ERROR_UNEXPECTED').build());
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]).toMatchObject({ code: 'MissingAllowOriginHeader', firefox: 'CORSMissingAllowOrigin2', step: { kind: 'redirect', index: 0 } });
    expect(v.notes.map(EN.t).join('\n')).toMatch(/NS_ERROR_UNEXPECTED rather than its usual CORS error/);
  });

  it('a connection refused before any response stays a network error', () => {
    expect(classify(firefox().failed('NS_ERROR_CONNECTION_REFUSED').build()).kind).toBe('network-error');
  });

  it('Chromium: the same shape with a network error stays a network error', () => {
    expect(classify(exchange().redirect((r) => r.status(302).to(`${PAGE}/elsewhere`)).failed('net::ERR_CONNECTION_RESET').build()).kind).toBe('network-error');
  });
});

describe('Firefox: a failure Firefox has no CORS reason for', () => {
  it('a redirect to a URL with user:password, then NS_ERROR_NET_ON_RECEIVING_FROM → network error naming the cause', () => {
    const v = classify(firefox().redirect((r) => r.status(302).acao(PAGE).to('http://lab:secret@127.0.0.1:4003/next')).failed('NS_ERROR_NET_ON_RECEIVING_FROM').build());
    expect(v.kind).toBe('network-error');
    expect(EN.t(v.headline)).toBe('Failed: a redirect pointed to a URL containing a user name and password (NS_ERROR_NET_ON_RECEIVING_FROM)');
    expect(EN.t(v.notes[0]!)).toMatch(/Chrome blocks this as RedirectContainsCredentials.*CORSDidNotSucceed2/);
  });
});
