/** The browser's outcome is the truth for pass/fail; the checks explain it. Modes, credentials, LNA. */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../../src/core/classify/classify';
import { API, exchange, PAGE } from '../../../../support/builder';
import { EN } from '../../../../../src/core/i18n/catalogues';

describe('network errors and the browser outcome', () => {
  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'connection was refused'],
    ['net::ERR_NAME_NOT_RESOLVED', 'DNS'],
    ['net::ERR_ABORTED', 'cancelled'],
    ['net::ERR_TIMED_OUT', 'timed out'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'certificate'],
    ['net::ERR_BLOCKED_BY_CLIENT', 'extension'],
    ['NS_ERROR_CONNECTION_REFUSED', 'connection was refused'],
    ['NS_ERROR_UNKNOWN_HOST', 'DNS'],
    ['net::ERR_SOMETHING_NEW', 'failed'],
  ])('%s → network-error', (error, words) => {
    const v = classify(exchange().failed(error).build());
    expect(v.kind).toBe('network-error');
    expect(EN.t(v.headline)).toContain(words);
    expect(EN.t(v.headline)).toContain(error);
    expect(v.reasons).toEqual([]);
  });

  it('a network error after a response was seen keeps the status', () => {
    const v = classify(exchange().response((r) => r.status(502)).failed('net::ERR_CONNECTION_RESET').build());
    expect(v.kind).toBe('network-error');
    expect(v.status).toBe(502);
  });

  it('Firefox NS_ERROR_DOM_BAD_URI is the CORS signature', () => {
    const v = classify(exchange().observer('firefox').response((r) => r.status(200)).failed('NS_ERROR_DOM_BAD_URI').build());
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]!.code).toBe('MissingAllowOriginHeader');
  });

  it('the real status behind a failure is told', () => {
    const v = classify(exchange().response((r) => r.status(502)).failed().build());
    expect(v.notes.map(EN.t)).toContain('The server answered 502 without CORS headers; the CORS error is a symptom of that error (error responses often skip the CORS middleware).');
    expect(v.status).toBe(502);
  });

  it('lowercase method answered 400 without ACAO (observed): MissingAllowOriginHeader and "the server said 400"', () => {
    const v = classify(exchange().method('patch').preflight((p) => p.status(204).acao(PAGE).acam('patch')).response((r) => r.status(400)).failed().build());
    expect(v.reasons[0]!.code).toBe('MissingAllowOriginHeader');
    expect(EN.t(v.notes[0]!)).toContain('400');
  });

  it('ERR_FAILED with every visible check passing → inconclusive, no code guessed', () => {
    const v = classify(exchange().response((r) => r.acao(PAGE).acac('true')).failed().build());
    expect(v.kind).toBe('inconclusive');
    expect(v.reasons).toEqual([]);
    expect(EN.t(v.headline)).toContain('every visible CORS check passes');
  });

  it('Chrome without extraHeaders: rejected response hidden → inconclusive with the reason why', () => {
    const v = classify(exchange().observer('chrome-basic').failed().build());
    expect(v.kind).toBe('inconclusive');
    expect(v.notes.map(EN.t).join(' ')).toContain('extraHeaders');
  });

  it('a code reported by the browser comes first', () => {
    const v = classify(exchange().cookie('a=1').response((r) => r.acao('http://x.test')).failed('net::ERR_FAILED', 'InvalidAllowCredentials').build());
    expect(v.reasons.map((r) => r.code)).toEqual(['InvalidAllowCredentials', 'AllowOriginMismatch']);
  });

  it('a reported code the headers do not show is still first, with a note', () => {
    const v = classify(exchange().response((r) => r.status(200)).failed('net::ERR_FAILED', 'PreflightInvalidStatus').build());
    expect(v.reasons[0]!.code).toBe('PreflightInvalidStatus');
    expect(v.notes.map(EN.t).join(' ')).toContain('Chrome reported PreflightInvalidStatus');
  });

  it('pending', () => {
    const v = classify(exchange().method('PUT').pending().build());
    expect(v.kind).toBe('pending');
    expect(EN.t(v.headline)).toBe('Pending: the request has not finished yet');
    expect(v.preflight.required).toBe(true);
  });

  it('a 304 revalidation skips the CORS check', () => {
    const v = classify(exchange().response((r) => r.status(304)).completed(304).build());
    expect(v.kind).toBe('simple');
    expect(v.notes.map(EN.t).join(' ')).toContain('304');
  });
});

describe('Local Network Access', () => {
  it('permission denied from a secure page → LocalNetworkAccessPermissionDenied, explained apart from CORS', () => {
    const v = classify(exchange().from('https://app.example').to('http://192.168.1.20/api').failed('net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS').build());
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]).toMatchObject({ code: 'LocalNetworkAccessPermissionDenied', mdn: null, firefox: null });
    expect(v.reasons[0]!.chromeMessage).toBe('Permission was denied for this request to access the `local` address space.');
    expect(v.notes.map(EN.t).join(' ')).toContain('no Access-Control-* header can fix it');
  });

  it('loopback target from the remote IP', () => {
    const v = classify(exchange().from('https://app.example').to('http://dev.test:8080/').response((r) => r.ip('127.0.0.1')).failed('net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS').build());
    expect(v.reasons[0]!.chromeMessage).toContain('`loopback`');
  });

  it('from a non-secure page → InsecureLocalNetwork', () => {
    const v = classify(exchange().from('http://public.example').to('http://10.0.0.5/').failed('net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS').build());
    expect(v.reasons[0]!.code).toBe('InsecureLocalNetwork');
  });

  it('inconsistent address space → InvalidLocalNetworkAccess', () => {
    const v = classify(exchange().from('https://app.example').to('https://nas.example/').failed('net::ERR_INCONSISTENT_IP_ADDRESS_SPACE').build());
    expect(v.reasons[0]!.code).toBe('InvalidLocalNetworkAccess');
  });

  it('a reported InvalidResponse is kept as the browser said', () => {
    const v = classify(exchange().method('PUT').failed('net::ERR_FAILED', 'InvalidResponse').build());
    expect(v.reasons[0]!.code).toBe('InvalidResponse');
  });
});

describe('mode detection and non-CORS verdicts', () => {
  it('same origin', () => {
    expect(classify(exchange().to(`${PAGE}/api`).response().build()).kind).toBe('same-origin');
  });

  it.each(['main_frame', 'sub_frame'] as const)('navigation %s', (type) => {
    const v = classify(exchange().type(type).mode('navigate').to(`${API}/page`).response().build());
    expect(v.kind).toBe('same-origin');
    expect(EN.t(v.headline)).toContain('Navigation');
  });

  it('websocket', () => {
    expect(classify(exchange().type('websocket').to('ws://127.0.0.1:4002/ws').response((r) => r.status(101)).build()).kind).toBe('no-cors');
  });

  it('Sec-Fetch-Mode no-cors', () => {
    const v = classify(exchange().type('image').mode('no-cors').to(`${API}/a.png`).response().build());
    expect(v.kind).toBe('no-cors');
  });

  it('image without Origin while request headers are fully visible → no-cors', () => {
    const v = classify(exchange().type('image').mode(null).bare().to(`${API}/a.png`).response().build());
    expect(v.kind).toBe('no-cors');
  });

  it('image in Chrome without extraHeaders that failed with ERR_FAILED → inconclusive (may be crossorigin)', () => {
    const v = classify(exchange().observer('chrome-basic').type('image').to(`${API}/a.png`).failed().build());
    expect(v.kind).toBe('inconclusive');
    expect(EN.t(v.notes[0]!)).toContain('crossorigin');
  });

  it('fetch assumed cors but delivered without ACAO → no-cors (inferred)', () => {
    const v = classify(exchange().observer('chrome-basic').to(`${API}/beacon`).method('POST').response((r) => r.status(204)).build());
    expect(v.kind).toBe('no-cors');
    expect(EN.t(v.headline)).toContain('inferred');
  });

  it.each([
    ['image', '<img crossorigin>'],
    ['font', 'FontFace / @font-face'],
    ['script', 'dynamic import()'],
    ['stylesheet', '<link rel=stylesheet crossorigin>'],
    ['xmlhttprequest', 'EventSource'],
    ['ping', 'fetch keepalive'],
    ['other', 'dedicated worker fetch'],
  ] as const)('%s (%s) without ACAO → MissingAllowOriginHeader', (type, _what) => {
    const v = classify(exchange().type(type).to(`${API}/r`).response((r) => r.status(200)).failed().build());
    expect(v.reasons[0]!.code).toBe('MissingAllowOriginHeader');
  });

  it('font without any visible mode evidence is still CORS', () => {
    const v = classify(exchange().observer('chrome-basic').type('font').to(`${API}/f.woff2`).response((r) => r.acao(PAGE)).build());
    expect(v.kind).toBe('simple');
  });

  it('sandboxed iframe (initiator "null", Origin: null): ACAO null passes', () => {
    expect(classify(exchange().from('null').response((r) => r.acao('null')).build()).kind).toBe('simple');
    expect(classify(exchange().from('null').response((r) => r.acao('*')).build()).kind).toBe('simple');
  });

  it('sandboxed iframe: ACAO of the embedding page fails with AllowOriginMismatch', () => {
    const v = classify(exchange().from('null').document(`${PAGE}/frame.html`).response((r) => r.acao(PAGE)).failed().build());
    expect(v.reasons[0]!.code).toBe('AllowOriginMismatch');
    expect(v.origin).toBe('null');
  });

  it('initiator missing: the Origin header decides', () => {
    const v = classify(exchange().from(undefined).rawHeaders([{ name: 'Origin', value: PAGE }]).response((r) => r.acao(PAGE)).build());
    expect(v.kind).toBe('simple');
    expect(v.origin).toBe(PAGE);
  });

  it('no initiator at all: browser-initiated, not CORS', () => {
    const v = classify(exchange().from(undefined).bare().response().build());
    expect(v.kind).toBe('same-origin');
    expect(EN.t(v.headline)).toContain('Browser-initiated');
  });

  it('a failed same-origin request is not a CORS failure', () => {
    const v = classify(exchange().to(`${PAGE}/x`).failed().build());
    expect(v.kind).toBe('same-origin');
    expect(EN.t(v.headline)).toContain('net::ERR_FAILED');
  });

  it('an extension page with host permissions passes without ACAO: explained', () => {
    const v = classify(exchange().from('chrome-extension://abcdefghijklmnop').response((r) => r.status(200)).build());
    expect(v.kind).toBe('simple');
    expect(v.notes.map(EN.t).join(' ')).toContain('extensions are exempt');
  });
});

describe('credentials', () => {
  it('a Cookie header makes credentials certain', () => {
    const v = classify(exchange().from('http://localhost:4001').to('http://localhost:4002/api').cookie('sid=1').response((r) => r.acao('http://localhost:4001').acac('true')).build());
    expect(v.credentials.mode).toBe('include');
  });

  it('a completed response with ACAO * was not credentialed', () => {
    expect(classify(exchange().response((r) => r.acao('*')).build()).credentials.mode).toBe('omit');
  });

  it('ACAO exact without ACAC, accepted → not credentialed (inferred)', () => {
    const v = classify(exchange().response((r) => r.acao(PAGE)).build());
    expect({ ...v.credentials, basis: EN.t(v.credentials.basis) }).toEqual({ mode: 'omit', basis: expect.stringContaining('inferred') });
  });

  it('ACAO exact with ACAC true, accepted → unknown', () => {
    expect(classify(exchange().response((r) => r.acao(PAGE).acac('true')).build()).credentials.mode).toBe('unknown');
  });

  it('would pass without credentials but failed → inferred-include, and the verdict says it rests on that', () => {
    const v = classify(exchange().response((r) => r.acao('*')).failed().build());
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]!.code).toBe('WildcardOriginNotAllowed');
    expect(v.credentials.mode).toBe('inferred-include');
    expect(v.notes.map(EN.t).join(' ')).toContain('rests on an inference');
  });

  it('inferred-include on the preflight: exact ACAO without ACAC', () => {
    const v = classify(exchange().method('PUT').preflight((p) => p.acao(PAGE).acam('PUT')).failed().build());
    expect(v.reasons[0]!.code).toBe('PreflightInvalidAllowCredentials');
    expect(v.credentials.mode).toBe('inferred-include');
  });

  it('both modes fail differently: the non-credentialed reason leads, the other is noted', () => {
    const v = classify(exchange().method('PUT').preflight((p) => p.acao('*')).failed().build());
    expect(v.reasons[0]!.code).toBe('MethodDisallowedByPreflightResponse');
    expect(v.notes.map(EN.t).join(' ')).toContain('PreflightWildcardOriginNotAllowed');
  });
});

describe('network errors outside CORS', () => {
  it.each(['main_frame', 'sub_frame', 'websocket'] as const)('%s failing on the network is a network error', (type) => {
    const v = classify(exchange().type(type).mode(type === 'websocket' ? 'websocket' : 'navigate').to(`${API}/x`).failed('net::ERR_NAME_NOT_RESOLVED').build());
    expect(v.kind).toBe('network-error');
    expect(EN.t(v.headline)).toBe('Network error: the host name could not be resolved (DNS) (net::ERR_NAME_NOT_RESOLVED)');
  });

  it('a browser-initiated request failing on the network is a network error', () => {
    expect(classify(exchange().from(undefined).bare().failed('net::ERR_ABORTED').build()).kind).toBe('network-error');
  });
});
