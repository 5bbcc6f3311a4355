import { describe, expect, it } from 'vitest';
import { scanRequest } from '../../../../src/core/classify/request-scan';
import { firstHeader, hasHeader, joinedHeader } from '../../../../src/core/http/headers';
import { headerNeed, needOf, preflightNeed, type PreflightNeed } from '../../../../src/core/classify/preflight/need';
import type { Header } from '../../../../src/core/model/exchange';
import { CHROMIUM_ONLY_SAFELISTED } from '../../../../src/core/http/safelist';

const h = (name: string, value = ''): Header => ({ name, value });

/**
 * What each list below needs for GET, PUT and post, as the code before the facts (a7d116f) worked it out
 * from the list itself: the reasons (kind:subject), then after the slash the unsafe names ACAH must cover.
 * The need made from the list's facts must give the same.
 */
const NEEDS: Record<string, string[]> = {
  'Chrome fetch': ['/', 'method:PUT /', '/'],
  'no mode, no origin': ['/', 'method:PUT /', '/'],
  'duplicates: first wins': ['/', 'method:PUT /', '/'],
  'same length, other names': ['header:Origin2 header:Cookies / origin2 cookies', 'method:PUT header:Origin2 header:Cookies / origin2 cookies', 'header:Origin2 header:Cookies / origin2 cookies'],
  'empty': ['/', 'method:PUT /', '/'],
  'a preflight': ['/', 'method:PUT /', '/'],
  'credentials and a body type': ['header:Authorization content-type:Content-Type header:X-Trace / authorization content-type x-trace', 'method:PUT header:Authorization content-type:Content-Type header:X-Trace / authorization content-type x-trace', 'header:Authorization content-type:Content-Type header:X-Trace / authorization content-type x-trace'],
  'same lengths, other names': ['header:Authorizatio_ header:Access-Control-Request-Methos header:Access-Control-Request-Headerz / authorizatio_ access-control-request-methos access-control-request-headerz', 'method:PUT header:Authorizatio_ header:Access-Control-Request-Methos header:Access-Control-Request-Headerz / authorizatio_ access-control-request-methos access-control-request-headerz', 'header:Authorizatio_ header:Access-Control-Request-Methos header:Access-Control-Request-Headerz / authorizatio_ access-control-request-methos access-control-request-headerz'],
  'not safelisted by value': ['header-too-long:Accept / accept', 'method:PUT header-too-long:Accept / accept', 'header-too-long:Accept / accept'],
  'a duplicate': ['/', 'method:PUT /', '/'],
};

const brief = (n: PreflightNeed): string => {
  expect(n.required).toBe(n.why.length > 0);
  return [...n.why.map((w) => `${w.kind}:${w.subject}`), '/', ...n.unsafeHeaders].join(' ');
};

/** The one-pass scan must answer exactly what the separate lookups it replaced answered. */
describe('scanRequest', () => {
  it.each<[string, Header[]]>([
    ['Chrome fetch', [h('User-Agent', 'x'), h('Origin', 'https://a.test'), h('Sec-Fetch-Mode', ' cors '), h('Cookie', 'a=1')]],
    ['no mode, no origin', [h('Accept', '*/*'), h('sec-fetch-site', 'cross-site')]],
    ['duplicates: first wins', [h('SEC-FETCH-MODE', 'no-cors'), h('sec-fetch-mode', 'cors'), h('cookie'), h('COOKIE', 'b')]],
    ['same length, other names', [h('Origin2'), h('cookies'), h('Sec-Fetch-Site', 'cors'), h('Sec-Fetch-Dest', 'empty')]],
    ['empty', []],
    ['a preflight', [h('Access-Control-Request-Method', ' PUT '), h('access-control-request-headers', 'x-a'), h('ACCESS-CONTROL-REQUEST-HEADERS', ' x-b ,x-c'), h('Origin', ' ')]],
    ['credentials and a body type', [h('Authorization', ' Basic eA== '), h('authorization', 'Bearer y'), h('Content-Type', 'application/json'), h('X-Trace', 'a')]],
    ['same lengths, other names', [h('Authorizatio_'), h('access-control-request-methos', 'PUT'), h('access-control-request-headerz', 'x-a')]],
    ['not safelisted by value', [h('Accept', 'a'.repeat(200)), h('Accept-Language', 'en;q=0.9')]],
    ['a duplicate', [h('Accept', 'a'), h('ACCEPT', 'b')]],
  ])('%s', (name, headers) => {
    const scan = scanRequest(headers);
    expect(scan.secFetchMode).toBe(firstHeader(headers, 'sec-fetch-mode'));
    expect(scan.origin).toBe(firstHeader(headers, 'origin'));
    expect(scan.origin !== null).toBe(hasHeader(headers, 'origin'));
    expect(scan.hasCookie).toBe(hasHeader(headers, 'cookie'));
    expect(scan.authorization).toBe(firstHeader(headers, 'authorization'));
    expect(scan.acrm).toBe(firstHeader(headers, 'access-control-request-method'));
    expect(scan.acrh).toBe(joinedHeader(headers, 'access-control-request-headers'));
    // The need's part the list's facts keep gives the need made from the list itself, for any method.
    expect(scan.need).toBeNull();
    const need = headerNeed(headers);
    if (need.simple) expect(preflightNeed('GET', headers).required).toBe(false);
    expect(['GET', 'PUT', 'post'].map((method) => brief(needOf(method, need)))).toEqual(NEEDS[name]);
  });

  it('says which lists surely need no preflight, and keeps what the others need', () => {
    expect(headerNeed([h('Accept', '*/*'), h('Sec-Fetch-Mode', 'cors'), h('User-Agent', 'x')]).simple).toBe(true);
    expect(headerNeed([h('X-Trace', 'a')])).toEqual({ simple: false, unsafe: [{ lower: 'x-trace', display: 'X-Trace', value: 'a', kind: 'name' }], safe: [], total: 0 });
    expect(headerNeed([h('Accept', 'a'), h('accept', 'b')])).toEqual({ simple: false, unsafe: [], safe: ['accept'], total: 4 });
    expect(headerNeed([h('Content-Type', 'application/json')]).unsafe.map((u) => u.kind)).toEqual(['content-type']);
  });

  it('gives the need of a list over 1,024 bytes of safelisted values from the facts as from the list', () => {
    const letters = ['Accept', 'Accept-Language', 'Content-Language', 'Intervention'].map((n) => h(n, 'a'.repeat(120)));
    const many = [...letters, ...['Device-Memory', 'DPR', 'Downlink', 'Width', 'Viewport-Width', 'RTT'].map((n) => h(n, '1'.repeat(120)))];
    const need = preflightNeed('GET', many);
    expect(need.why.map((w) => w.kind)).toContain('headers-total');
    // As the code before the facts (a7d116f) worked it out from the list itself.
    const names = 'accept accept-language content-language intervention device-memory dpr downlink width viewport-width rtt';
    expect(brief(needOf('GET', headerNeed(many)))).toBe(
      `headers-total:Accept, Accept-Language, Content-Language, Intervention, Device-Memory, Dpr, Downlink, Width, Viewport-Width, Rtt / ${names}`,
    );
  });

  it('lists Chromium-only safelisted names once, as spelt, in order', () => {
    const scan = scanRequest([h('DPR', '2'), h('Accept'), h('viewport-width', '800'), h('DPR', '1'), h('dpr', '3'), h('Width', '5')]);
    expect(scan.chromiumOnly).toEqual(['DPR', 'viewport-width', 'dpr', 'Width']);
    expect(scanRequest([h('Accept')]).chromiumOnly).toEqual([]);
  });

  // The scan tells names apart by length and first two characters before it lower-cases one: it must
  // find what lower-casing every name finds, Chrome's own names of the same lengths and the characters
  // outside ASCII that lower-case into ASCII (U+212A KELVIN SIGN to k, U+0130 to i and a dot) included.
  it('finds exactly the names that lower-case to a Chromium-only one', () => {
    const names = [
      ...CHROMIUM_ONLY_SAFELISTED, ...CHROMIUM_ONLY_SAFELISTED.map((n) => n.toUpperCase()), 'Viewport-Width', 'Save-Data', 'Device-Memory',
      'sec-ch-ua', 'Sec-Fetch-Site', 'Sec-Fetch-Mode', 'Sec-Fetch-Dest', 'Accept', 'Origin', 'Referer', 'Accept-Language', 'Content-Type',
      'downlin\u212a', 'DOWNLIN\u212a', '\u0130ntervention', 'dp\u0130', 'Rtt', 'eCt', 'ect ', ' ect', 'ec', 'widths', 'x-width', 'save_data',
      '@ct', 'Dpr', 'viewport-widt\u0127', 'rt\u0074',
    ];
    const wanted = new Set<string>(CHROMIUM_ONLY_SAFELISTED);
    const headers = names.map((n) => h(n, '1'));
    expect(scanRequest(headers).chromiumOnly).toEqual(names.filter((n, i) => wanted.has(n.toLowerCase()) && names.indexOf(n) === i));
  });
});
