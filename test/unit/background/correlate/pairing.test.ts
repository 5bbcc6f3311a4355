/** Redirect chains, preflights for a redirect's new URL, concurrent look-alike requests, odd OPTIONS. */
import { describe, expect, it } from 'vitest';
import { API, APP, harness } from '../harness';

const url = `${API}/items`;
const origin: [string, string] = ['Origin', APP];
const acao: [string, string] = ['Access-Control-Allow-Origin', APP];
const pre = (method: string, acrh?: string): [string, string][] => [
  ['Access-Control-Request-Method', method], origin, ['Sec-Fetch-Mode', 'cors'],
  ...(acrh ? [['Access-Control-Request-Headers', acrh] as [string, string]] : []),
];

describe('redirect chains', () => {
  it('follows hops in order with status, headers, location and per-hop request headers', async () => {
    const h = harness();
    await h.session.start();
    const a = `${API}/a`;
    const b = 'http://other.localhost:7070/b';
    const c = 'http://third.localhost:6060/c';
    h.t.request('1', a).sent('1', a, [origin]).received('1', a, 302, [['Location', b], acao]).redirected('1', a, 302, b)
      .request('1', b).sent('1', b, [['Origin', 'null']]).received('1', b, 307, [['Location', c], ['Access-Control-Allow-Origin', '*']])
      .redirected('1', b, 307, c)
      .request('1', c).sent('1', c, [['Origin', 'null']]).received('1', c, 200, [['Access-Control-Allow-Origin', 'null']]).completed('1', c, 200);
    await h.session.settle();
    const ex = h.entry('1').exchange;
    expect(ex.url).toBe(a);
    expect(ex.requestHeaders).toEqual([{ name: 'Origin', value: APP }]);
    expect(ex.redirects.map((r) => [r.url, r.response.status, r.location])).toEqual([[a, 302, b], [b, 307, c]]);
    expect(ex.redirects[0]!.response.headers).toContainEqual({ name: 'Access-Control-Allow-Origin', value: APP });
    expect(ex.redirects[1]!.requestHeaders).toEqual([{ name: 'Origin', value: 'null' }]);
    expect(ex.response).toMatchObject({ status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: 'null' }] });
    expect(ex.outcome).toEqual({ state: 'completed', status: 200 });
    expect(h.classified).toEqual(['1']);
  });

  it('pairs a preflight sent for the new URL of a redirect hop with the same exchange', async () => {
    const h = harness();
    await h.session.start();
    const same = `${APP}/api`;
    h.t.request('1', same, 'PUT').sent('1', same, [], 'PUT').received('1', same, 307, [['Location', url]], 'PUT')
      .redirected('1', same, 307, url, 'PUT')
      .request('1', url, 'PUT')
      .request('2', url, 'OPTIONS').sent('2', url, pre('PUT'), 'OPTIONS').received('2', url, 204, [acao, ['Access-Control-Allow-Methods', 'PUT']], 'OPTIONS')
      .completed('2', url, 204, 'OPTIONS')
      .sent('1', url, [['Origin', APP]], 'PUT').received('1', url, 200, [acao], 'PUT').completed('1', url, 200, 'PUT');
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['1']);
    const ex = h.entry('1').exchange;
    expect(ex.redirects).toHaveLength(1);
    expect(ex.preflights).toMatchObject([{ id: '2', url }]);
  });

  it('a 303 turns the method into GET: a later preflight must announce GET, not POST', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', `${API}/form`, 'POST').sent('1', `${API}/form`, [origin], 'POST')
      .received('1', `${API}/form`, 303, [acao, ['Location', url]], 'POST').redirected('1', `${API}/form`, 303, url, 'POST')
      .request('9', url, 'OPTIONS').sent('9', url, pre('POST'), 'OPTIONS').completed('9', url, 204, 'OPTIONS')
      .sent('1', url, [origin], 'GET').received('1', url, 200, [acao], 'GET').completed('1', url, 200, 'GET');
    await h.session.settle();
    expect(h.entry('1').exchange.preflights).toEqual([]);
    // The unclaimed preflight is shown on its own rather than dropped.
    expect(h.entry('9').exchange.method).toBe('OPTIONS');
  });
});

describe('concurrent requests to the same URL', () => {
  it('pairs interleaved preflights without crossing them (order, then announced headers)', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url, 'PUT').request('2', url, 'PUT')
      .request('11', url, 'OPTIONS').request('12', url, 'OPTIONS')
      .sent('12', url, pre('PUT', 'x-b'), 'OPTIONS').sent('11', url, pre('PUT', 'x-a'), 'OPTIONS')
      .completed('12', url, 204, 'OPTIONS').completed('11', url, 204, 'OPTIONS')
      .sent('1', url, [origin, ['X-A', '1']], 'PUT').sent('2', url, [origin, ['X-B', '2']], 'PUT')
      .completed('2', url, 200, 'PUT').completed('1', url, 200, 'PUT');
    await h.session.settle();
    expect(h.entry('1').exchange.preflights.map((p) => p.id)).toEqual(['11']);
    expect(h.entry('2').exchange.preflights.map((p) => p.id)).toEqual(['12']);
  });

  it('a request served from the preflight cache does not keep a preflight that is still running', async () => {
    const h = harness();
    await h.session.start();
    // 1 is a cache hit; 2 needs a real preflight; the preflight starts while both wait.
    h.t.request('1', url, 'PUT').request('2', url, 'PUT').request('11', url, 'OPTIONS')
      .sent('11', url, pre('PUT'), 'OPTIONS')
      .sent('1', url, [origin], 'PUT') // 1 goes out while 11 is still open: 11 was not its preflight
      .completed('11', url, 204, 'OPTIONS')
      .sent('2', url, [origin], 'PUT').completed('1', url, 200, 'PUT').completed('2', url, 200, 'PUT');
    await h.session.settle();
    expect(h.entry('1').exchange.preflights).toEqual([]);
    expect(h.entry('2').exchange.preflights.map((p) => p.id)).toEqual(['11']);
  });

  it('pairs by method, tab, frame and initiator', async () => {
    const h = harness();
    const evil = { initiator: 'http://evil.localhost' };
    await h.session.start();
    h.t.request('1', url, 'DELETE').request('2', url, 'PUT', { frameId: 3 }).request('3', url, 'PUT')
      .request('11', url, 'OPTIONS').sent('11', url, pre('PUT'), 'OPTIONS').completed('11', url, 204, 'OPTIONS')
      .request('12', url, 'OPTIONS', { frameId: 3 }).sent('12', url, pre('PUT'), 'OPTIONS', { frameId: 3 })
      .completed('12', url, 204, 'OPTIONS', { frameId: 3 })
      .request('13', url, 'OPTIONS', evil).sent('13', url, pre('DELETE'), 'OPTIONS', evil)
      .completed('13', url, 204, 'OPTIONS', evil);
    h.t.completed('1', url, 200, 'DELETE').completed('2', url, 200, 'PUT', { frameId: 3 }).completed('3', url, 200, 'PUT');
    await h.session.settle();
    expect(h.entry('3').exchange.preflights.map((p) => p.id)).toEqual(['11']);
    expect(h.entry('2').exchange.preflights.map((p) => p.id)).toEqual(['12']);
    expect(h.entry('1').exchange.preflights).toEqual([]);
  });
});

describe('OPTIONS requests that are not preflights', () => {
  it('a page\'s own OPTIONS request is an exchange, with its own preflight', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url, 'OPTIONS')
      .request('2', url, 'OPTIONS').sent('2', url, pre('OPTIONS'), 'OPTIONS').completed('2', url, 204, 'OPTIONS')
      .sent('1', url, [origin], 'OPTIONS').received('1', url, 200, [acao], 'OPTIONS').completed('1', url, 200, 'OPTIONS');
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['1']);
    expect(h.entry('1').exchange.method).toBe('OPTIONS');
    expect(h.entry('1').exchange.preflights.map((p) => p.id)).toEqual(['2']);
  });
});

describe('Firefox-shaped events', () => {
  it('initiator from originUrl, documentUrl kept, types mapped, no extraHeaders asked', async () => {
    const h = harness({ browser: 'firefox' });
    await h.session.start();
    expect(h.wr.spec('onSendHeaders')).toEqual(['requestHeaders']);
    // onBeforeRequest, onSendHeaders, onHeadersReceived, onCompleted, onErrorOccurred (Firefox refuses any extraInfoSpec there)
    expect(h.wr.listenerCount()).toBe(5);
    expect(h.wr.events.onResponseStarted.listeners).toEqual([]); // fired before Firefox's CORS check: it says nothing
    expect(h.wr.events.onCompleted.listeners[0]!.filter.types).not.toContain('main_frame');
    h.t.request('1', url, 'PUT')
      .request('2', url, 'OPTIONS').sent('2', url, pre('PUT'), 'OPTIONS').received('2', url, 200, [], 'OPTIONS')
      .completed('2', url, 200, 'OPTIONS')
      .failed('1', url, 'NS_ERROR_DOM_BAD_URI', 'PUT')
      .request('3', `${API}/beacon`, 'POST', { type: 'beacon' }).sent('3', `${API}/beacon`, [origin], 'POST', { type: 'beacon' })
      .completed('3', `${API}/beacon`, 204, 'POST', { type: 'beacon' })
      .request('4', `${API}/pic`, 'GET', { type: 'imageset' }).completed('4', `${API}/pic`, 200, 'GET', { type: 'imageset' })
      .request('5', `${API}/x.xsl`, 'GET', { type: 'xslt' }).completed('5', `${API}/x.xsl`, 200, 'GET', { type: 'xslt' });
    await h.session.settle();
    const e1 = h.entry('1').exchange;
    expect(e1).toMatchObject({
      initiator: APP, documentUrl: `${APP}/index.html`,
      observer: { browser: 'firefox', preflightsVisible: true, fullRequestHeaders: true },
      outcome: { state: 'failed', error: 'NS_ERROR_DOM_BAD_URI' },
    });
    expect(e1.preflights.map((p) => p.id)).toEqual(['2']);
    expect(h.entry('3').exchange.type).toBe('ping');
    expect(h.entry('4').exchange.type).toBe('image');
    expect(h.entry('5').exchange.type).toBe('other');
  });
});

describe('listeners', () => {
  it('registers the minimal set once, with extraHeaders only where it is read, never for main_frame', () => {
    const h = harness();
    expect(h.wr.listenerCount()).toBe(5);
    for (const name of ['onBeforeRedirect', 'onCompleted'] as const) expect(h.wr.events[name].listeners).toEqual([]);
    expect(h.wr.events.onBeforeRequest.listeners[0]!.spec).toEqual([]);
    expect(h.wr.spec('onSendHeaders')).toEqual(['requestHeaders', 'extraHeaders']);
    expect(h.wr.spec('onHeadersReceived')).toEqual(['responseHeaders', 'extraHeaders']);
    expect(h.wr.events.onResponseStarted.listeners[0]!.spec).toEqual([]);
    expect(h.wr.events.onErrorOccurred.listeners[0]!.spec).toEqual([]);
    for (const name of ['onBeforeRequest', 'onSendHeaders', 'onHeadersReceived', 'onResponseStarted', 'onErrorOccurred'] as const) {
      expect(h.wr.events[name].listeners[0]!.filter).toMatchObject({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] });
      expect(h.wr.events[name].listeners[0]!.filter.types).toContain('sub_frame');
      expect(h.wr.events[name].listeners[0]!.filter.types).not.toContain('main_frame');
    }
    h.capture.start();
    expect(h.wr.listenerCount()).toBe(5);
  });

  it('a browser refusing a type name in the filter still gets listeners (no filter), main_frame skipped by us', async () => {
    const h = harness({ browser: 'firefox', exposeTypes: false });
    expect(h.wr.listenerCount()).toBe(5);
    expect(h.wr.events.onCompleted.listeners[0]!.filter.types).toBeUndefined();
    await h.session.start();
    h.t.request('nav', `${APP}/`, 'GET', { type: 'main_frame' }).completed('nav', `${APP}/`, 200, 'GET', { type: 'main_frame' });
    h.t.request('1', url).completed('1', url, 200);
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['1']);
  });

  it('a malformed callback is skipped with a warning, not thrown into the browser', async () => {
    const h = harness();
    await h.session.start();
    expect(() => h.wr.fire('onSendHeaders', { type: 'xmlhttprequest', requestHeaders: 5 } as never)).not.toThrow();
    h.t.request('1', url).completed('1', url, 200);
    await h.session.settle();
    expect(h.entries().size).toBe(1);
  });
});

describe('memory', () => {
  it('forgets the oldest open records past MAX_IN_FLIGHT (they stay pending in the log)', async () => {
    const { Correlator, LATE_START_MS, MAX_IN_FLIGHT } = await import('../../../../src/background/correlate/correlator');
    const c = new Correlator({ browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'test' });
    for (let i = 0; i < MAX_IN_FLIGHT + 50; i++) {
      c.apply({ kind: 'request', id: String(i), time: i, url: `${API}/${i}`, method: 'GET', type: 'xmlhttprequest', tabId: 1, frameId: 0 });
    }
    expect(c.inFlight).toBe(MAX_IN_FLIGHT);
    c.drain();
    c.apply({ kind: 'completed', id: '0', time: 1e9, url: `${API}/0`, status: 200 });
    expect(c.drain().ended).toEqual([]);
    // Held a while in case its onBeforeRequest comes late; given up (and counted) once too old.
    expect(c.unknownEvents).toBe(0);
    c.apply({ kind: 'completed', id: 'x', time: 1e9 + LATE_START_MS + 1, url: `${API}/x`, status: 200 });
    expect(c.unknownEvents).toBe(1);
  });

  it('replays events that came before their onBeforeRequest, and lets a late main request claim its preflight', async () => {
    const { Correlator } = await import('../../../../src/background/correlate/correlator');
    const c = new Correlator({ browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'test' });
    const ctx = { type: 'xmlhttprequest', tabId: 1, frameId: 0, initiator: APP } as const;
    const pre = [['Access-Control-Request-Method', 'PUT'], ['Origin', APP]].map(([name, value]) => ({ name: name!, value: value! }));
    // Chromium starting the worker for a burst: the preflight, then the main request's later events, then its onBeforeRequest.
    c.apply({ kind: 'request', id: '2', time: 1, url, method: 'OPTIONS', ...ctx });
    c.apply({ kind: 'send-headers', id: '2', time: 2, url, method: 'OPTIONS', headers: pre });
    c.apply({ kind: 'completed', id: '2', time: 3, url, status: 204 });
    c.apply({ kind: 'send-headers', id: '1', time: 4, url, method: 'PUT', headers: [{ name: 'Origin', value: APP }] });
    c.apply({ kind: 'started', id: '1', time: 5, url, status: 200 });
    expect(c.drain().ended).toEqual([]);
    c.apply({ kind: 'request', id: '1', time: 0, url, method: 'PUT', ...ctx });
    const { ended } = c.drain();
    expect(ended.map((r) => r.ex.id)).toEqual(['1']);
    expect(ended[0]!.ex.preflights.map((p) => p.id)).toEqual(['2']);
    expect(ended[0]!.ex.requestHeaders).toEqual([{ name: 'Origin', value: APP }]);
    expect(ended[0]!.ex.outcome).toEqual({ state: 'completed', status: 200 });
    expect(c.unknownEvents).toBe(0);
  });
});

describe('events out of order (Chromium starting the worker for a burst)', () => {
  it('a batch is put back in timeStamp order, tab events keeping their places', async () => {
    const { inEventOrder } = await import('../../../../src/background/capture/event-order');
    const cap = (id: string, time: number) => ({ kind: 'capture' as const, event: { kind: 'completed' as const, id, time, url, status: 200 } });
    const tab = { kind: 'tab-removed' as const, tabId: 3 };
    const queue = [cap('c', 3), tab, cap('a', 1), cap('b', 2), cap('b2', 2)];
    expect(inEventOrder(queue).map((q) => (q.kind === 'capture' ? q.event.id : 'tab'))).toEqual(['a', 'tab', 'b', 'b2', 'c']);
    const inOrder = [cap('a', 1), cap('b', 2)];
    expect(inEventOrder(inOrder)).toBe(inOrder);
  });

  it('a preflight whose onCompleted came before its onSendHeaders is still paired', async () => {
    const h = harness();
    // Not started yet: the worker is waking, so every event below lands in one batch.
    const t = h.t;
    const t0 = t.time;
    t.request('1', url, 'PUT').request('2', url, 'OPTIONS');
    t.time = t0 + 10;
    t.completed('2', url, 204, 'OPTIONS');
    t.time = t0 + 5;
    t.sent('2', url, pre('PUT'), 'OPTIONS');
    t.time = t0 + 20;
    t.sent('1', url, [origin], 'PUT').received('1', url, 200, [acao], 'PUT').completed('1', url, 200, 'PUT');
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['1']);
    expect(h.entry('1').exchange.preflights.map((p) => p.id)).toEqual(['2']);
  });
});
