/** Preflight evaluation in Chromium's order (Fetch §4.8 CORS-preflight fetch; services/network/cors/preflight_controller.cc). */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../../src/core/classify/classify';
import { API, exchange, PAGE, type PreflightBuilder } from '../../../../support/builder';
import { EN } from '../../../../../src/core/i18n/catalogues';

interface Case {
  desc: string;
  method?: string;
  headers?: [string, string][];
  cookie?: boolean;
  preflight: (p: PreflightBuilder) => PreflightBuilder;
  /** Expected codes in order; [] = passes. */
  codes: string[];
}

const ok = (p: PreflightBuilder) => p.status(204).acao(PAGE);

const CASES: Case[] = [
  { desc: '404 without ACAO → missing ACAO first, status next', method: 'PUT', preflight: (p) => p.status(404), codes: ['PreflightMissingAllowOriginHeader', 'PreflightInvalidStatus', 'MethodDisallowedByPreflightResponse'] },
  { desc: '500 with ACAO → invalid status', method: 'PUT', preflight: (p) => p.status(500).acao(PAGE).acam('PUT'), codes: ['PreflightInvalidStatus'] },
  { desc: '204 with ACAO and ACAM → ok', method: 'PUT', preflight: (p) => ok(p).acam('PUT'), codes: [] },
  { desc: '200 ok', method: 'DELETE', preflight: (p) => ok(p).status(200).acam('DELETE'), codes: [] },
  { desc: '302 with Location → redirect not allowed, even with ACAO', method: 'PUT', preflight: (p) => ok(p).status(302).header('Location', `${API}/elsewhere`).acam('PUT'), codes: ['PreflightDisallowedRedirect'] },
  { desc: '301 without ACAO → still the redirect', method: 'PUT', preflight: (p) => p.status(301).header('Location', `${API}/x`), codes: ['PreflightDisallowedRedirect'] },
  { desc: '304 without Location is a bad status, not a redirect', method: 'PUT', preflight: (p) => ok(p).status(304).acam('PUT'), codes: ['PreflightInvalidStatus'] },
  { desc: 'ACAM "GET,,DELETE" (empty item skipped)', method: 'DELETE', preflight: (p) => ok(p).acam('GET,,DELETE'), codes: [] },
  { desc: 'ACAM "put" does not cover PUT', method: 'PUT', preflight: (p) => ok(p).acam('put'), codes: ['MethodDisallowedByPreflightResponse'] },
  { desc: 'ACAM "PATCH" does not cover "patch"', method: 'patch', preflight: (p) => ok(p).acam('PATCH'), codes: ['MethodDisallowedByPreflightResponse'] },
  { desc: 'ACAM "patch" covers "patch"', method: 'patch', preflight: (p) => ok(p).acam('patch'), codes: [] },
  { desc: 'ACAM * without credentials', method: 'PUT', preflight: (p) => ok(p).acam('*'), codes: [] },
  { desc: 'ACAM * with credentials is a literal', method: 'PUT', cookie: true, preflight: (p) => ok(p).acac('true').acam('*'), codes: ['MethodDisallowedByPreflightResponse'] },
  { desc: 'ACAM "PUT DELETE" is not a token list', method: 'PUT', preflight: (p) => ok(p).acam('PUT DELETE'), codes: ['InvalidAllowMethodsPreflightResponse'] },
  { desc: 'ACAM "(PUT)" invalid token', method: 'PUT', preflight: (p) => ok(p).acam('(PUT)'), codes: ['InvalidAllowMethodsPreflightResponse'] },
  { desc: 'ACAM on two lines is joined', method: 'DELETE', preflight: (p) => ok(p).acam('PUT').acam('DELETE'), codes: [] },
  { desc: 'safelisted method passes whatever ACAM says', method: 'POST', headers: [['X-Trace', '1']], preflight: (p) => ok(p).acam('PUT').acah('x-trace'), codes: [] },
  { desc: 'ACAH "x-trace," (empty item skipped)', headers: [['X-Trace', '1']], preflight: (p) => ok(p).acah('x-trace,'), codes: [] },
  { desc: 'ACAH "X-Foo" covers header x-foo (case-insensitive)', headers: [['x-foo', '1']], preflight: (p) => ok(p).acah('X-Foo'), codes: [] },
  { desc: 'ACAH missing', headers: [['X-Trace', '1']], preflight: ok, codes: ['HeaderDisallowedByPreflightResponse'] },
  { desc: 'ACAH "x-a x-b" is not a token list', headers: [['X-A', '1']], preflight: (p) => ok(p).acah('x-a x-b'), codes: ['InvalidAllowHeadersPreflightResponse'] },
  { desc: 'ACAH * without credentials', headers: [['X-Trace', '1']], preflight: (p) => ok(p).acah('*'), codes: [] },
  { desc: 'ACAH * covers Authorization without credentials (Chromium 156 / Firefox 153)', headers: [['Authorization', 'Bearer t']], preflight: (p) => ok(p).acah('*'), codes: [] },
  { desc: 'ACAH * with credentials is a literal', headers: [['X-Trace', '1']], cookie: true, preflight: (p) => ok(p).acac('true').acah('*'), codes: ['HeaderDisallowedByPreflightResponse'] },
  { desc: 'method checked before headers', method: 'PUT', headers: [['X-Trace', '1']], preflight: ok, codes: ['MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse'] },
  { desc: 'ACAM parse error before ACAH parse error', method: 'PUT', headers: [['X-A', '1']], preflight: (p) => ok(p).acam('a b').acah('c d'), codes: ['InvalidAllowMethodsPreflightResponse', 'InvalidAllowHeadersPreflightResponse'] },
  { desc: 'Content-Type application/json must be allowed', method: 'POST', headers: [['Content-Type', 'application/json']], preflight: (p) => ok(p).acah('x-other'), codes: ['HeaderDisallowedByPreflightResponse'] },
  { desc: 'Content-Type allowed', method: 'POST', headers: [['Content-Type', 'application/json']], preflight: (p) => ok(p).acah('Content-Type'), codes: [] },
  { desc: 'credentials: ACAO * on the preflight', method: 'PUT', cookie: true, preflight: (p) => p.status(204).acao('*').acam('PUT'), codes: ['PreflightWildcardOriginNotAllowed'] },
  { desc: 'credentials: ACAC missing on the preflight', method: 'PUT', cookie: true, preflight: (p) => ok(p).acam('PUT'), codes: ['PreflightInvalidAllowCredentials'] },
];

describe('preflight checks', () => {
  it.each(CASES)('$desc', (c) => {
    const b = exchange().to(`${API}/items/1`).method(c.method ?? 'GET').preflight(c.preflight);
    for (const [n, v] of c.headers ?? []) b.header(n, v);
    if (c.cookie) b.cookie('sid=1');
    if (c.codes.length === 0) b.response((r) => (c.cookie ? r.acao(PAGE).acac('true') : r.acao(PAGE)));
    else b.failed();
    const v = classify(b.build());
    expect(v.reasons.map((r) => r.code)).toEqual(c.codes);
    expect(v.kind).toBe(c.codes.length === 0 ? 'preflighted' : 'blocked');
    expect(v.preflight).toMatchObject({ required: true, observed: true, cached: false });
  });

  it('the parameter of a header failure is the lower-case name; all uncovered names are told', () => {
    const v = classify(exchange().header('X-Trace', '1').header('X-Span', '2').preflight((p) => ok(p).acah('x-other')).failed().build());
    const r = v.reasons[0]!;
    expect(r.chromeMessage).toBe('Request header field x-trace is not allowed by Access-Control-Allow-Headers in preflight response.');
    expect(EN.t(r.summary)).toContain('x-trace, x-span');
    expect(r.firefox).toBe('CORSMissingAllowHeaderFromPreflight2');
  });

  it('Authorization under ACAH * gets a note about the standard', () => {
    const v = classify(exchange().header('Authorization', 'Bearer t').preflight((p) => ok(p).acah('*')).response((r) => r.acao(PAGE)).build());
    expect(v.kind).toBe('preflighted');
    expect(v.notes.map(EN.t).join(' ')).toContain('Fetch standard says * does not cover Authorization');
  });

  it('the preflight\'s own Access-Control-Request-Headers is authoritative (hidden Authorization)', () => {
    const v = classify(
      exchange().preflight((p) => ok(p).requestHeaderList('authorization').acah('x-trace')).failed().build(),
    );
    expect(v.reasons[0]!.code).toBe('HeaderDisallowedByPreflightResponse');
    expect(v.reasons[0]!.chromeMessage).toContain('authorization');
    expect(EN.t(v.preflight.why[0]!.text)).toContain('Authorization is not a safelisted header');
  });

  it('an observed preflight with nothing visibly unsafe was forced', () => {
    const v = classify(exchange().method('POST').preflight((p) => ok(p)).response((r) => r.acao(PAGE)).build());
    expect(v.kind).toBe('preflighted');
    expect(v.preflight.why).toEqual([expect.objectContaining({ kind: 'forced' })]);
  });

  it('headline for a preflight without ACAO', () => {
    const v = classify(exchange().method('PUT').preflight((p) => p.status(404)).failed().build());
    expect(EN.t(v.headline)).toBe('Blocked: the response to the preflight had no Access-Control-Allow-Origin header');
    expect(v.status).toBe(404);
    expect(EN.t(v.notes[0]!)).toContain('preflight (OPTIONS) with 404');
  });

  it('a preflight that failed on the network makes the exchange a network error', () => {
    const v = classify(exchange().method('PUT').preflight((p) => p.error('net::ERR_FAILED')).failed('net::ERR_CONNECTION_REFUSED').build());
    expect(v.kind).toBe('network-error');
    expect(v.notes.map(EN.t).join(' ')).toContain('preflight (OPTIONS) got no response');
  });

  it('a preflight without a response while the request failed with the CORS error is inconclusive', () => {
    const v = classify(exchange().method('PUT').preflight((p) => p.noResponse()).failed().build());
    expect(v.kind).toBe('inconclusive');
    expect(v.reasons).toEqual([]);
  });
});

describe('preflight cache', () => {
  it('required, not seen, preflights visible, response received → cached', () => {
    const v = classify(exchange().method('PUT').response((r) => r.acao(PAGE)).build());
    expect(v.kind).toBe('preflighted');
    expect(v.preflight).toEqual({ required: true, why: [expect.objectContaining({ kind: 'method' })], observed: false, cached: true });
    expect(EN.t(v.headline)).toContain('cache');
  });

  it('preflights not visible → no cache claim', () => {
    const v = classify(exchange().observer('chrome-basic').method('PUT').response((r) => r.acao(PAGE)).build());
    expect(v.kind).toBe('preflighted');
    expect(v.preflight.cached).toBe(false);
    expect(v.notes.map(EN.t).join(' ')).toContain('not visible');
  });

  it('actual request fails after a cached preflight (scenario H without an OPTIONS)', () => {
    const v = classify(exchange().method('PUT').response((r) => r.status(200)).failed().build());
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]!.code).toBe('MissingAllowOriginHeader');
    expect(v.preflight.cached).toBe(true);
  });
});

describe('notes on preflight failures', () => {
  it('a redirected preflight fails the same way with credentials: no "would report" note', () => {
    const v = classify(exchange().method('PUT').preflight((p) => p.status(301).header('Location', `${API}/y`).acao(PAGE)).failed().build());
    expect(v.reasons[0]!.code).toBe('PreflightDisallowedRedirect');
    expect(v.notes.map(EN.t).join(' ')).not.toContain('would report');
  });

  it('a 2xx preflight whose headers refuse the request says the real request was never sent', () => {
    const v = classify(exchange().method('PUT').preflight((p) => p.acao(PAGE)).failed().build());
    expect(EN.t(v.notes[0]!)).toBe('The preflight itself succeeded (HTTP 204), but its CORS headers did not allow this request, so the browser never sent it.');
  });

  it('the wildcard headline names the preflight', () => {
    const v = classify(exchange().cookie('a=1').method('PUT').preflight((p) => p.acao('*')).failed().build());
    expect(EN.t(v.headline)).toBe('Blocked: the response to the preflight allowed any origin (*), which is not allowed for a request with credentials');
  });
});

describe('HTTP authentication added by the browser', () => {
  it('a Basic Authorization without an observed preflight mentions the auth cache as the other explanation', () => {
    const v = classify(exchange().cookie('a=1').header('Authorization', 'Basic dTpw').response((r) => r.acao(PAGE).acac('true')).build());
    expect(v.kind).toBe('preflighted');
    expect(v.notes.map(EN.t).join(' ')).toContain("browser's own HTTP authentication");
  });

  it('a Bearer token (always page-set) gets no such note', () => {
    const v = classify(exchange().header('Authorization', 'Bearer t').response((r) => r.acao(PAGE)).build());
    expect(v.notes.map(EN.t).join(' ')).not.toContain('HTTP authentication');
  });
});
