/**
 * The facts of a header list, kept with it by its maker (the capture) or made by the classifier: the
 * same verdict whoever made them, nothing of them in what is stored or compared, and a copy has none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { forgetFacts, headerNeedOf, requestFacts, responseFacts, summarizeRequest, summarizeResponse } from '../../../../src/core/classify/header-facts';
import { headerNeed } from '../../../../src/core/classify/preflight/need';
import { scanRequest } from '../../../../src/core/classify/request-scan';
import { corsResponseHeaders } from '../../../../src/core/http/cors-headers';
import type { Exchange, Header } from '../../../../src/core/model/exchange';
import { eachHeaderList } from '../../../../src/core/model/header-lists';
import { API, PAGE, exchange } from '../../../support/builder';

const FIXTURES = new URL('../../../fixtures/exchanges/', import.meta.url);
const corpus = (): Exchange[] => readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort()
  .map((f) => (JSON.parse(readFileSync(new URL(f, FIXTURES), 'utf8')) as { exchange: Exchange }).exchange);

/** Every list of the exchange summarised, as the capture summarises the lists it makes. */
function summarized(ex: Exchange): Exchange {
  eachHeaderList(ex, (list, role) => (role === 'response' ? summarizeResponse(list) : summarizeRequest(list)));
  return ex;
}

const h = (name: string, value = ''): Header => ({ name, value });

describe('header facts', () => {
  it('give every verdict of the golden corpus and the builder kinds as the lists themselves do', () => {
    const built = [
      exchange().method('PUT').header('Content-Type', 'application/json').to(`${API}/items/7`)
        .preflight((p) => p.acao(PAGE).acam('PUT').acah('content-type').header('Access-Control-Max-Age', '600')).response((r) => r.acao(PAGE)).build(),
      exchange().header('Authorization', 'Basic eA==').to(`${API}/secure`).preflight((p) => p.acao(PAGE).acah('*')).response((r) => r.acao(PAGE)).build(),
      exchange().cookie('sid=1').to(`${API}/r`).redirect((r) => r.to('http://127.0.0.1:4003/x').acao(PAGE)).response((r) => r.acao(PAGE)).failed().build(),
      exchange().type('image').mode('no-cors').to(`${API}/logo.png`).response().build(),
    ];
    const all = [...corpus(), ...built];
    expect(all.length).toBeGreaterThan(20);
    for (const ex of all) {
      const plain = JSON.stringify(classify(structuredClone(ex)));
      expect(JSON.stringify(classify(summarized(structuredClone(ex))))).toBe(plain);
    }
  });

  it('are emptied on every list of a judged exchange, and its verdict is the same judged again', () => {
    const ex = summarized(exchange().cookie('sid=1').method('PUT').to(`${API}/r`).preflight((p) => p.acao(PAGE).acam('PUT'))
      .redirect((r) => r.to(`${API}/s`).acao(PAGE)).response((r) => r.acao(PAGE)).build());
    const lists = [ex.requestHeaders, ex.finalRequestHeaders, ex.response?.headers, ...ex.redirects.flatMap((r) => [r.requestHeaders, r.response.headers]),
      ...ex.preflights.flatMap((p) => [p.requestHeaders, p.response?.headers])].filter((l): l is Header[] => Array.isArray(l));
    const held = (l: Header[]) => Object.getOwnPropertySymbols(l).filter((k) => (l as unknown as Record<symbol, unknown>)[k] !== undefined).length;
    expect(lists.length).toBeGreaterThanOrEqual(5);
    expect(lists.map(held)).toEqual(lists.map(() => 1));
    const verdict = JSON.stringify(classify(ex));
    forgetFacts(ex);
    expect(lists.map(held)).toEqual(lists.map(() => 0));
    expect(JSON.stringify(classify(ex))).toBe(verdict);
    expect(() => forgetFacts({ ...ex, redirects: null, preflights: [null] } as unknown as Exchange)).not.toThrow();
  });

  it('are what the list gives, kept with the list and left behind by copies, JSON and clones', () => {
    const list = [h('Origin', PAGE), h('Sec-Fetch-Mode', 'cors'), h('Cookie', 'a=1')];
    expect(summarizeRequest(list)).toBe(list);
    const kept = requestFacts(list);
    expect(kept).toEqual({ ...scanRequest(list), need: headerNeed(list) });
    expect(requestFacts(list)).toBe(kept);
    expect(JSON.stringify(list)).toBe(JSON.stringify([h('Origin', PAGE), h('Sec-Fetch-Mode', 'cors'), h('Cookie', 'a=1')]));
    expect(list).toEqual([h('Origin', PAGE), h('Sec-Fetch-Mode', 'cors'), h('Cookie', 'a=1')]);
    expect(Object.getOwnPropertySymbols(structuredClone(list))).toEqual([]);
    for (const copy of [list.slice(), [...list], list.map((x) => x), Object.assign([], list)]) {
      expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
      expect(requestFacts(copy)).not.toBe(kept);
      expect(requestFacts(copy)).toEqual(scanRequest(list));
      expect(headerNeedOf(copy)).toEqual(kept.need);
    }
    // A preflight's own list: its need is not worked out by the capture, and is the same when asked.
    const options = [h('Access-Control-Request-Method', 'PUT'), h('X-Odd', '1')];
    summarizeRequest(options, false);
    expect(requestFacts(options).need).toBeNull();
    expect(headerNeedOf(options)).toEqual(headerNeed(options));
    expect(requestFacts(options).need).toBeNull();
    const response = [h('Access-Control-Allow-Origin', PAGE), h('access-control-allow-origin', '*'), h('Access-Control-Max-Age', '5')];
    summarizeResponse(response);
    expect(responseFacts(response)).toEqual(corsResponseHeaders(response));
    expect(responseFacts(response)).toMatchObject({ acao: `${PAGE}, *`, acaoLines: 2, maxAge: '5' });
  });

  it('made by the classifier are not kept past the call: a list changed between two calls is read anew', () => {
    const ex = exchange().to(`${API}/items`).response((r) => r.acao(PAGE)).build();
    expect(classify(ex).kind).toBe('simple');
    ex.response!.headers.length = 0;
    ex.outcome = { state: 'failed', error: 'net::ERR_FAILED' };
    expect(classify(ex).reasons[0]?.code).toBe('MissingAllowOriginHeader');
  });

  it('leave a frozen list as it is, and a missing one has none', () => {
    const frozen = Object.freeze([h('Origin', PAGE)]) as Header[];
    expect(() => summarizeRequest(frozen)).not.toThrow();
    expect(() => summarizeResponse(frozen)).not.toThrow();
    expect(requestFacts(frozen).origin).toBe(PAGE);
    expect(requestFacts(undefined)).toEqual(scanRequest(undefined));
    expect(responseFacts(undefined)).toEqual(corsResponseHeaders(undefined));
  });
});
