/** Every redirect hop is CORS-checked; Location credentials; origin tainting (Fetch §4.4 HTTP-redirect fetch;
 * services/network/cors/cors_url_loader.cc). */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { API, exchange, PAGE } from '../../../support/builder';
import { EN } from '../../../../src/core/i18n/catalogues';

const THIRD = 'http://127.0.0.1:4003';

describe('redirects', () => {
  it('first hop without ACAO → MissingAllowOriginHeader at that hop, even though the target would allow it', () => {
    const v = classify(exchange().to(`${API}/old`).redirect((r) => r.status(301).to(`${API}/new`)).failed().build());
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]).toMatchObject({ code: 'MissingAllowOriginHeader', step: { kind: 'redirect', index: 0 } });
    expect(v.status).toBe(301);
    expect(EN.t(v.headline)).toBe('Blocked: the redirect response had no Access-Control-Allow-Origin header');
  });

  it('cross-origin redirect to a third origin: Origin becomes null, ACAO of the page fails (AllowOriginMismatch)', () => {
    const v = classify(
      exchange().to(`${API}/r`).redirect((r) => r.to(`${THIRD}/x`).acao(PAGE)).response((r) => r.acao(PAGE)).failed().build(),
    );
    expect(v.reasons[0]).toMatchObject({ code: 'AllowOriginMismatch', received: PAGE, step: { kind: 'response' } });
    expect(v.tainted).toBe(true);
    expect(v.origin).toBe('null');
    expect(EN.t(v.reasons[0]!.summary)).toContain('Origin: null');
  });

  it('after tainting, ACAO null passes', () => {
    const v = classify(exchange().to(`${API}/r`).redirect((r) => r.to(`${THIRD}/x`).acao(PAGE)).response((r) => r.acao('null')).build());
    expect(v.kind).toBe('simple');
    expect(v.tainted).toBe(true);
    expect(v.origin).toBe('null');
  });

  it('after tainting, ACAO * passes', () => {
    const v = classify(exchange().to(`${API}/r`).redirect((r) => r.to(`${THIRD}/x`).acao('*')).response((r) => r.acao('*')).build());
    expect(v.kind).toBe('simple');
  });

  it('a redirect within the target origin does not taint', () => {
    const v = classify(exchange().to(`${API}/a`).redirect((r) => r.to(`${API}/b`).acao(PAGE)).response((r) => r.acao(PAGE)).build());
    expect(v.kind).toBe('simple');
    expect(v.tainted).toBe(false);
    expect(v.origin).toBe(PAGE);
  });

  it('a redirect back to the page origin: the cross-origin hop to it taints', () => {
    const v = classify(exchange().to(`${API}/a`).redirect((r) => r.to(`${PAGE}/back`).acao(PAGE)).response((r) => r.acao(PAGE)).failed().build());
    expect(v.reasons[0]!.code).toBe('AllowOriginMismatch');
    expect(v.tainted).toBe(true);
  });

  it('userinfo in a redirect Location → RedirectContainsCredentials', () => {
    const v = classify(
      exchange().to(`${API}/r`).redirect((r) => r.to('http://user:secret@127.0.0.1:4002/x').acao(PAGE)).failed().build(),
    );
    expect(v.reasons[0]).toMatchObject({ code: 'RedirectContainsCredentials', header: 'Location', firefox: null, mdn: null });
    expect(EN.t(v.reasons[0]!.summary)).not.toContain('secret');
  });

  it('a same-origin URL redirected cross-origin becomes CORS at the second hop', () => {
    const v = classify(exchange().to(`${PAGE}/start`).redirect((r) => r.to(`${API}/data`)).response((r) => r.status(200)).failed().build());
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]).toMatchObject({ code: 'MissingAllowOriginHeader', step: { kind: 'response' } });
    expect(v.tainted).toBe(false);
    expect(v.origin).toBe(PAGE);
  });

  it('same-origin URL redirected cross-origin with ACAO passes as simple', () => {
    const v = classify(exchange().to(`${PAGE}/start`).redirect((r) => r.to(`${API}/data`)).response((r) => r.acao(PAGE)).build());
    expect(v.kind).toBe('simple');
  });

  it('a same-origin PUT redirected cross-origin needs a preflight for the new URL', () => {
    const v = classify(
      exchange().to(`${PAGE}/start`).method('PUT').redirect((r) => r.status(307).to(`${API}/data`))
        .preflight((p) => p.url(`${API}/data`).acao(PAGE)).failed().build(),
    );
    expect(v.reasons[0]).toMatchObject({ code: 'MethodDisallowedByPreflightResponse', step: { kind: 'preflight', index: 0 } });
  });

  it('303 turns POST into GET: the JSON Content-Type no longer counts at the next hop', () => {
    const v = classify(
      exchange().to(`${PAGE}/form`).method('POST').header('Content-Type', 'application/json')
        .redirect((r) => r.status(303).to(`${API}/done`)).response((r) => r.acao(PAGE)).build(),
    );
    expect(v.kind).toBe('simple');
    expect(v.preflight.required).toBe(false);
  });

  it('mode same-origin redirected to another origin → DisallowedByMode', () => {
    const v = classify(exchange().mode('same-origin').to(`${PAGE}/a`).redirect((r) => r.to(`${API}/b`)).failed().build());
    expect(v.reasons[0]).toMatchObject({ code: 'DisallowedByMode', firefox: null, mdn: null });
    expect(v.reasons[0]!.chromeMessage).toBe('Cross origin requests are not allowed by request mode.');
  });

  it('a page opened from disk fetching a file: URL → CorsDisabledScheme (not a redirect case: Chromium rejects non-HTTP Location in the network stack)', () => {
    const v = classify(exchange().from('null').to('file:///home/dev/site/data.json').mode(null).failed().build());
    expect(v.reasons[0]).toMatchObject({ code: 'CorsDisabledScheme', firefox: 'CORSRequestNotHttp' });
    expect(v.reasons[0]!.chromeMessage).toContain('Cross origin requests are only supported for protocol schemes:');
  });

  it('a redirect to a non-HTTP scheme fails in the network stack: a network error, not a CORS code', () => {
    const v = classify(exchange().to(`${API}/r`).redirect((r) => r.to('ftp://127.0.0.1/file').acao(PAGE)).failed('net::ERR_UNSAFE_REDIRECT').build());
    expect(v.kind).toBe('network-error');
  });

  it('credentialed: the first hop needs ACAC too', () => {
    const v = classify(exchange().cookie('a=1').to(`${API}/r`).redirect((r) => r.to(`${API}/x`).acao(PAGE)).failed().build());
    expect(v.reasons[0]).toMatchObject({ code: 'InvalidAllowCredentials', step: { kind: 'redirect', index: 0 } });
  });
});
