/**
 * The webRequest event sequences A–J of a CORS request in Chromium (derived from
 * extensions/browser/api/web_request/web_request_proxying_url_loader_factory.cc and
 * services/network/cors/cors_url_loader.cc; the events are described on
 * https://developer.chrome.com/docs/extensions/reference/api/webRequest) through the fake
 * webRequest, with and without `extraHeaders`: the Exchange records the session stores, and how
 * preflights are paired. Each test's name says which sequence it is.
 */
import { describe, expect, it } from 'vitest';
import { API, APP, harness, names } from '../harness';

const url = `${API}/items`;
const origin: [string, string] = ['Origin', APP];
const cors: [string, string] = ['Sec-Fetch-Mode', 'cors'];
const acao: [string, string] = ['Access-Control-Allow-Origin', APP];
const preflightHeaders = (method: string, extra: [string, string][] = []): [string, string][] => [
  ['Access-Control-Request-Method', method], origin, cors, ...extra,
];

describe('with extraHeaders (preflights visible)', () => {
  it('A: simple request, CORS OK', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url).sent('1', url, [origin, cors, ['Accept', '*/*']]).received('1', url, 200, [acao]).completed('1', url, 200);
    await h.session.settle();
    const e = h.entry('1');
    expect(e.exchange).toMatchObject({
      id: '1', method: 'GET', url, type: 'xmlhttprequest', initiator: APP, tabId: 7, frameId: 0,
      redirects: [], preflights: [], outcome: { state: 'completed', status: 200 },
      observer: { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'webRequest' },
    });
    expect(names(e.exchange.requestHeaders)).toEqual(['Origin', 'Sec-Fetch-Mode', 'Accept']);
    expect(e.exchange.response).toMatchObject({ status: 200, statusText: 'OK', headers: [{ name: 'Access-Control-Allow-Origin', value: APP }], ip: '127.0.0.1' });
    expect(e.exchange.timings.end).toBeGreaterThan(e.exchange.timings.start);
    expect(e.verdict.kind).toBe('simple');
    expect(h.classified).toEqual(['1']);
  });

  it('B: response fails the CORS check: real status and headers kept, outcome failed', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url).sent('1', url, [origin]).received('1', url, 200, [['Content-Type', 'text/plain']]).failed('1', url, 'net::ERR_FAILED');
    await h.session.settle();
    const e = h.entry('1');
    expect(e.exchange.response?.status).toBe(200);
    expect(e.exchange.outcome).toEqual({ state: 'failed', error: 'net::ERR_FAILED' });
    expect(e.verdict.kind).toBe('blocked');
  });

  it('C: preflight OK then the actual request: one exchange carrying its preflight', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url, 'PUT')
      .request('2', url, 'OPTIONS').sent('2', url, preflightHeaders('PUT', [['Access-Control-Request-Headers', 'x-trace']]), 'OPTIONS')
      .received('2', url, 204, [acao, ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'x-trace']], 'OPTIONS')
      .completed('2', url, 204, 'OPTIONS')
      .sent('1', url, [origin, ['X-Trace', 'abc']], 'PUT').received('1', url, 200, [acao], 'PUT').completed('1', url, 200, 'PUT');
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['1']);
    const ex = h.entry('1').exchange;
    expect(ex.preflights).toHaveLength(1);
    expect(ex.preflights[0]).toMatchObject({ id: '2', url, response: { status: 204 } });
    expect(ex.preflights[0]!.end).toBeDefined();
    expect(ex.outcome).toEqual({ state: 'completed', status: 200 });
    expect(h.classified).toEqual(['1']);
  });

  it('D: preflight rejected: the main request fails without sending headers', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url, 'DELETE')
      .request('2', url, 'OPTIONS').sent('2', url, preflightHeaders('DELETE'), 'OPTIONS')
      .received('2', url, 404, [], 'OPTIONS').completed('2', url, 404, 'OPTIONS')
      .failed('1', url, 'net::ERR_FAILED', 'DELETE');
    await h.session.settle();
    const ex = h.entry('1').exchange;
    expect(ex.requestHeaders).toEqual([]);
    expect(ex.preflights).toMatchObject([{ id: '2', response: { status: 404, statusText: 'Not Found' } }]);
    expect(ex.outcome).toEqual({ state: 'failed', error: 'net::ERR_FAILED' });
    expect(h.entries().size).toBe(1);
  });

  it('E: preflight redirected: the 3xx is recorded on the preflight', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url, 'PUT')
      .request('2', url, 'OPTIONS').sent('2', url, preflightHeaders('PUT'), 'OPTIONS')
      .received('2', url, 301, [['Location', `${API}/elsewhere`]], 'OPTIONS').completed('2', url, 301, 'OPTIONS')
      .failed('1', url, 'net::ERR_FAILED', 'PUT');
    await h.session.settle();
    expect(h.entry('1').exchange.preflights).toMatchObject([{ id: '2', response: { status: 301 } }]);
  });

  it('F: preflight network failure before headers: paired by URL and order, error kept', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url, 'PUT')
      .request('2', url, 'OPTIONS').failed('2', url, 'net::ERR_FAILED', 'OPTIONS')
      .failed('1', url, 'net::ERR_CONNECTION_REFUSED', 'PUT');
    await h.session.settle();
    const ex = h.entry('1').exchange;
    expect(ex.preflights).toMatchObject([{ id: '2', error: 'net::ERR_FAILED', requestHeaders: [] }]);
    expect(ex.outcome).toEqual({ state: 'failed', error: 'net::ERR_CONNECTION_REFUSED' });
    expect(h.entry('1').verdict.kind).toBe('network-error');
    expect(h.entries().size).toBe(1);
  });

  it('G: preflight cache hit: no OPTIONS at all, exchange has no preflight', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url, 'PUT').sent('1', url, [origin], 'PUT').received('1', url, 200, [acao], 'PUT').completed('1', url, 200, 'PUT');
    await h.session.settle();
    expect(h.entry('1').exchange.preflights).toEqual([]);
    expect(h.entry('1').exchange.observer.preflightsVisible).toBe(true);
  });

  it('H: actual request fails after a good preflight', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url, 'PATCH')
      .request('2', url, 'OPTIONS').sent('2', url, preflightHeaders('PATCH'), 'OPTIONS')
      .received('2', url, 204, [acao, ['Access-Control-Allow-Methods', 'PATCH']], 'OPTIONS').completed('2', url, 204, 'OPTIONS')
      .sent('1', url, [origin], 'PATCH').received('1', url, 200, [], 'PATCH').failed('1', url, 'net::ERR_FAILED', 'PATCH');
    await h.session.settle();
    const ex = h.entry('1').exchange;
    expect(ex.preflights).toHaveLength(1);
    expect(ex.response?.headers).toEqual([]);
    expect(ex.outcome.state).toBe('failed');
  });

  it('I: local network access denied: headers sent, no response, LNA error kept verbatim', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url).sent('1', url, [origin]).failed('1', url, 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS');
    await h.session.settle();
    const ex = h.entry('1').exchange;
    expect(ex.response).toBeUndefined();
    expect(ex.outcome).toEqual({ state: 'failed', error: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS' });
  });

  it('J: a redirect hop fails CORS: the 3xx is a hop not followed, there is no final response', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url).sent('1', url, [origin]).received('1', url, 302, [['Location', `${API}/next`]]).failed('1', url, 'net::ERR_FAILED');
    await h.session.settle();
    const ex = h.entry('1').exchange;
    expect(ex.redirects).toMatchObject([{ url, location: `${API}/next`, followed: false, response: { status: 302 } }]);
    expect(ex.response).toBeUndefined();
  });
});

describe('streams that never complete', () => {
  it('Chromium: onResponseStarted (after the CORS check) gives the verdict; a later end changes nothing', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', `${API}/events`).sent('1', `${API}/events`, [origin, cors]).received('1', `${API}/events`, 200, [acao])
      .started('1', `${API}/events`, 200);
    await h.session.settle();
    expect(h.entry('1').exchange.outcome).toEqual({ state: 'completed', status: 200 });
    expect(h.entry('1').verdict.kind).toBe('simple');
    h.t.failed('1', `${API}/events`, 'net::ERR_ABORTED');
    await h.session.settle();
    expect(h.entry('1').verdict.kind).toBe('simple');
    expect(h.classified).toEqual(['1']);
  });

  it('B stays B: a rejected response never starts, the error decides', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url).sent('1', url, [origin]).received('1', url, 200, []).failed('1', url, 'net::ERR_FAILED');
    await h.session.settle();
    expect(h.entry('1').verdict.kind).toBe('blocked');
  });

  it('Firefox: onResponseStarted is not taken as the verdict; the exchange stays pending until it ends', async () => {
    const h = harness({ browser: 'firefox' });
    await h.session.start();
    h.t.request('1', `${API}/events`).sent('1', `${API}/events`, [origin]).received('1', `${API}/events`, 200, [acao])
      .started('1', `${API}/events`, 200);
    await h.session.settle();
    expect(h.entry('1').verdict.kind).toBe('pending');
    h.t.completed('1', `${API}/events`, 200);
    await h.session.settle();
    expect(h.entry('1').verdict.kind).toBe('simple');
  });
});

describe('without extraHeaders (Chromium, preflights invisible)', () => {
  it('the observer says so, and sequences B/C/D/F/J are the main request alone', async () => {
    const h = harness({ extraHeaders: false });
    await h.session.start();
    expect(h.wr.spec('onSendHeaders')).toEqual(['requestHeaders']);
    // B
    h.t.request('b', url).sent('b', url, [['Accept', '*/*']]).failed('b', url, 'net::ERR_FAILED');
    // C (preflight invisible)
    h.t.request('c', url, 'PUT').sent('c', url, [], 'PUT').received('c', url, 200, [acao], 'PUT').completed('c', url, 200, 'PUT');
    // D / J
    h.t.request('d', url, 'DELETE').sent('d', url, [], 'DELETE').failed('d', url, 'net::ERR_FAILED', 'DELETE');
    // F
    h.t.request('f', url, 'PUT').sent('f', url, [], 'PUT').failed('f', url, 'net::ERR_CONNECTION_REFUSED', 'PUT');
    await h.session.settle();
    const all = h.entries();
    expect([...all.keys()]).toEqual(['b', 'c', 'd', 'f']);
    for (const e of all.values()) {
      expect(e.exchange.observer).toMatchObject({ preflightsVisible: false, fullRequestHeaders: false });
      expect(e.exchange.preflights).toEqual([]);
    }
    expect(all.get('b')!.exchange.response).toBeUndefined();
    expect(all.get('c')!.exchange.outcome).toEqual({ state: 'completed', status: 200 });
  });
});
