import { describe, expect, it } from 'vitest';
import { scanRequest } from '../../../../src/core/classify/request-scan';
import { firstHeader, hasHeader } from '../../../../src/core/http/headers';
import type { Header } from '../../../../src/core/model/exchange';

const h = (name: string, value = ''): Header => ({ name, value });

/** The one-pass scan must answer exactly what the separate lookups it replaced answered. */
describe('scanRequest', () => {
  it.each<[string, Header[]]>([
    ['Chrome fetch', [h('User-Agent', 'x'), h('Origin', 'https://a.test'), h('Sec-Fetch-Mode', ' cors '), h('Cookie', 'a=1')]],
    ['no mode, no origin', [h('Accept', '*/*'), h('sec-fetch-site', 'cross-site')]],
    ['duplicates: first wins', [h('SEC-FETCH-MODE', 'no-cors'), h('sec-fetch-mode', 'cors'), h('cookie'), h('COOKIE', 'b')]],
    ['same length, other names', [h('Origin2'), h('cookies'), h('Sec-Fetch-Site', 'cors'), h('Sec-Fetch-Dest', 'empty')]],
    ['empty', []],
  ])('%s', (_, headers) => {
    const scan = scanRequest(headers);
    expect(scan.secFetchMode).toBe(firstHeader(headers, 'sec-fetch-mode'));
    expect(scan.hasOrigin).toBe(hasHeader(headers, 'origin'));
    expect(scan.hasCookie).toBe(hasHeader(headers, 'cookie'));
  });

  it('lists Chromium-only safelisted names once, as spelt, in order', () => {
    const scan = scanRequest([h('DPR', '2'), h('Accept'), h('viewport-width', '800'), h('DPR', '1'), h('dpr', '3'), h('Width', '5')]);
    expect(scan.chromiumOnly).toEqual(['DPR', 'viewport-width', 'dpr', 'Width']);
    expect(scanRequest([h('Accept')]).chromiumOnly).toEqual([]);
  });
});
