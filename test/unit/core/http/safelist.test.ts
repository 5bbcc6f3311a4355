import { describe, expect, it } from 'vitest';
import { headerUnsafeKind, isSafelistedMethod } from '../../../../src/core/http/safelist';
import { preflightNeed } from '../../../../src/core/classify/preflight/need';
import { mimeEssence } from '../../../../src/core/http/mime';
import type { Header } from '../../../../src/core/model/exchange';
import { EN } from '../../../../src/core/i18n/catalogues';

const h = (name: string, value: string): Header => ({ name, value });

describe('CORS-safelisted methods', () => {
  it.each([
    ['GET', true], ['HEAD', true], ['POST', true], ['get', true], ['Post', true],
    ['PUT', false], ['DELETE', false], ['PATCH', false], ['patch', false], ['OPTIONS', false], ['', false],
  ])('%s → %s', (method, safe) => {
    expect(isSafelistedMethod(method)).toBe(safe);
  });
});

// Fetch §2.2.2 CORS-safelisted request-header; Chromium: services/network/public/cpp/cors/cors.cc IsCorsSafelistedHeader.
describe('CORS-safelisted request headers (Fetch #cors-safelisted-request-header; Chromium services/network/public/cpp/cors/cors.cc)', () => {
  const long = (n: number, c = 'a') => c.repeat(n);
  it.each<[string, string, string, ReturnType<typeof headerUnsafeKind>]>([
    ['accept */*', 'accept', '*/*', null],
    ['accept with a quote (unsafe byte)', 'accept', 'text/"x"', 'value'],
    ['accept with a control byte', 'accept', 'a\u0001b', 'value'],
    ['accept with DEL', 'accept', 'a\u007fb', 'value'],
    ['accept with TAB (allowed)', 'accept', 'a\tb', null],
    ['accept-language browser value', 'accept-language', 'en-US,en;q=0.9', null],
    ['accept-language with underscore', 'accept-language', 'en_US', 'value'],
    ['content-language fr;q=1 (; and = allowed)', 'content-language', 'fr;q=1', null],
    ['content-language fr/be', 'content-language', 'fr/be', 'value'],
    ['content-language non-ASCII', 'content-language', 'français', 'value'],
    ['content-type TEXT/PLAIN', 'content-type', 'TEXT/PLAIN', null],
    ['content-type text/plain; charset=utf-8', 'content-type', 'text/plain; charset=utf-8', null],
    ['content-type urlencoded', 'content-type', 'application/x-www-form-urlencoded', null],
    ['content-type multipart with boundary', 'content-type', 'multipart/form-data; boundary=xyz', null],
    ['content-type surrounded by spaces', 'content-type', ' text/plain ', null],
    ['content-type application/json', 'content-type', 'application/json', 'content-type'],
    ['content-type application/json; charset=utf-8', 'content-type', 'application/json; charset=utf-8', 'content-type'],
    ['content-type with quoted parameter (quote is unsafe)', 'content-type', 'text/plain; charset="utf-8"', 'value'],
    ['content-type joined twice', 'content-type', 'text/plain, text/plain', 'content-type'],
    ['content-type text/plain garbage', 'content-type', 'text/plain garbage', 'content-type'],
    ['content-type text/ (empty subtype)', 'content-type', 'text/', 'content-type'],
    ['content-type without slash', 'content-type', 'textplain', 'content-type'],
    ['range bytes=0-', 'range', 'bytes=0-', null],
    ['range bytes=0-100', 'range', 'bytes=0-100', null],
    ['range bytes=5-5', 'range', 'bytes=5-5', null],
    ['range bytes=-500 (suffix)', 'range', 'bytes=-500', 'value'],
    ['range bytes=-1 (suffix)', 'range', 'bytes=-1', 'value'],
    ['range start > end', 'range', 'bytes=100-0', 'value'],
    ['range two ranges', 'range', 'bytes=0-1,2-3', 'value'],
    ['range with whitespace', 'range', 'bytes = 0-1', 'value'],
    ['range other unit', 'range', 'items=0-1', 'value'],
    ['value of exactly 128 bytes', 'accept', long(128), null],
    ['value of 129 bytes', 'accept', long(129), 'too-long'],
    ['43 three-byte characters = 129 bytes', 'accept', long(43, '€'), 'too-long'],
    ['42 three-byte characters = 126 bytes', 'accept', long(42, '€'), null],
    ['Chromium extra: DPR 2', 'dpr', '2', null],
    ['Chromium extra: DPR 1.5', 'dpr', '1.5', null],
    ['Chromium extra: DPR x', 'dpr', 'x', 'value'],
    ['Chromium extra: Device-Memory 0.5', 'device-memory', '0.5', null],
    ['Chromium extra: Downlink 10', 'downlink', '10', null],
    ['Chromium extra: Width 100', 'width', '100', null],
    ['Chromium extra: Width 1.5 (integer only)', 'width', '1.5', 'value'],
    ['Chromium extra: Viewport-Width 800', 'viewport-width', '800', null],
    ['Chromium extra: RTT 50', 'rtt', '50', null],
    ['Chromium extra: ECT 4g', 'ect', '4g', null],
    ['Chromium extra: ECT 5g', 'ect', '5g', 'value'],
    ['Chromium extra: Save-Data on', 'save-data', 'on', null],
    ['Chromium extra: Save-Data off', 'save-data', 'off', 'value'],
    ['Chromium extra: Intervention any', 'intervention', '<https://x>; level="warning"', null],
    ['custom header', 'x-trace', '1', 'name'],
    ['authorization', 'authorization', 'Bearer x', 'name'],
    ['empty name', '', 'x', 'name'],
    ['prototype name', '__proto__', 'x', 'name'],
  ])('%s', (_desc, name, value, expected) => {
    expect(headerUnsafeKind(name, value)).toBe(expected);
  });
});

describe('preflight need and its reasons in words', () => {
  it('PUT is not a simple method', () => {
    const need = preflightNeed('PUT', []);
    expect(need.required).toBe(true);
    expect(need.why[0]).toMatchObject({ kind: 'method', subject: 'PUT' });
    expect(EN.t(need.why[0]!.text)).toContain('PUT is not a simple method');
  });

  it('X-Trace is not a safelisted header', () => {
    const need = preflightNeed('GET', [h('X-Trace', '1')]);
    expect(need.why.map((w) => ({ ...w, text: EN.t(w.text) }))).toEqual([{ kind: 'header', subject: 'X-Trace', text: 'X-Trace is not a safelisted header' }]);
    expect(need.unsafeHeaders).toEqual(['x-trace']);
  });

  it('Content-Type application/json is not one of the three simple types', () => {
    const need = preflightNeed('POST', [h('Content-Type', 'application/json')]);
    expect(need.why[0]!.kind).toBe('content-type');
    expect(EN.t(need.why[0]!.text)).toContain('Content-Type application/json is not one of the three simple types');
  });

  it('a header over 128 bytes is named with its length', () => {
    const need = preflightNeed('GET', [h('Accept', 'a'.repeat(200))]);
    expect(need.why[0]).toMatchObject({ kind: 'header-too-long', subject: 'Accept' });
    expect(EN.t(need.why[0]!.text)).toContain('200 bytes');
  });

  it('safelisted values over 1024 bytes in total make every safelisted header unsafe', () => {
    const v = (prefix: string) => prefix + '1'.repeat(128 - prefix.length);
    const headers = [
      h('Accept', v('')), h('Accept-Language', v('')), h('Content-Language', v('')), h('Content-Type', v('text/plain;a=')),
      h('Intervention', v('')), h('Range', v('bytes=') .slice(0, 127) + '-'), h('DPR', v('')), h('Device-Memory', v('')), h('Downlink', v('')),
    ];
    for (const x of headers) expect(headerUnsafeKind(x.name.toLowerCase(), x.value), x.name).toBeNull();
    const need = preflightNeed('GET', headers);
    expect(need.required).toBe(true);
    expect(need.why.map((w) => w.kind)).toEqual(['headers-total']);
    expect(need.unsafeHeaders).toHaveLength(9);
  });

  it('eight 128-byte safelisted values (exactly 1024) stay simple', () => {
    const v = '1'.repeat(128);
    const headers = ['Accept', 'Accept-Language', 'Content-Language', 'Intervention', 'DPR', 'Device-Memory', 'Downlink', 'Width'].map((n) => h(n, v));
    expect(preflightNeed('GET', headers).required).toBe(false);
  });

  it('five 250-byte values: each is over 128 bytes, so each is unsafe on its own', () => {
    const headers = ['Accept', 'Accept-Language', 'Content-Language', 'Intervention', 'DPR'].map((n) => h(n, '1'.repeat(250)));
    const need = preflightNeed('GET', headers);
    expect(need.unsafeHeaders).toEqual(['accept', 'accept-language', 'content-language', 'intervention', 'dpr']);
    expect(need.why.every((w) => w.kind === 'header-too-long')).toBe(true);
  });

  it('Content-Type sent on two lines is joined and no longer simple', () => {
    const need = preflightNeed('POST', [h('Content-Type', 'text/plain'), h('Content-Type', 'text/plain')]);
    expect(need.required).toBe(true);
    expect(need.unsafeHeaders).toEqual(['content-type']);
  });

  it.each([
    'Origin', 'Referer', 'Cookie', 'Host', 'Connection', 'Accept-Encoding', 'User-Agent', 'Cache-Control', 'Pragma',
    'Sec-Fetch-Mode', 'Sec-Fetch-Site', 'Sec-Fetch-Dest', 'Sec-CH-UA', 'Sec-CH-UA-Platform', 'Content-Length', 'If-None-Match',
    'If-Modified-Since', 'Priority', 'Proxy-Authorization', 'DNT', 'Keep-Alive', 'Upgrade-Insecure-Requests', 'X-Client-Data',
  ])('%s is added by the browser and never counts', (name) => {
    expect(preflightNeed('GET', [h(name, 'some value: with (unsafe) bytes')]).required).toBe(false);
  });

  it('Last-Event-ID added by a reconnecting EventSource does not count', () => {
    expect(preflightNeed('GET', [h('Accept', 'text/event-stream'), h('Last-Event-ID', '42')]).required).toBe(false);
    expect(preflightNeed('GET', [h('Last-Event-ID', '42')]).required).toBe(true);
  });

  it('a simple request needs nothing', () => {
    expect(preflightNeed('POST', [h('Accept', '*/*'), h('Content-Type', 'text/plain;charset=UTF-8'), h('Accept-Language', 'en-US,en;q=0.9')])).toEqual({
      required: false,
      why: [],
      unsafeHeaders: [],
    });
  });

  it('method and several headers are all listed, headers in request order without duplicates', () => {
    const need = preflightNeed('DELETE', [h('X-B', '1'), h('Authorization', 'x'), h('x-b', '2')]);
    expect(need.why.map((w) => w.subject)).toEqual(['DELETE', 'X-B', 'Authorization']);
    expect(need.unsafeHeaders).toEqual(['x-b', 'authorization']);
  });
});

describe('MIME essence (strict parse)', () => {
  it.each([
    ['text/plain', 'text/plain'], [' TEXT/Plain ;charset=x', 'text/plain'], ['text/plain ', 'text/plain'], ['text /plain', null],
    ['text/ plain', null], ['/plain', null], ['text', null], ['', null], ['a/b/c', null], ['multipart/form-data; boundary="x"', 'multipart/form-data'],
  ])('%j → %j', (value, essence) => {
    expect(mimeEssence(value)).toBe(essence);
  });

  it('stays linear on long whitespace runs', () => {
    expect(mimeEssence('text/' + ' '.repeat(200_000) + 'x')).toBeNull();
  });
});
