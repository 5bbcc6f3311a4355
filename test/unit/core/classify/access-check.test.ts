/**
 * The CORS check (ACAO/ACAC) in Chromium's order, on the actual response and on the preflight.
 * Each row: ACAO header lines, ACAC, whether credentials were sent (a Cookie), expected code.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { API, exchange, PAGE } from '../../../support/builder';
import { EN } from '../../../../src/core/i18n/catalogues';

type Row = [desc: string, acao: string[], acac: string | null, credentialed: boolean, code: string | null];

const ROWS: Row[] = [
  ['exact origin', [PAGE], null, false, null],
  ['* without credentials', ['*'], null, false, null],
  ['* without credentials ignores a bad ACAC', ['*'], 'nope', false, null],
  ['"* " (trailing space) is trimmed to *', ['* '], null, false, null],
  ['origin surrounded by spaces', [`  ${PAGE}  `], null, false, null],
  ['* with credentials', ['*'], null, true, 'WildcardOriginNotAllowed'],
  ['* with credentials even with ACAC true', ['*'], 'true', true, 'WildcardOriginNotAllowed'],
  ['absent', [], null, false, 'MissingAllowOriginHeader'],
  ['absent, with credentials', [], 'true', true, 'MissingAllowOriginHeader'],
  ['"not an origin" (spaces) → multiple, tested before validity', ['not an origin'], null, false, 'MultipleAllowOriginValues'],
  ['comma list in one line', [`${PAGE}, http://127.0.0.1:4003`], null, false, 'MultipleAllowOriginValues'],
  ['two identical lines', [PAGE, PAGE], null, false, 'MultipleAllowOriginValues'],
  ['two lines "*" and "*"', ['*', '*'], null, false, 'MultipleAllowOriginValues'],
  ['trailing slash', [`${PAGE}/`], null, false, 'AllowOriginMismatch'],
  ['upper-case scheme and host', [PAGE.toUpperCase()], null, false, 'AllowOriginMismatch'],
  ['null for a normal origin', ['null'], null, false, 'AllowOriginMismatch'],
  ['another origin', ['http://127.0.0.1:4003'], null, false, 'AllowOriginMismatch'],
  ['https instead of http', [PAGE.replace('http:', 'https:')], null, false, 'AllowOriginMismatch'],
  ['explicit default port', ['http://127.0.0.1:80'], null, false, 'AllowOriginMismatch'],
  ['empty value', [''], null, false, 'InvalidAllowOriginValue'],
  ['only spaces (trimmed to empty)', ['   '], null, false, 'InvalidAllowOriginValue'],
  ['single word foo', ['foo'], null, false, 'InvalidAllowOriginValue'],
  ['"://x" is not a URL', ['://x'], null, false, 'InvalidAllowOriginValue'],
  ['credentials, ACAC absent', [PAGE], null, true, 'InvalidAllowCredentials'],
  ['credentials, ACAC TRUE (case-sensitive)', [PAGE], 'TRUE', true, 'InvalidAllowCredentials'],
  ['credentials, ACAC 1', [PAGE], '1', true, 'InvalidAllowCredentials'],
  ['credentials, ACAC "true" passes', [PAGE], 'true', true, null],
  ['credentials, ACAC " true " is trimmed', [PAGE], ' true ', true, null],
  ['no credentials, ACAC absent is fine', [PAGE], null, false, null],
];

function withAcao<T extends { header(n: string, v: string): T }>(r: T, acao: string[], acac: string | null): T {
  for (const v of acao) r.header('Access-Control-Allow-Origin', v);
  if (acac !== null) r.header('Access-Control-Allow-Credentials', acac);
  return r;
}

describe('CORS check on the actual response', () => {
  it.each(ROWS)('%s', (_desc, acao, acac, credentialed, code) => {
    const b = exchange().to(`${API}/data`).response((r) => withAcao(r, acao, acac));
    if (credentialed) b.cookie('session=1');
    if (code !== null) b.failed('net::ERR_FAILED');
    const v = classify(b.build());
    if (code === null) {
      expect(v.kind).toBe('simple');
      expect(v.reasons).toEqual([]);
    } else {
      expect(v.kind).toBe('blocked');
      expect(v.reasons[0]!.code).toBe(code);
      expect(v.reasons[0]!.step).toEqual({ kind: 'response' });
    }
  });
});

describe('the same check on the preflight response (Preflight* codes)', () => {
  it.each(ROWS)('%s', (_desc, acao, acac, credentialed, code) => {
    const b = exchange()
      .to(`${API}/data`)
      .method('PUT')
      .preflight((p) => withAcao(p.status(204), acao, acac).acam('PUT'));
    if (credentialed) b.cookie('session=1');
    if (code === null) b.response((r) => withAcao(r, acao, acac));
    else b.failed('net::ERR_FAILED');
    const v = classify(b.build());
    if (code === null) {
      expect(v.kind).toBe('preflighted');
      expect(v.preflight.observed).toBe(true);
    } else {
      expect(v.kind).toBe('blocked');
      expect(v.reasons[0]!.code).toBe(`Preflight${code}`);
      expect(v.reasons[0]!.step).toEqual({ kind: 'preflight', index: 0 });
      expect(v.reasons[0]!.chromeMessage.startsWith("Response to preflight request doesn't pass access control check: ")).toBe(true);
    }
  });
});

describe('reason details', () => {
  it('two ACAO lines: received is joined with ", ", Firefox says "Multiple"', () => {
    const v = classify(exchange().response((r) => r.acao(PAGE).acao(PAGE)).failed().build());
    const r = v.reasons[0]!;
    expect(r.received).toBe(`${PAGE}, ${PAGE}`);
    expect(r.firefox).toBe('CORSMultipleAllowOriginNotAllowed');
    expect(r.mdn).toBe('https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMultipleAllowOriginNotAllowed');
    expect(r.chromeMessage).toBe(`The 'Access-Control-Allow-Origin' header contains multiple values '${PAGE}, ${PAGE}', but only one is allowed.`);
  });

  it('one ACAO line with a list: Firefox words it as a mismatch', () => {
    const v = classify(exchange().response((r) => r.acao(`${PAGE}, http://x.test`)).failed().build());
    expect(v.reasons[0]!.code).toBe('MultipleAllowOriginValues');
    expect(v.reasons[0]!.firefox).toBe('CORSAllowOriginNotMatchingOrigin');
  });

  it('missing ACAO: every field of the reason', () => {
    const v = classify(exchange().to(`${API}/data`).response((r) => r.status(200)).failed().build());
    const r = v.reasons[0]!;
    expect({ ...r, expected: EN.t(r.expected), summary: EN.t(r.summary), firefoxMessage: r.firefoxMessage && EN.t(r.firefoxMessage) }).toEqual({
      code: 'MissingAllowOriginHeader',
      firefox: 'CORSMissingAllowOrigin2',
      mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin',
      header: 'Access-Control-Allow-Origin',
      received: null,
      expected: `Access-Control-Allow-Origin: ${PAGE} (exactly) or *`,
      summary: `The response came without an Access-Control-Allow-Origin header, so the server did not allow ${PAGE} to read it.`,
      step: { kind: 'response' },
      chromeMessage: "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
      firefoxMessage: `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${API}/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.`,
    });
    expect(EN.t(v.headline)).toBe('Blocked: the response had no Access-Control-Allow-Origin header');
  });

  it('trailing-slash mismatch explains the near miss', () => {
    const v = classify(exchange().response((r) => r.acao(`${PAGE}/`)).failed().build());
    expect(EN.t(v.reasons[0]!.summary)).toContain('trailing slash');
  });

  it('credentialed mismatch also lists the ACAC problem that would fail next', () => {
    const v = classify(exchange().cookie('a=1').response((r) => r.acao('http://other.test')).failed().build());
    expect(v.reasons.map((r) => r.code)).toEqual(['AllowOriginMismatch', 'InvalidAllowCredentials']);
    expect(v.credentials.mode).toBe('include');
  });
});
