/**
 * Every behaviour observed in Chromium 156 / Firefox 153 on the lab's loopback origins (the cases in
 * lab/, checked in real browsers by test/e2e/agreement.test.ts and test/e2e/firefox.test.ts) and the
 * classifier's edge cases, one test each, named after the observation.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { preflightNeed } from '../../../../src/core/classify/preflight/need';
import { preflightCacheSeconds } from '../../../../src/core/classify/max-age';
import type { Verdict } from '../../../../src/core/model/verdict';
import { API, exchange, PAGE, type ExchangeBuilder } from '../../../support/builder';
import { EN } from '../../../../src/core/i18n/catalogues';

const code = (v: Verdict) => v.reasons[0]?.code ?? null;
const run = (b: ExchangeBuilder) => classify(b.build());
const THIRD = 'http://127.0.0.1:4003';

type Row = [observation: string, check: () => void];

const SECTION_10: Row[] = [
  ['preflight 404 without ACAO → PreflightMissingAllowOriginHeader', () =>
    expect(code(run(exchange().method('PUT').preflight((p) => p.status(404)).failed()))).toBe('PreflightMissingAllowOriginHeader')],
  ['preflight 500 with ACAO → PreflightInvalidStatus', () =>
    expect(code(run(exchange().method('PUT').preflight((p) => p.status(500).acao(PAGE).acam('PUT')).failed()))).toBe('PreflightInvalidStatus')],
  ['ACAO "not an origin" → MultipleAllowOriginValues', () =>
    expect(code(run(exchange().response((r) => r.acao('not an origin')).failed()))).toBe('MultipleAllowOriginValues')],
  ['ACAO with trailing slash → AllowOriginMismatch', () =>
    expect(code(run(exchange().response((r) => r.acao(`${PAGE}/`)).failed()))).toBe('AllowOriginMismatch')],
  ['ACAO with scheme and host upper-cased → AllowOriginMismatch', () =>
    expect(code(run(exchange().response((r) => r.acao('HTTP://127.0.0.1:4001')).failed()))).toBe('AllowOriginMismatch')],
  ['ACAO null for a normal origin → AllowOriginMismatch', () =>
    expect(code(run(exchange().response((r) => r.acao('null')).failed()))).toBe('AllowOriginMismatch')],
  ['ACAO surrounded by spaces → passes', () =>
    expect(run(exchange().response((r) => r.acao(` ${PAGE}  `))).kind).toBe('simple')],
  ['two ACAO header lines → MultipleAllowOriginValues (kept as two entries)', () => {
    const v = run(exchange().response((r) => r.acao(PAGE).acao(PAGE)).failed());
    expect(code(v)).toBe('MultipleAllowOriginValues');
    expect(v.reasons[0]!.received).toBe(`${PAGE}, ${PAGE}`);
  }],
  ['ACAH * covers Authorization (non-credentialed)', () =>
    expect(run(exchange().header('Authorization', 'Bearer t').preflight((p) => p.acao(PAGE).acah('*')).response((r) => r.acao(PAGE))).kind).toBe('preflighted')],
  ['ACAM * with credentials → MethodDisallowedByPreflightResponse', () =>
    expect(code(run(exchange().cookie('s=1').method('PUT').preflight((p) => p.acao(PAGE).acac('true').acam('*')).failed()))).toBe('MethodDisallowedByPreflightResponse')],
  ['ACAH * with credentials → HeaderDisallowedByPreflightResponse', () =>
    expect(code(run(exchange().cookie('s=1').header('X-Trace', '1').preflight((p) => p.acao(PAGE).acac('true').acah('*')).failed()))).toBe('HeaderDisallowedByPreflightResponse')],
  ['cross-origin redirect to a third origin whose ACAO is the page origin → AllowOriginMismatch (Origin null)', () => {
    const v = run(exchange().to(`${API}/r`).redirect((r) => r.to(`${THIRD}/x`).acao(PAGE)).response((r) => r.acao(PAGE)).failed());
    expect(code(v)).toBe('AllowOriginMismatch');
    expect(v.origin).toBe('null');
  }],
  ['userinfo in a redirect Location → RedirectContainsCredentials', () =>
    expect(code(run(exchange().to(`${API}/r`).redirect((r) => r.to('http://u:p@127.0.0.1:4003/').acao(PAGE)).failed()))).toBe('RedirectContainsCredentials')],
  ['first hop without ACAO → MissingAllowOriginHeader even though the target would allow it', () => {
    const v = run(exchange().to(`${API}/a`).redirect((r) => r.to(`${API}/b`)).response((r) => r.acao(PAGE)).failed());
    expect(v.reasons[0]).toMatchObject({ code: 'MissingAllowOriginHeader', step: { kind: 'redirect', index: 0 } });
  }],
  ['mode same-origin to another origin never reaches the network: if a record shows one, it is DisallowedByMode', () =>
    expect(code(run(exchange().mode('same-origin').failed()))).toBe('DisallowedByMode')],
  ['lowercase method answered 400 without ACAO → MissingAllowOriginHeader, and the 400 is shown', () => {
    const v = run(exchange().method('patch').preflight((p) => p.acao(PAGE).acam('patch')).response((r) => r.status(400)).failed());
    expect(code(v)).toBe('MissingAllowOriginHeader');
    expect(v.status).toBe(400);
    expect(v.notes.map(EN.t).join(' ')).toContain('400');
  }],
  ['cached preflight: no OPTIONS anywhere → still preflighted', () => {
    const v = run(exchange().method('PUT').response((r) => r.acao(PAGE)));
    expect(v.kind).toBe('preflighted');
    expect(v.preflight.cached).toBe(true);
  }],
  ['<img crossorigin>, FontFace and import() without ACAO → MissingAllowOriginHeader', () => {
    for (const type of ['image', 'font', 'script'] as const) {
      expect(code(run(exchange().type(type).response((r) => r.status(200)).failed()))).toBe('MissingAllowOriginHeader');
    }
  }],
  ['failed CORS check seen with extraHeaders (scenario B): real status and ACAO visible', () => {
    const v = run(exchange().response((r) => r.status(200).acao('http://elsewhere.test')).failed());
    expect(code(v)).toBe('AllowOriginMismatch');
    expect(v.status).toBe(200);
  }],
  ['failed preflight (scenario D): preflight completed with its status, main failed without sending headers', () => {
    const v = run(exchange().method('DELETE').preflight((p) => p.status(403)).failed());
    expect(code(v)).toBe('PreflightMissingAllowOriginHeader');
    expect(v.status).toBe(403);
  }],
  ['credentials include leaves no trace: inferred from the outcome', () => {
    const v = run(exchange().response((r) => r.acao(PAGE)).failed());
    expect(code(v)).toBe('InvalidAllowCredentials');
    expect(v.credentials.mode).toBe('inferred-include');
  }],
  ['Firefox records (no extraHeaders) classify the same way', () => {
    expect(code(run(exchange().observer('firefox').response((r) => r.acao(`${PAGE}/`)).failed('NS_ERROR_DOM_BAD_URI')))).toBe('AllowOriginMismatch');
  }],
  ['ACAO empty → InvalidAllowOriginValue', () => expect(code(run(exchange().response((r) => r.acao('')).failed()))).toBe('InvalidAllowOriginValue')],
  ['ACAO foo → InvalidAllowOriginValue', () => expect(code(run(exchange().response((r) => r.acao('foo')).failed()))).toBe('InvalidAllowOriginValue')],
  ['ACAO "* " passes as *', () => expect(run(exchange().response((r) => r.acao('* '))).kind).toBe('simple')],
  ['ACAM GET,,DELETE passes', () => expect(run(exchange().method('DELETE').preflight((p) => p.acao(PAGE).acam('GET,,DELETE')).response((r) => r.acao(PAGE))).kind).toBe('preflighted')],
  ['ACAH x-trace, passes', () => expect(run(exchange().header('X-Trace', '1').preflight((p) => p.acao(PAGE).acah('x-trace,')).response((r) => r.acao(PAGE))).kind).toBe('preflighted')],
  ['ACAH names match case-insensitively', () => expect(run(exchange().header('x-trace', '1').preflight((p) => p.acao(PAGE).acah('X-TRACE')).response((r) => r.acao(PAGE))).kind).toBe('preflighted')],
  ['Content-Language fr;q=1 is safelisted; fr/be is not', () => {
    expect(preflightNeed('GET', [{ name: 'Content-Language', value: 'fr;q=1' }]).required).toBe(false);
    expect(preflightNeed('GET', [{ name: 'Content-Language', value: 'fr/be' }]).required).toBe(true);
  }],
  ['Content-Type TEXT/PLAIN is safelisted; application/json; charset=utf-8 is not', () => {
    expect(preflightNeed('POST', [{ name: 'Content-Type', value: 'TEXT/PLAIN' }]).required).toBe(false);
    expect(preflightNeed('POST', [{ name: 'Content-Type', value: 'application/json; charset=utf-8' }]).required).toBe(true);
  }],
  ['Range bytes=0- is safelisted; bytes=-1 needs a preflight', () => {
    expect(run(exchange().header('Range', 'bytes=0-').response((r) => r.status(206).acao(PAGE))).kind).toBe('simple');
    expect(run(exchange().header('Range', 'bytes=-1').response((r) => r.status(206).acao(PAGE))).kind).toBe('preflighted');
  }],
  ['sandboxed iframe sends Origin: null; ACAO null or * passes, the embedding page fails', () => {
    expect(run(exchange().from('null').response((r) => r.acao('null'))).kind).toBe('simple');
    expect(run(exchange().from('null').response((r) => r.acao('*'))).kind).toBe('simple');
    expect(code(run(exchange().from('null').response((r) => r.acao(PAGE)).failed()))).toBe('AllowOriginMismatch');
  }],
  ['EventSource, stylesheet crossorigin, keepalive fetch and worker fetches are CORS requests', () => {
    for (const type of ['xmlhttprequest', 'stylesheet', 'ping', 'other'] as const) {
      expect(code(run(exchange().type(type).response((r) => r.status(200)).failed()))).toBe('MissingAllowOriginHeader');
      expect(run(exchange().type(type).response((r) => r.acao(PAGE))).kind).toBe('simple');
    }
  }],
  ['a same-origin URL redirecting to another origin becomes CORS at the second hop', () => {
    const v = run(exchange().to(`${PAGE}/go`).redirect((r) => r.to(`${API}/x`)).response((r) => r.status(200)).failed());
    expect(v.reasons[0]).toMatchObject({ code: 'MissingAllowOriginHeader', step: { kind: 'response' } });
  }],
  ['a Cookie on a same-site API (another port) makes credentials certain', () => {
    const v = run(exchange().from('http://localhost:4001').to('http://localhost:4002/api').cookie('sid=1').response((r) => r.acao('http://localhost:4001').acac('true')));
    expect(v.credentials.mode).toBe('include');
    expect(v.kind).toBe('simple');
  }],
];

const SECTION_6: Row[] = [
  ['ACAO https://a.com/ (slash) → mismatch', () =>
    expect(code(run(exchange().from('https://a.com').to('https://api.test/').response((r) => r.acao('https://a.com/')).failed()))).toBe('AllowOriginMismatch')],
  ['ACAO "" → invalid value', () => expect(code(run(exchange().response((r) => r.acao('')).failed()))).toBe('InvalidAllowOriginValue')],
  ['ACAO null with a tainted origin → pass', () =>
    expect(run(exchange().to(`${API}/r`).redirect((r) => r.to(`${THIRD}/x`).acao(PAGE)).response((r) => r.acao('null'))).kind).toBe('simple')],
  ['ACAO * + ACAC true + credentials → wildcard error', () =>
    expect(code(run(exchange().cookie('a=1').response((r) => r.acao('*').acac('true')).failed()))).toBe('WildcardOriginNotAllowed')],
  ['ACAC TRUE → invalid credentials', () =>
    expect(code(run(exchange().cookie('a=1').response((r) => r.acao(PAGE).acac('TRUE')).failed()))).toBe('InvalidAllowCredentials')],
  ['ACAM put vs method PUT → disallowed', () =>
    expect(code(run(exchange().method('PUT').preflight((p) => p.acao(PAGE).acam('put')).failed()))).toBe('MethodDisallowedByPreflightResponse')],
  ['ACAM PATCH vs method patch → disallowed', () =>
    expect(code(run(exchange().method('patch').preflight((p) => p.acao(PAGE).acam('PATCH')).failed()))).toBe('MethodDisallowedByPreflightResponse')],
  ['ACAH X-Foo vs header x-foo → allowed', () =>
    expect(run(exchange().header('x-foo', '1').preflight((p) => p.acao(PAGE).acah('X-Foo')).response((r) => r.acao(PAGE))).kind).toBe('preflighted')],
  ['ACAH * + credentials → each header must be listed', () => {
    expect(code(run(exchange().cookie('a=1').header('X-A', '1').preflight((p) => p.acao(PAGE).acac('true').acah('*')).failed()))).toBe('HeaderDisallowedByPreflightResponse');
    expect(run(exchange().cookie('a=1').header('X-A', '1').preflight((p) => p.acao(PAGE).acac('true').acah('*, x-a')).response((r) => r.acao(PAGE).acac('true'))).kind).toBe('preflighted');
  }],
  ['preflight 204 → ok', () => expect(run(exchange().method('PUT').preflight((p) => p.status(204).acao(PAGE).acam('PUT')).response((r) => r.acao(PAGE))).kind).toBe('preflighted')],
  ['preflight 404 without ACAO → PreflightMissingAllowOriginHeader (not InvalidStatus)', () =>
    expect(code(run(exchange().method('PUT').preflight((p) => p.status(404)).failed()))).toBe('PreflightMissingAllowOriginHeader')],
  ['preflight 500 with ACAO → PreflightInvalidStatus', () =>
    expect(code(run(exchange().method('PUT').preflight((p) => p.status(500).acao(PAGE)).failed()))).toBe('PreflightInvalidStatus')],
  ['Content-Type: application/json → preflight', () => expect(preflightNeed('POST', [{ name: 'Content-Type', value: 'application/json' }]).required).toBe(true)],
  ['Content-Type: text/plain; charset=utf-8 → simple', () => expect(preflightNeed('POST', [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }]).required).toBe(false)],
  ['Content-Type: text/plain twice (joined) → unsafe', () =>
    expect(preflightNeed('POST', [{ name: 'Content-Type', value: 'text/plain' }, { name: 'content-type', value: 'text/plain' }]).required).toBe(true)],
  ['Accept-Language value with _ → unsafe', () => expect(preflightNeed('GET', [{ name: 'Accept-Language', value: 'en_US' }]).required).toBe(true)],
  ['Range: bytes=-500 → unsafe', () => expect(preflightNeed('GET', [{ name: 'Range', value: 'bytes=-500' }]).required).toBe(true)],
  ['Range: bytes=0- → safe', () => expect(preflightNeed('GET', [{ name: 'Range', value: 'bytes=0-' }]).required).toBe(false)],
  ['five 250-byte safelisted values (>1024 total) → all unsafe', () => {
    const names = ['Accept', 'Accept-Language', 'Content-Language', 'Content-Type', 'Range'];
    expect(preflightNeed('GET', names.map((name) => ({ name, value: 'a'.repeat(250) }))).unsafeHeaders).toHaveLength(5);
  }],
  ['Access-Control-Max-Age: 86400 → Chrome reuses ≤ 2 h, Firefox ≤ 24 h', () => {
    expect(preflightCacheSeconds('86400', 'chromium')).toBe(7200);
    expect(preflightCacheSeconds('86400', 'firefox')).toBe(86400);
  }],
  ['Access-Control-Max-Age: 10s → Chrome 5 s, Firefox not cached', () => {
    expect(preflightCacheSeconds('10s', 'chromium')).toBe(5);
    expect(preflightCacheSeconds('10s', 'firefox')).toBe(0);
  }],
  ['Access-Control-Max-Age absent → 5 s; negative → 0 in Chrome', () => {
    expect(preflightCacheSeconds(null, 'chromium')).toBe(5);
    expect(preflightCacheSeconds(null, 'firefox')).toBe(5);
    expect(preflightCacheSeconds('-1', 'chromium')).toBe(0);
  }],
];

describe('observed in Chromium 156 and Firefox 153', () => {
  it.each(SECTION_10)('%s', (_row, check) => check());
});

describe('edge cases of the classifier', () => {
  it.each(SECTION_6)('%s', (_row, check) => check());

  it('a preflighted verdict tells how long the preflight may be reused', () => {
    const v = run(exchange().method('PUT').preflight((p) => p.acao(PAGE).acam('PUT').header('Access-Control-Max-Age', '86400')).response((r) => r.acao(PAGE)));
    expect(v.notes.map(EN.t)).toContain('Chrome may reuse this preflight for 7200 s (Access-Control-Max-Age: 86400); identical requests in that time send none.');
  });
});
