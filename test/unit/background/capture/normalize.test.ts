/**
 * Turning webRequest callbacks into plain records: Firefox's stand-in initiator, header lists and
 * status text. The origin comparisons of the background use the core's `originOf`; for every URL a
 * browser reports it gives what `new URL(url).origin` gives (and a non-URL gives no origin).
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../src/background/capture/normalize';
import type { RawDetails, RawHeader } from '../../../../src/background/capture/web-request';
import { looksSameOrigin } from '../../../../src/background/tabs/page-sessions';
import { requestFacts, responseFacts } from '../../../../src/core/classify/header-facts';
import { scanRequest } from '../../../../src/core/classify/request-scan';
import { headerNeed } from '../../../../src/core/classify/preflight/need';
import { corsResponseHeaders } from '../../../../src/core/http/cors-headers';

const details = (d: Partial<RawDetails>): RawDetails =>
  ({ requestId: '1', url: 'https://api.test/x', method: 'GET', type: 'xmlhttprequest', tabId: 1, frameId: 0, timeStamp: 1, ...d });
const initiatorOf = (d: Partial<RawDetails>) => {
  const ev = normalize('onBeforeRequest', details(d));
  return ev.kind === 'request' ? ev.initiator : 'not a request event';
};
const toHeaders = (responseHeaders: RawHeader[] | undefined) => {
  const ev = normalize('onHeadersReceived', details({ statusCode: 200, ...(responseHeaders ? { responseHeaders } : {}) }));
  return ev.kind === 'headers' ? ev.headers : 'not a headers event';
};
const statusTextOf = (statusLine: string | undefined) => {
  const ev = normalize('onHeadersReceived', details({ statusCode: 200, ...(statusLine !== undefined ? { statusLine } : {}) }));
  return ev.kind === 'headers' ? ev.statusText : 'not a headers event';
};

const URLS = [
  'http://app.localhost:8080/index.html', 'https://API.Example.com:443/x?y#z', 'http://127.0.0.1:80/', 'https://[::1]:8443/a',
  'http://user:pass@host.test:81/p', 'ws://sock.test/', 'wss://sock.test:443/', 'about:blank', 'data:text/plain,hi',
  'blob:https://app.test/1234', 'moz-extension://abc/page.html', 'file:///tmp/x.html', 'http://xn--bcher-kva.test/',
  'http://bücher.test/', 'http://0x7f.1/', 'http://host.test:99999/', 'not a url', '', 'http://', 'https://a..b/',
];

const viaUrl = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

describe('initiatorOf', () => {
  it('keeps Chromium\'s initiator as it is', () => {
    expect(initiatorOf({ initiator: 'null', originUrl: 'https://a.test/' })).toBe('null');
  });

  it('takes the origin of Firefox\'s originUrl (else documentUrl), as new URL(...).origin does', () => {
    for (const url of URLS) {
      expect(initiatorOf({ originUrl: url }), url).toBe(url === '' ? undefined : viaUrl(url));
      expect(initiatorOf({ documentUrl: url }), url).toBe(url === '' ? undefined : viaUrl(url));
    }
  });
});

describe('looksSameOrigin', () => {
  it('compares the URL\'s origin with the initiator as written, as new URL(...).origin does', () => {
    for (const url of URLS) {
      for (const initiator of ['http://app.localhost:8080', 'https://api.example.com', 'null', 'ws://sock.test', 'https://app.test']) {
        expect(looksSameOrigin(url, initiator, 'xmlhttprequest'), `${url} vs ${initiator}`).toBe(viaUrl(url) === initiator);
      }
    }
    expect(looksSameOrigin('https://other.test/', 'https://app.test', 'sub_frame')).toBe(true);
    expect(looksSameOrigin('https://app.test/', undefined, 'script')).toBe(false);
  });
});

describe('header lists and status text', () => {
  it('keeps order and duplicates, reads binary values, skips nameless entries', () => {
    const raw = [{ name: 'A', value: '1' }, { name: 'a', value: '2' }, { name: 'B', binaryValue: [104, 105] }, { value: 'x' } as never];
    expect(toHeaders(raw)).toEqual([{ name: 'A', value: '1' }, { name: 'a', value: '2' }, { name: 'B', value: 'hi' }]);
    expect(toHeaders(undefined)).toEqual([]);
  });

  it('takes the reason phrase of a status line', () => {
    expect(statusTextOf('HTTP/1.1 404 Not Found')).toBe('Not Found');
    expect(statusTextOf('HTTP/1.1 204')).toBeUndefined();
    expect(statusTextOf(undefined)).toBeUndefined();
  });
});

describe('header facts made by the capture', () => {
  it('keeps with each request and response list what the classifier would make from it, and nothing a copy or JSON shows', () => {
    const requestHeaders = [{ name: 'Origin', value: 'https://app.test' }, { name: 'Sec-Fetch-Mode', value: 'cors' }, { name: 'Cookie', value: 'a=1' }];
    const sent = normalize('onSendHeaders', details({ requestHeaders }));
    if (sent.kind !== 'send-headers') throw new Error('not a send-headers event');
    expect(requestFacts(sent.headers)).toBe(requestFacts(sent.headers));
    expect(requestFacts(sent.headers)).not.toBe(requestFacts(sent.headers.slice()));
    expect(requestFacts(sent.headers)).toEqual({ ...scanRequest(requestHeaders), need: headerNeed(requestHeaders) });
    const preflight = normalize('onSendHeaders', details({ method: 'OPTIONS', requestHeaders }));
    if (preflight.kind !== 'send-headers') throw new Error('not a send-headers event');
    expect(requestFacts(preflight.headers)).toEqual(scanRequest(requestHeaders));
    expect(JSON.stringify(sent.headers)).toBe(JSON.stringify(requestHeaders));
    const responseHeaders = [{ name: 'Access-Control-Allow-Origin', value: 'https://app.test' }, { name: 'Location', value: '/x' }];
    const got = normalize('onHeadersReceived', details({ statusCode: 302, responseHeaders }));
    if (got.kind !== 'headers') throw new Error('not a headers event');
    expect(responseFacts(got.headers)).toBe(responseFacts(got.headers));
    expect(responseFacts(got.headers)).toEqual(corsResponseHeaders(responseHeaders));
    expect(got.headers).toEqual(responseHeaders);
  });
});
