/**
 * Each finding fires on its case and stays silent on its clean twin; severities follow the table;
 * evidence names the header and the value. Verdicts come from the real classifier, never written by hand.
 */
import { describe, expect, it } from 'vitest';
import { APP, API, en, entry, exchange, only, run } from './helpers';

const OTHER = 'https://partner.example.org';

describe('null-origin-allowed', () => {
  it('fires (medium) when Origin null is granted, high with credentials', () => {
    const plain = exchange().from('null').to(`${API}/data`).response((r) => r.acao('null')).build();
    const [f] = only([plain], 'null-origin-allowed');
    expect(f?.severity).toBe('medium');
    expect(f?.evidence[0]).toMatchObject({ exchangeId: 'x1', header: 'Access-Control-Allow-Origin', value: 'null', step: { kind: 'response' } });
    expect(en(f?.summary)).toContain(`${API}/data`);
    const creds = exchange().from('null').cookie('sid=1').to(`${API}/me`).response((r) => r.acao('null').acac('true')).build();
    const [g] = only([creds], 'null-origin-allowed');
    expect(g?.severity).toBe('high');
    expect(g?.evidence.map((e) => [e.header, e.value])).toEqual([['Access-Control-Allow-Origin', 'null'], ['Access-Control-Allow-Credentials', 'true']]);
  });

  it('is silent on the clean twin and on what the browser blocked for it already', () => {
    const clean = exchange().from(APP).to(`${API}/data`).response((r) => r.acao(APP).header('Vary', 'Origin')).build();
    expect(run([clean])).toEqual([]);
    const blocked = exchange().from(APP).to(`${API}/data`).response((r) => r.acao('null')).failed().build();
    expect(entry(blocked).verdict.reasons[0]?.code).toBe('AllowOriginMismatch');
    expect(only([blocked], 'null-origin-allowed')).toEqual([]);
  });
});

describe('insecure-origin-trusted', () => {
  const HTTP_APP = 'http://app.example.com';
  it('fires when an https response grants an http origin (medium; high with credentials)', () => {
    const plain = exchange().from(HTTP_APP).to(`${API}/data`).response((r) => r.acao(HTTP_APP).header('Vary', 'Origin')).build();
    const [f] = only([plain], 'insecure-origin-trusted');
    expect(f?.severity).toBe('medium');
    expect(f?.evidence[0]).toMatchObject({ header: 'Access-Control-Allow-Origin', value: HTTP_APP });
    expect(en(f?.fix)).toContain('https://app.example.com');
    const creds = exchange().from(HTTP_APP).cookie('sid=1').to(`${API}/me`).response((r) => r.acao(HTTP_APP).acac('true').header('Vary', 'Origin')).build();
    expect(only([creds], 'insecure-origin-trusted')[0]?.severity).toBe('high');
  });

  it('is silent for loopback http origins, https origins, http resources and blocked mismatches', () => {
    const loop = exchange().from('http://127.0.0.1:4001').to(`${API}/data`).response((r) => r.acao('http://127.0.0.1:4001').header('Vary', 'Origin')).build();
    const secure = exchange().from(APP).to(`${API}/data`).response((r) => r.acao(APP).header('Vary', 'Origin')).build();
    const httpApi = exchange().from(HTTP_APP).to('http://api.example.com/data').response((r) => r.acao(HTTP_APP).header('Vary', 'Origin')).build();
    const blocked = exchange().from(APP).to(`${API}/data`).response((r) => r.acao(HTTP_APP)).failed().build();
    expect(only([loop, secure, httpApi, blocked], 'insecure-origin-trusted')).toEqual([]);
  });
});

describe('origin-reflected', () => {
  const echo = (id: string, origin: string, creds = false) => {
    const b = exchange().id(id).from(origin).to(`${API}/me?x=${id}`);
    if (creds) b.cookie('sid=1');
    return b.response((r) => (creds ? r.acao(origin).acac('true') : r.acao(origin)).header('Vary', 'Origin')).build();
  };

  it('fires when one endpoint echoed two different sites (query ignored): medium, high with credentials', () => {
    const [f] = only([echo('a', APP), echo('b', OTHER)], 'origin-reflected');
    expect(f?.severity).toBe('medium');
    expect(f?.endpoint).toBe(`${API}/me`);
    expect(f?.exchangeIds).toEqual(['a', 'b']);
    expect(f?.evidence.map((e) => e.value)).toEqual([APP, OTHER]);
    expect(f?.params.sites).toBe(2);
    expect(only([echo('a', APP, true), echo('b', OTHER, true)], 'origin-reflected')[0]?.severity).toBe('high');
  });

  it('is silent on one site (an allowlist of app. and www.), on one origin, and across endpoints', () => {
    expect(only([echo('a', APP), echo('b', 'https://www.example.com')], 'origin-reflected')).toEqual([]);
    expect(only([echo('a', APP), echo('b', APP)], 'origin-reflected')).toEqual([]);
    const elsewhere = exchange().id('c').from(OTHER).to(`${API}/other`).response((r) => r.acao(OTHER).header('Vary', 'Origin')).build();
    expect(only([echo('a', APP), elsewhere], 'origin-reflected')).toEqual([]);
  });

  it('counts loopback hosts as their own sites (localhost vs 127.0.0.1), ports not', () => {
    const at = (id: string, origin: string) => exchange().id(id).from(origin).to('http://127.0.0.1:4002/cors').response((r) => r.acao(origin).header('Vary', 'Origin')).build();
    expect(only([at('a', 'http://127.0.0.1:4001'), at('b', 'http://127.0.0.1:4003')], 'origin-reflected')).toEqual([]);
    expect(only([at('a', 'http://127.0.0.1:4001'), at('b', 'http://localhost:4003')], 'origin-reflected')).toHaveLength(1);
  });
});

describe('origin-echo-without-vary', () => {
  const get = (configure: (r: import('../../../support/builder').ResponseBuilder) => import('../../../support/builder').ResponseBuilder) =>
    exchange().from(APP).to(`${API}/items`).response((r) => configure(r.acao(APP))).build();

  it('is low on a cacheable response, and names the missing Vary', () => {
    const [f] = only([get((r) => r)], 'origin-echo-without-vary');
    expect(f?.severity).toBe('low');
    expect(f?.variant).toBe('default');
    expect(en(f?.summary)).toContain('cacheable');
    expect(f?.evidence).toEqual([
      { exchangeId: 'x1', step: { kind: 'response' }, header: 'Access-Control-Allow-Origin', value: APP },
      { exchangeId: 'x1', step: { kind: 'response' }, header: 'Vary', value: null },
    ]);
  });

  it('is medium with shared-cache markers or when the answer came from a cache', () => {
    const shared = only([get((r) => r.header('Age', '120'))], 'origin-echo-without-vary')[0];
    expect(shared?.severity).toBe('medium');
    expect(shared?.variant).toBe('shared');
    expect(shared?.evidence.some((e) => e.header === 'Age' && e.value === '120')).toBe(true);
    expect(only([get((r) => r.header('Cache-Control', 'public, max-age=60'))], 'origin-echo-without-vary')[0]?.severity).toBe('medium');
    expect(only([get((r) => r.fromCache())], 'origin-echo-without-vary')[0]?.variant).toBe('fromCache');
    expect(only([get((r) => r.fromCache())], 'origin-echo-without-vary')[0]?.severity).toBe('medium');
  });

  it('says when the response is not cacheable (info)', () => {
    const [f] = only([get((r) => r.header('Cache-Control', 'no-store'))], 'origin-echo-without-vary');
    expect(f?.severity).toBe('info');
    expect(en(f?.summary)).toContain('not cacheable (Cache-Control: no-store)');
    const post = exchange().method('POST').from(APP).to(`${API}/items`).response((r) => r.acao(APP)).build();
    expect(only([post], 'origin-echo-without-vary')[0]?.severity).toBe('info');
  });

  it('is silent with Vary: Origin (in any list and case), with *, and on the null origin', () => {
    expect(only([get((r) => r.header('Vary', 'Accept-Encoding, origin'))], 'origin-echo-without-vary')).toEqual([]);
    expect(only([get((r) => r.header('Vary', 'Accept-Encoding').header('Vary', 'Origin'))], 'origin-echo-without-vary')).toEqual([]);
    const wildcard = exchange().from(APP).to(`${API}/items`).response((r) => r.acao('*')).build();
    expect(only([wildcard], 'origin-echo-without-vary')).toEqual([]);
  });
});

describe('wildcard-with-credentials', () => {
  it('fires (low) on * with Allow-Credentials: true when the request passed', () => {
    const ex = exchange().from(APP).to(`${API}/pub`).response((r) => r.acao('*').acac('true')).build();
    const [f] = only([ex], 'wildcard-with-credentials');
    expect(f?.severity).toBe('low');
    expect(f?.evidence.map((e) => `${e.header}: ${e.value}`)).toEqual(['Access-Control-Allow-Origin: *', 'Access-Control-Allow-Credentials: true']);
  });

  it('is silent on plain * and on the credentialed request the browser blocked for it (WildcardOriginNotAllowed)', () => {
    const clean = exchange().from(APP).to(`${API}/pub`).response((r) => r.acao('*')).build();
    const blocked = exchange().from(APP).cookie('sid=1').to(`${API}/pub`).response((r) => r.acao('*').acac('true')).failed().build();
    expect(entry(blocked).verdict.reasons[0]?.code).toBe('WildcardOriginNotAllowed');
    expect(only([clean, blocked], 'wildcard-with-credentials')).toEqual([]);
  });
});

describe('wildcard-lists-with-credentials', () => {
  const put = (creds: boolean, acam: string) => {
    const b = exchange().method('PUT').from(APP).to(`${API}/items/1`);
    if (creds) b.cookie('sid=1');
    return b
      .preflight((p) => (creds ? p.acao(APP).acac('true') : p.acao(APP)).acam(acam).header('Vary', 'Origin'))
      .response((r) => (creds ? r.acao(APP).acac('true') : r.acao(APP)).header('Vary', 'Origin'))
      .build();
  };

  it('fires (info) on * in Allow-Methods of a credentialed exchange', () => {
    const [f] = only([put(true, 'PUT, *')], 'wildcard-lists-with-credentials');
    expect(f?.severity).toBe('info');
    expect(f?.evidence[0]).toMatchObject({ header: 'Access-Control-Allow-Methods', value: 'PUT, *', step: { kind: 'preflight', index: 0 } });
  });

  it('is silent without credentials, and when the browser blocked the method for it', () => {
    expect(only([put(false, '*')], 'wildcard-lists-with-credentials')).toEqual([]);
    const blocked = exchange().method('PUT').cookie('sid=1').from(APP).to(`${API}/items/1`)
      .preflight((p) => p.acao(APP).acac('true').acam('*')).failed().build();
    expect(entry(blocked).verdict.reasons[0]?.code).toBe('MethodDisallowedByPreflightResponse');
    expect(only([blocked], 'wildcard-lists-with-credentials')).toEqual([]);
  });
});

describe('private-network-broadly-allowed', () => {
  const LOCAL = 'http://192.168.1.10/api';
  const pna = (id: string, origin: string, acao: string) =>
    exchange().id(id).method('PUT').from(origin).to(LOCAL)
      .preflight((p) => p.requestHeader('Access-Control-Request-Private-Network', 'true').acao(acao).acam('PUT').header('Access-Control-Allow-Private-Network', 'true'))
      .response((r) => r.acao(acao).header('Vary', 'Origin'))
      .build();

  it('fires (medium) with * and with an origin the endpoint reflects', () => {
    const [f] = only([pna('a', APP, '*')], 'private-network-broadly-allowed');
    expect(f?.severity).toBe('medium');
    expect(f?.evidence.map((e) => e.header)).toEqual(['Access-Control-Allow-Private-Network', 'Access-Control-Allow-Origin']);
    const reflected = only([pna('a', APP, APP), pna('b', OTHER, OTHER)], 'private-network-broadly-allowed');
    expect(reflected).toHaveLength(1);
    expect(reflected[0]?.variant).toBe('reflected');
    expect(reflected[0]?.exchangeIds).toEqual(['a', 'b']);
  });

  it('is silent with one allowed origin', () => {
    expect(only([pna('a', APP, APP)], 'private-network-broadly-allowed')).toEqual([]);
  });

  it('fires on null granted to a sandboxed page', () => {
    const [f] = only([pna('a', 'null', 'null')], 'private-network-broadly-allowed');
    expect(f?.severity).toBe('medium');
    expect(f?.params.acao).toBe('null');
  });
});

describe('max-age-over-browser-cap', () => {
  const pf = (maxAge: string, observer: 'chrome-extra' | 'firefox' = 'chrome-extra') =>
    exchange().observer(observer).method('PUT').from(APP).to(`${API}/items/1`)
      .preflight((p) => p.acao(APP).acam('PUT').header('Access-Control-Max-Age', maxAge).header('Vary', 'Origin'))
      .response((r) => r.acao(APP).header('Vary', 'Origin')).build();

  it('fires (info) above Chromium\'s 7200 s and Firefox\'s 86400 s', () => {
    const [f] = only([pf('86400')], 'max-age-over-browser-cap');
    expect(f?.severity).toBe('info');
    expect(f?.evidence[0]).toMatchObject({ header: 'Access-Control-Max-Age', value: '86400' });
    expect(en(f?.summary)).toContain('Chromium keeps a preflight at most 7,200 s');
    expect(only([pf('86400', 'firefox')], 'max-age-over-browser-cap')).toEqual([]);
    expect(only([pf('100000', 'firefox')], 'max-age-over-browser-cap')).toHaveLength(1);
    expect(only([pf('86400')], 'max-age-over-browser-cap', { browser: 'firefox' })).toEqual([]);
  });

  it('takes the cap of the browser that captured (Firefox) unless told otherwise', () => {
    expect(only([pf('86400', 'firefox')], 'max-age-over-browser-cap', { browser: 'chromium' })).toHaveLength(1);
  });

  it('is silent within the cap', () => {
    expect(only([pf('600'), pf('7200')], 'max-age-over-browser-cap')).toEqual([]);
  });
});

describe('public-suffix-origin-trusted', () => {
  const trusted = (id: string, origin: string, creds = true) => {
    const b = exchange().id(id).from(origin).to(`${API}/me`);
    if (creds) b.cookie('sid=1');
    return b.response((r) => (creds ? r.acao(origin).acac('true') : r.acao(origin)).header('Vary', 'Origin')).build();
  };

  it('fires (medium) on a github.io origin trusted with credentials, high for two hosts under one suffix', () => {
    const [f] = only([trusted('a', 'https://alice.github.io')], 'public-suffix-origin-trusted');
    expect(f?.severity).toBe('medium');
    expect(f?.params.suffix).toBe('github.io');
    expect(f?.evidence[0]).toMatchObject({ header: 'Access-Control-Allow-Origin', value: 'https://alice.github.io' });
    const pattern = only([trusted('a', 'https://alice.github.io'), trusted('b', 'https://bob.github.io')], 'public-suffix-origin-trusted');
    expect(pattern.map((p) => p.severity)).toEqual(['high']);
    expect(pattern[0]?.exchangeIds).toEqual(['a', 'b']);
  });

  it('is silent without credentials, on ICANN suffixes, and on the same shared-hosting site', () => {
    expect(only([trusted('a', 'https://alice.github.io', false)], 'public-suffix-origin-trusted')).toEqual([]);
    expect(only([trusted('a', 'https://app.example.co.uk')], 'public-suffix-origin-trusted')).toEqual([]);
    const own = exchange().from('https://alice.github.io').cookie('s=1').to('https://api.alice.github.io/x')
      .response((r) => r.acao('https://alice.github.io').acac('true').header('Vary', 'Origin')).build();
    expect(entry(own).verdict.kind).toBe('simple');
    expect(only([own], 'public-suffix-origin-trusted')).toEqual([]);
  });
});

describe('cached-answer-for-other-origin', () => {
  const cached = (vary?: string, fromCache = true, markers: [string, string][] = []) =>
    exchange().from(APP).to(`${API}/items`).response((r) => {
      r.acao(OTHER);
      if (vary) r.header('Vary', vary);
      for (const [n, v] of markers) r.header(n, v);
      return fromCache ? r.fromCache() : r;
    }).failed().build();

  it('explains an AllowOriginMismatch served from a cache', () => {
    expect(entry(cached()).verdict.reasons[0]?.code).toBe('AllowOriginMismatch');
    const [f] = only([cached()], 'cached-answer-for-other-origin');
    expect(f?.severity).toBe('medium');
    expect(en(f?.summary)).toBe(`This answer was cached for ${OTHER}; the server does not send Vary: Origin, so the browser's cache served another origin's answer to ${APP}; a hard refresh hides it.`);
    expect(en(f?.evidence[0]?.note)).toBe('served from the browser\'s cache');
    expect(f?.evidence[0]).toMatchObject({ header: 'Access-Control-Allow-Origin', value: OTHER });
    expect(only([cached('Origin')], 'cached-answer-for-other-origin')[0]?.variant).toBe('varyIgnored');
  });

  it('is silent when the answer did not come from a cache (the reason says it all)', () => {
    expect(run([cached(undefined, false)])).toEqual([]);
    // Markers of a cache that did not answer from its store are no evidence either.
    for (const m of [['Age', '0'], ['X-Cache', 'MISS'], ['CF-Cache-Status', 'MISS'], ['CF-Cache-Status', 'DYNAMIC'], ['Cache-Status', 'cdn; fwd=miss']] as [string, string][]) {
      expect(run([cached(undefined, false, [m])])).toEqual([]);
    }
  });

  // Chromium's webRequest reports a CDN's hit as fromCache: false: the shared cache's own markers are the evidence.
  it('names a shared cache from its hit markers (Age, X-Cache, CF-Cache-Status, Cache-Status), saying which cache', () => {
    const markers: [string, string][] = [['Age', '42'], ['X-Cache', 'HIT'], ['X-Cache', 'Hit from cloudfront'], ['CF-Cache-Status', 'HIT'],
      ['X-Cache-Status', 'HIT'], ['X-Proxy-Cache', 'HIT'], ['Cache-Status', 'ExampleCDN; hit; ttl=300']];
    for (const m of markers) {
      const [f] = only([cached(undefined, false, [m])], 'cached-answer-for-other-origin');
      expect(f, m.join(': ')).toBeDefined();
      expect(f?.severity).toBe('medium');
      expect(f?.variant).toBe('shared');
      expect(en(f?.summary)).toBe(`This answer was cached for ${OTHER} by a shared cache between the server and the browser (${m[0]}: ${m[1]}); the server does not send Vary: Origin, so that cache served another origin's answer to ${APP}; a hard refresh does not help until the cached copy expires.`);
      expect(f?.evidence.map((e) => [e.header, e.value, en(e.note)])).toEqual([
        ['Access-Control-Allow-Origin', OTHER, 'served by a shared cache'],
        [m[0], m[1], 'a shared cache answered'],
        ['Vary', null, undefined],
      ]);
    }
    const [v] = only([cached('Origin', false, [['X-Cache', 'HIT'], ['Age', '30']])], 'cached-answer-for-other-origin');
    expect(v?.variant).toBe('sharedVaryIgnored');
    expect(en(v?.summary)).toContain('(Age: 30)');
    expect(en(v?.fix)).toContain('key on the Origin header');
  });

  it('prefers the browser\'s word when the browser served it from its own cache (markers came with the stored copy)', () => {
    const [f] = only([cached(undefined, true, [['X-Cache', 'HIT'], ['Age', '5']])], 'cached-answer-for-other-origin');
    expect(f?.variant).toBe('default');
    expect(en(f?.summary)).toContain('the browser\'s cache served');
  });
});

describe('findings are grouped per endpoint', () => {
  it('one finding per endpoint with every exchange once', () => {
    const list = ['a', 'b', 'c'].map((id) => exchange().id(id).from('null').to(`${API}/n?i=${id}`).response((r) => r.acao('null')).build());
    const found = only(list, 'null-origin-allowed');
    expect(found).toHaveLength(1);
    expect(found[0]?.exchangeIds).toEqual(['a', 'b', 'c']);
  });
});
