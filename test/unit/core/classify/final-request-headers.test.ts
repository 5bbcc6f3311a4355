/**
 * `Exchange.finalRequestHeaders`: what the browser really sent at the final URL after redirects.
 * The classifier reads credentials, the request mode and the Origin it compares ACAO with from them.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import type { Header } from '../../../../src/core/model/exchange';
import { API, exchange, PAGE } from '../../../support/builder';

const THIRD = 'http://127.0.0.1:4003';
const h = (name: string, value: string): Header => ({ name, value });

describe('request headers sent at the final URL', () => {
  it('a Cookie sent only on the final hop makes the credentials certain (not inferred)', () => {
    const ex = exchange().to(`${API}/a`).redirect((r) => r.to(`${API}/b`).acao(PAGE).acac('true')).response((r) => r.acao('*')).failed().build();
    const withoutFinal = classify(ex);
    expect(withoutFinal.credentials.mode).toBe('inferred-include');
    ex.finalRequestHeaders = [h('Origin', PAGE), h('Sec-Fetch-Mode', 'cors'), h('Cookie', 'session=1')];
    const v = classify(ex);
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]).toMatchObject({ code: 'WildcardOriginNotAllowed', step: { kind: 'response' } });
    expect(v.credentials.mode).toBe('include');
  });

  it('an Origin sent only after a same-origin URL redirected away proves cors mode for a crossorigin image', () => {
    const ex = exchange().from(PAGE).to(`${PAGE}/img`).type('image').mode(null)
      .redirect((r) => r.to(`${API}/img`)).response((r) => r.status(200)).failed().build();
    expect(classify(ex).kind).not.toBe('blocked');
    ex.finalRequestHeaders = [h('Accept', 'image/*'), h('Origin', PAGE)];
    const v = classify(ex);
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]).toMatchObject({ code: 'MissingAllowOriginHeader', step: { kind: 'response' } });
  });

  it('the Origin the browser sent at the final URL is the one ACAO is compared with', () => {
    // Our tainting rule would keep the page origin here (API → API); the browser says it sent null.
    const ex = exchange().to(`${API}/a`).redirect((r) => r.to(`${API}/b`).acao(PAGE)).response((r) => r.acao(PAGE)).failed().build();
    ex.finalRequestHeaders = [h('Origin', 'null'), h('Sec-Fetch-Mode', 'cors')];
    const v = classify(ex);
    expect(v.reasons[0]).toMatchObject({ code: 'AllowOriginMismatch', step: { kind: 'response' } });
    expect(v.origin).toBe('null');
  });

  it('agrees with the derived taint when the browser sent Origin: null after a cross-origin hop', () => {
    const ex = exchange().to(`${API}/a`).redirect((r) => r.to(`${THIRD}/b`).acao(PAGE)).response((r) => r.acao('null')).build();
    ex.finalRequestHeaders = [h('Origin', 'null'), h('Sec-Fetch-Mode', 'cors')];
    const v = classify(ex);
    expect(v.kind).toBe('simple');
    expect(v.tainted).toBe(true);
    expect(v.origin).toBe('null');
  });

  it('malformed final headers do not make the classifier throw', () => {
    const ex = exchange().to(`${API}/a`).redirect((r) => r.to(`${API}/b`).acao(PAGE)).response((r) => r.acao(PAGE)).build();
    (ex as unknown as Record<string, unknown>).finalRequestHeaders = 'not a list';
    expect(() => classify(ex)).not.toThrow();
    expect(classify(ex).kind).toBe('simple');
    (ex as unknown as Record<string, unknown>).finalRequestHeaders = [{ name: 1 }, null];
    expect(() => classify(ex)).not.toThrow();
  });
});
