/**
 * A `javascript:` URL (in a hand-written or corrupted HAR) is not a network request: the page runs it,
 * and Fetch's scheme fetch answers it with a network error, so CORS never judges it. It used to be
 * classified "simple".
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { readHar } from '../../../../src/core/har';
import { PAGE, exchange } from '../../../support/builder';
import { EN } from '../../../../src/core/i18n/catalogues';

describe('a javascript: URL', () => {
  it.each([
    ['completed with a permissive response', exchange().to('javascript:alert(1)').response((r) => r.acao('*')).build()],
    ['upper-case scheme, failed', exchange().to('JavaScript:void(0)').failed().build()],
    ['with a preflight', exchange().method('PUT').to('javascript:x()').preflight((p) => p.acao(PAGE).acam('PUT')).response((r) => r.acao(PAGE)).build()],
  ])('is a network error, not CORS (%s)', (_what, x) => {
    const v = classify(x);
    expect(v.kind).toBe('network-error');
    expect(v.reasons).toEqual([]);
    expect(EN.t(v.headline)).toMatch(/^Not a network request: a javascript: URL runs script in the page and is never fetched, so CORS does not apply/);
  });

  it('read from a HAR, it is not counted as a CORS request', () => {
    const text = JSON.stringify({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [{
      startedDateTime: new Date(0).toISOString(), time: 1,
      request: { method: 'GET', url: 'javascript:alert(1)', headers: [{ name: 'Origin', value: 'http://app.test' }] },
      response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }] },
    }] } });
    expect(classify(readHar(text).exchanges[0]!).kind).toBe('network-error');
  });

  it('does not change http(s) URLs whose path mentions javascript:', () => {
    expect(classify(exchange().to('http://127.0.0.1:4002/javascript:x').response((r) => r.acao(PAGE)).build()).kind).toBe('simple');
  });
});
