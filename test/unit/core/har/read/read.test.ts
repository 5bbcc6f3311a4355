import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHarReport, HarReadError, readHar } from '../../../../../src/core/har';
import type { Exchange } from '../../../../../src/core/model/exchange';
import { API, PAGE, T0, exchange, h, hop, preflight, text, verdict } from '../builders';

const fixture = (name: string) => readFileSync(new URL(`../../../../fixtures/har/${name}`, import.meta.url), 'utf8');
const byCid = (xs: Exchange[], cid: string) => {
  const x = xs.find((e) => e.url.includes(`cid=${cid}`));
  if (!x) throw new Error(`no exchange for ${cid}`);
  return x;
};
const entry = (method: string, url: string, at: number, over: Record<string, unknown> = {}) => ({
  startedDateTime: new Date(T0 + at).toISOString(),
  time: 3,
  request: { method, url, httpVersion: 'HTTP/1.1', headers: [{ name: 'Origin', value: PAGE }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
  response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [] as { name: string; value: string }[], cookies: [], content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: -1 },
  cache: {},
  timings: { send: 0, wait: 2, receive: 1 },
  ...over,
});
const har = (entries: unknown[], creator = 'WebInspector') => JSON.stringify({ log: { version: '1.2', creator: { name: creator, version: '1' }, entries } });

describe('readHar on Chrome DevTools\' own export', () => {
  const read = readHar(fixture('chrome-devtools-export.har'));

  it('reads every request as one exchange, redirect hops chained, preflights attached, nothing left over', () => {
    expect(read.warnings).toEqual([]);
    expect(read.exchanges).toHaveLength(12);
    expect(read.creator).toEqual({ name: 'WebInspector', version: '537.36' });
    expect(read.ours).toBe(false);
    expect(read.exchanges.flatMap((x) => x.preflights)).toHaveLength(4);
  });

  it('marks the observer as Chromium DevTools: preflights and full request headers visible', () => {
    for (const x of read.exchanges) expect(x.observer).toEqual({ browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'har' });
  });

  it('pairs a preflight with the request it was sent for, by URL, method and time', () => {
    const put = byCid(read.exchanges, 'put-ok');
    expect(put.method).toBe('PUT');
    expect(put.preflights).toHaveLength(1);
    expect(put.preflights[0]!.response?.status).toBe(204);
    expect(put.preflights[0]!.requestHeaders).toContainEqual(h('Access-Control-Request-Headers', 'x-lab-trace'));
    expect(put.outcome).toEqual({ state: 'completed', status: 200 });
    const patch = byCid(read.exchanges, 'patch-not-allowed');
    expect(patch.preflights[0]!.requestHeaders).toContainEqual(h('Access-Control-Request-Method', 'PATCH'));
  });

  it('keeps a failure with its browser error, its real status, or no response at all', () => {
    const missing = byCid(read.exchanges, 'missing-acao');
    expect(missing.outcome).toEqual({ state: 'failed', error: 'net::ERR_FAILED' });
    expect(missing.response?.status).toBe(200);
    const blockedByPreflight = byCid(read.exchanges, 'preflight-404');
    expect(blockedByPreflight.response).toBeUndefined();
    expect(blockedByPreflight.preflights[0]!.response?.status).toBe(404);
    expect(byCid(read.exchanges, 'refused').outcome).toEqual({ state: 'failed', error: 'net::ERR_CONNECTION_REFUSED' });
  });

  it('chains a redirect by redirectURL into one exchange with the hop and the final response', () => {
    const x = byCid(read.exchanges, 'redirect-taint');
    expect(x.url).toContain('redirect=third');
    expect(x.redirects).toHaveLength(1);
    expect(x.redirects[0]).toMatchObject({ response: { status: 302 }, location: expect.stringContaining('http://localhost:8082/cors') });
    expect(x.response?.status).toBe(200);
    expect(x.outcome.state).toBe('failed');
  });

  it('takes the initiator from Origin, else from the page, and the type from _resourceType', () => {
    const page = 'http://127.0.0.1:8080';
    expect(byCid(read.exchanges, 'simple-get')).toMatchObject({ initiator: page, type: 'xmlhttprequest', documentUrl: `${page}/gallery.html` });
    expect(byCid(read.exchanges, 'img-no-cors')).toMatchObject({ initiator: page, type: 'image' });
    expect(byCid(read.exchanges, 'redirect-taint').initiator).toBe(page);
    expect(read.exchanges[0]).toMatchObject({ url: `${page}/gallery.html`, type: 'main_frame', initiator: page });
  });
});

describe('readHar pairing and chaining without our ids', () => {
  it('pairs a preflight listed before its request (files reordered by start time)', () => {
    const url = `${API}/x`;
    const text = har([
      entry('OPTIONS', url, 0, { _resourceType: 'preflight', request: { ...entry('OPTIONS', url, 0).request, headers: [h('Access-Control-Request-Method', 'PUT')] } }),
      entry('PUT', url, 1),
    ]);
    const { exchanges, warnings } = readHar(text);
    expect(warnings).toEqual([]);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.preflights).toHaveLength(1);
  });

  it('recognises a preflight by its Access-Control-Request-Method header alone (no _resourceType)', () => {
    const url = `${API}/y`;
    const opt = entry('OPTIONS', url, 1);
    opt.request.headers = [h('Origin', PAGE), h('Access-Control-Request-Method', 'DELETE')];
    const { exchanges } = readHar(har([entry('DELETE', url, 0), opt], 'Firefox'));
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.preflights).toHaveLength(1);
    expect(exchanges[0]!.observer).toMatchObject({ browser: 'firefox', preflightsVisible: true });
  });

  it('gives each of two identical requests the preflight that followed it, not the other one', () => {
    const url = `${API}/twice`;
    const pre = (at: number) => {
      const e = entry('OPTIONS', url, at, { _resourceType: 'preflight' });
      e.request.headers = [h('Access-Control-Request-Method', 'PUT')];
      return e;
    };
    const { exchanges } = readHar(har([entry('PUT', url, 0), pre(1), entry('PUT', url, 50)]));
    expect(exchanges).toHaveLength(2);
    expect(exchanges[0]!.preflights).toHaveLength(1);
    expect(exchanges[1]!.preflights).toHaveLength(0);
  });

  it('warns about a preflight whose request is not in the file, and reads the rest', () => {
    const e = entry('OPTIONS', `${API}/orphan`, 0, { _resourceType: 'preflight' });
    e.request.headers = [h('Access-Control-Request-Method', 'PUT')];
    const { exchanges, warnings } = readHar(har([e, entry('GET', `${API}/ok`, 5)]));
    expect(exchanges).toHaveLength(1);
    expect(warnings).toEqual([`entry 0 skipped: preflight for PUT ${API}/orphan has no matching request in the file`]);
  });

  it('chains a relative Location and a 303 that turns POST into GET', () => {
    const first = entry('POST', `${API}/a/start`, 0);
    first.response = { ...first.response, status: 303, headers: [h('Location', '../b/next')] };
    const { exchanges } = readHar(har([first, entry('GET', `${API}/b/next`, 4)]));
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.redirects[0]!.location).toBe(`${API}/b/next`);
  });

  it('does not chain a later unrelated request to the same URL when the redirect was not followed', () => {
    const first = entry('GET', `${API}/start`, 0);
    first.response = { ...first.response, status: 302, redirectURL: `${API}/next` };
    (first.response as Record<string, unknown>)._error = 'net::ERR_FAILED';
    const { exchanges } = readHar(har([first, entry('GET', `${API}/next`, 4)]));
    expect(exchanges).toHaveLength(2);
    expect(exchanges[0]!.redirects).toHaveLength(1);
    expect(exchanges[0]!.response).toBeUndefined();
    expect(exchanges[0]!.outcome).toEqual({ state: 'failed', error: 'net::ERR_FAILED' });
  });

  it('reads a refused redirect known only by its Location header as a redirect hop with no final response', () => {
    const e = entry('GET', `${API}/start`, 0);
    e.response = { ...e.response, status: 302, headers: [h('Location', 'http://lab:secret@127.0.0.1:9/x')] };
    (e.response as Record<string, unknown>)._error = 'net::ERR_FAILED';
    const { exchanges } = readHar(har([e]));
    expect(exchanges[0]!.redirects).toEqual([expect.objectContaining({ url: `${API}/start`, location: 'http://lab:secret@127.0.0.1:9/x', followed: false })]);
    expect(exchanges[0]!.response).toBeUndefined();
  });

  it('reads Playwright\'s failure shape (status -1 and _failureText)', () => {
    const e = entry('GET', `${API}/pw`, 0);
    e.response = { ...e.response, status: -1, statusText: '' };
    (e.response as Record<string, unknown>)._failureText = 'net::ERR_FAILED';
    const { exchanges } = readHar(har([e], 'Playwright'));
    expect(exchanges[0]).toMatchObject({ outcome: { state: 'failed', error: 'net::ERR_FAILED' }, observer: { browser: 'unknown', preflightsVisible: false } });
    expect(exchanges[0]!.response).toBeUndefined();
  });

  it('reads _error: null (Chrome writes it for requests that did not fail) as no failure', () => {
    const e = entry('GET', `${API}/n`, 0);
    (e.response as Record<string, unknown>)._error = null;
    expect(readHar(har([e])).exchanges[0]!.outcome).toEqual({ state: 'completed', status: 200 });
  });
});

describe('readHar on bad input', () => {
  const kindOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      if (err instanceof HarReadError) return `${err.kind}: ${err.message}`;
      throw err;
    }
    return 'no error';
  };

  it('refuses malformed JSON with a sentence saying so', () => {
    expect(kindOf(() => readHar('{"log": {'))).toMatch(/^malformed-json: This file is not valid JSON, so it cannot be a HAR file \(.+\)\.$/);
  });

  it('refuses JSON that is not a HAR', () => {
    expect(kindOf(() => readHar('{"hello": 1}'))).toBe('not-har: This JSON file is not a HAR file: it has no "log.entries" list.');
    expect(kindOf(() => readHar('[1,2]'))).toMatch(/^not-har/);
    expect(kindOf(() => readHar('{"log": {"entries": {}}}'))).toMatch(/^not-har/);
  });

  it('refuses an empty file', () => {
    expect(kindOf(() => readHar('  \n'))).toBe('empty: The file is empty.');
  });

  it('refuses input over the size limit before parsing it, counting UTF-8 bytes', () => {
    expect(kindOf(() => readHar(har([entry('GET', `${API}/a`, 0)]), { maxBytes: 100 }))).toMatch(/^too-large: This file is \d+ bytes; the limit is 100 bytes\./);
    const wide = `{"log":{"entries":[]},"pad":"${'é'.repeat(40)}"}`;
    expect(wide.length).toBeLessThanOrEqual(80);
    expect(kindOf(() => readHar(wide, { maxBytes: 80 }))).toMatch(/^too-large/);
    expect(readHar(wide, { maxBytes: 200 }).exchanges).toEqual([]);
  });

  it('skips malformed entries with a warning each and keeps the good ones', () => {
    const good = entry('GET', `${API}/good`, 0);
    const noUrl = entry('GET', '', 1);
    const badDate = entry('GET', `${API}/d`, 2, { startedDateTime: 'yesterday' });
    const { exchanges, warnings } = readHar(har([42, good, { request: 'x' }, noUrl, badDate, null]));
    expect(exchanges.map((x) => x.url)).toEqual([`${API}/good`]);
    expect(warnings).toEqual([
      'entry 0 skipped: not an object',
      'entry 2 skipped: no request',
      'entry 3 skipped: request.url missing',
      `entry 4 (GET ${API}/d) skipped: startedDateTime is not a date`,
      'entry 5 skipped: not an object',
    ]);
  });

  it('accepts a byte-order mark and headers with missing values', () => {
    const e = entry('GET', `${API}/bom`, 0);
    e.request.headers = [{ name: 'Origin', value: undefined as unknown as string }, 7 as unknown as { name: string; value: string }];
    const { exchanges } = readHar(`\uFEFF${har([e])}`);
    expect(exchanges[0]!.requestHeaders).toEqual([h('Origin', '')]);
  });
});

describe('our report read back', () => {
  const cases: Record<string, Exchange> = {
    simple: exchange(),
    preflighted: exchange({ id: 'pf', method: 'PUT', preflights: [preflight()] }),
    redirected: exchange({
      id: 'rd',
      url: `${API}/start`,
      redirects: [hop(`${API}/start`, `${API}/next`, T0 + 10, { requestHeaders: [h('Origin', PAGE)] }), hop(`${API}/next`, `${API}/last`, T0 + 20, { requestHeaders: [h('Origin', PAGE)] })],
    }),
    'died on a redirect': exchange({
      id: 'dr',
      redirects: [hop(`${API}/items?page=2`, `${API}/elsewhere`, T0 + 10, { requestHeaders: [h('Origin', PAGE)] })],
      response: undefined,
      outcome: { state: 'failed', error: 'net::ERR_FAILED' },
    }),
    pending: exchange({ id: 'pd', response: undefined, outcome: { state: 'pending' }, timings: { start: T0 } }),
    'no extraHeaders': exchange({ id: 'ne', requestHeaders: [h('Accept', '*/*')], initiator: 'null', observer: { browser: 'chromium', preflightsVisible: false, fullRequestHeaders: false, source: 'webRequest' } }),
  };

  it.each(Object.entries(cases))('%s: same requests, hops, preflights, responses, outcome and observer', (name, x) => {
    const v = name === 'died on a redirect'
      ? verdict('blocked', { reasons: [{ ...reasonAt(0) }] })
      : verdict('simple');
    const text = JSON.stringify(buildHarReport([{ exchange: x, verdict: v }], { includeSensitive: true, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0' }));
    const { exchanges, warnings, ours } = readHar(text);
    expect(warnings).toEqual([]);
    expect(ours).toBe(true);
    expect(exchanges).toHaveLength(1);
    const y = exchanges[0]!;
    expect(y).toMatchObject({ id: x.id, method: x.method, url: x.url, type: x.type, initiator: x.initiator, requestHeaders: x.requestHeaders, outcome: x.outcome });
    expect(y.observer).toEqual({ ...x.observer, source: 'har' });
    expect(y.redirects.map((r) => [r.url, r.location, r.response.status, r.time])).toEqual(x.redirects.map((r) => [r.url, r.location, r.response.status, r.time]));
    expect(y.preflights.map((p) => [p.id, p.url, p.requestHeaders, p.response?.status, p.start])).toEqual(x.preflights.map((p) => [p.id, p.url, p.requestHeaders, p.response?.status, p.start]));
    expect(y.response?.status).toBe(x.response?.status);
    expect(y.response?.headers).toEqual(x.response?.headers);
    expect(y.timings.start).toBe(x.timings.start);
  });
});

function reasonAt(index: number) {
  return {
    code: 'MissingAllowOriginHeader' as const, firefox: null, mdn: null, header: null, received: null, expected: text(''), summary: text(''),
    step: { kind: 'redirect' as const, index }, chromeMessage: '', firefoxMessage: null,
  };
}
