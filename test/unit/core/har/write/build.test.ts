import { describe, expect, it } from 'vitest';
import { buildHarReport, REDACTED, type HarEntry } from '../../../../../src/core/har';
import { API, PAGE, T0, exchange, h, hop, preflight, reason, response, text, verdict } from '../builders';
import { harErrors } from '../schema';

const OPTS = { includeSensitive: false, browser: { name: 'Chromium', version: '156.0.7500.1' }, extensionVersion: '0.1.0', now: new Date(T0 + 60_000) };

const blockedPut = () => ({
  exchange: exchange({
    id: 'x2',
    method: 'PUT',
    requestHeaders: [h('Origin', PAGE), h('X-Trace', '1'), h('Cookie', 'sid=secret'), h('Authorization', 'Bearer abc')],
    preflights: [preflight({ response: response(204, [h('Access-Control-Allow-Methods', 'PUT')], T0 + 10) })],
    response: undefined,
    outcome: { state: 'failed', error: 'net::ERR_FAILED' },
  }),
  verdict: verdict('blocked', {
    reasons: [reason('PreflightMissingAllowOriginHeader', { step: { kind: 'preflight', index: 0 } })],
    preflight: { required: true, why: [], observed: true, cached: false },
    credentials: { mode: 'include', basis: text('a Cookie header was sent') },
  }),
  pageId: 'page-1',
  seq: 2,
});

describe('buildHarReport', () => {
  it('writes a schema-valid HAR 1.2 log saying which browser and extension made it', () => {
    const har = buildHarReport([{ exchange: exchange(), verdict: verdict('simple'), pageId: 'page-1', seq: 1 }, blockedPut()], {
      ...OPTS, pages: [{ pageId: 'page-1', url: `${PAGE}/index.html`, startedAt: T0 - 500 }],
    });
    expect(harErrors(har)).toEqual([]);
    expect(har.log.creator).toEqual({ name: 'CORS Lens', version: '0.1.0' });
    expect(har.log.browser).toEqual({ name: 'Chromium', version: '156.0.7500.1' });
    expect(har.log._corsLens).toMatchObject({
      formatVersion: 1, extensionVersion: '0.1.0', generatedAt: new Date(T0 + 60_000).toISOString(), sensitiveIncluded: false, exchanges: 2,
    });
    expect(har.log._corsLens.counts.blocked).toBe(1);
    expect(har.log._corsLens.counts.simple).toBe(1);
    expect(har.log.pages).toEqual([{ startedDateTime: new Date(T0 - 500).toISOString(), id: 'page-1', title: `${PAGE}/index.html`, pageTimings: { onContentLoad: -1, onLoad: -1 } }]);
    expect(har.log.entries.every((e) => e.pageref === 'page-1')).toBe(true);
  });

  it('the schema itself rejects what HAR 1.2 forbids (so a pass means something)', () => {
    const har = buildHarReport([{ exchange: exchange(), verdict: verdict('simple') }], OPTS);
    const broken = structuredClone(har) as unknown as { log: { entries: Record<string, unknown>[] } };
    delete (broken.log.entries[0]!.request as Record<string, unknown>).headersSize;
    broken.log.entries[0]!.custom = 1;
    (broken.log.entries[0]!.timings as Record<string, unknown>).wait = -1;
    expect(harErrors(broken)).toEqual(expect.arrayContaining([
      expect.stringContaining("must have required property 'headersSize'"),
      expect.stringContaining('must NOT have additional properties'),
      expect.stringContaining('/timings/wait must be >= 0'),
    ]));
  });

  it('writes one entry per preflight and per request, the preflight linked both ways as Chrome links it', () => {
    const har = buildHarReport([blockedPut()], OPTS);
    const [req, pre] = har.log.entries as [HarEntry, HarEntry];
    expect(har.log.entries).toHaveLength(2);
    expect(req.request.method).toBe('PUT');
    expect(pre.request.method).toBe('OPTIONS');
    expect(pre._resourceType).toBe('preflight');
    expect(pre._initiator).toEqual({ type: 'preflight', url: `${API}/items?page=2`, requestId: 'x2' });
    expect(pre._cors).toMatchObject({ id: 'p1', role: 'preflight', step: 'preflight', preflightOf: 'x2', verdict: 'blocked' });
    expect(req._cors).toMatchObject({ id: 'x2', role: 'request', step: 'response', hop: 0, preflight: { id: 'p1', cached: false }, credentials: 'include' });
    expect(req._resourceType).toBe('fetch');
    expect(req.response).toMatchObject({ status: 0, _error: 'net::ERR_FAILED' });
    expect(pre.response.status).toBe(204);
    expect(pre.response._error).toBeUndefined();
  });

  it('puts the reasons with their Chromium code, Firefox key and MDN page on every entry of the exchange', () => {
    const har = buildHarReport([blockedPut()], OPTS);
    for (const e of har.log.entries) {
      expect(e._cors.reasons).toEqual([{
        code: 'PreflightMissingAllowOriginHeader',
        firefox: 'CORSMissingAllowOrigin2',
        mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin',
        header: 'Access-Control-Allow-Origin',
        received: null,
        expected: `Access-Control-Allow-Origin: ${PAGE}`,
        summary: 'The response has no Access-Control-Allow-Origin header.',
      }]);
    }
  });

  it('gives a preflight without a capture id a derived id the request entry points at', () => {
    const entry = blockedPut();
    entry.exchange.preflights = [preflight({ id: undefined })];
    const har = buildHarReport([entry], OPTS);
    const pre = har.log.entries.find((e) => e._cors.role === 'preflight')!;
    const req = har.log.entries.find((e) => e._cors.role === 'request')!;
    expect(pre._cors.id).toBe('x2:preflight:0');
    expect(req._cors.preflight?.id).toBe('x2:preflight:0');
  });

  it('marks a preflight answered by the cache on the request entry', () => {
    const har = buildHarReport([{ exchange: exchange({ method: 'PUT' }), verdict: verdict('preflighted', { preflight: { required: true, why: [], observed: false, cached: true } }) }], OPTS);
    expect(har.log.entries).toHaveLength(1);
    expect(har.log.entries[0]!._cors.preflight).toEqual({ cached: true });
  });

  it('writes each redirect hop as its own entry, chained by redirectURL, with the real statuses', () => {
    const third = 'http://third.test:7070/final';
    const x = exchange({
      url: `${API}/start`,
      redirects: [hop(`${API}/start`, third, T0 + 20)],
      response: response(200, [h('Access-Control-Allow-Origin', 'null')], T0 + 35),
      timings: { start: T0, end: T0 + 40 },
    });
    const har = buildHarReport([{ exchange: x, verdict: verdict('simple', { tainted: true, origin: 'null' }) }], OPTS);
    expect(harErrors(har)).toEqual([]);
    const [first, second] = har.log.entries as [HarEntry, HarEntry];
    expect(first.request.url).toBe(`${API}/start`);
    expect(first.response).toMatchObject({ status: 302, redirectURL: third });
    expect(first._cors).toMatchObject({ step: 'redirect', hop: 0, id: 'x1' });
    expect(second.request.url).toBe(third);
    expect(second.response.status).toBe(200);
    expect(second._cors).toMatchObject({ step: 'response', hop: 1, id: 'x1', origin: 'null' });
    expect(first.startedDateTime).toBe(new Date(T0).toISOString());
    expect(second.startedDateTime).toBe(new Date(T0 + 20).toISOString());
    expect(first.time).toBe(20);
    expect(second.time).toBe(20);
  });

  it('ends the chain on a redirect hop that failed the CORS check (no request to its Location)', () => {
    const x = exchange({
      url: `${API}/start`,
      redirects: [hop(`${API}/start`, `${API}/next`, T0 + 20)],
      response: undefined,
      outcome: { state: 'failed', error: 'net::ERR_FAILED' },
    });
    const v = verdict('blocked', { reasons: [reason('MissingAllowOriginHeader', { step: { kind: 'redirect', index: 0 } })] });
    const har = buildHarReport([{ exchange: x, verdict: v }], OPTS);
    expect(har.log.entries).toHaveLength(1);
    expect(har.log.entries[0]!.response).toMatchObject({ status: 302, redirectURL: `${API}/next`, _error: 'net::ERR_FAILED' });
    expect(har.log.entries[0]!._cors.step).toBe('redirect');
  });

  it('orders entries by start time across exchanges, each preflight after the request it was sent for', () => {
    const late = { exchange: exchange({ id: 'late', timings: { start: T0 + 100, end: T0 + 150 }, response: response(200, [], T0 + 140) }), verdict: verdict('simple'), seq: 1 };
    const har = buildHarReport([late, blockedPut()], OPTS);
    expect(har.log.entries.map((e) => `${e._cors.id}:${e._cors.step}`)).toEqual(['x2:response', 'p1:preflight', 'late:response']);
    const times = har.log.entries.map((e) => Date.parse(e.startedDateTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('never writes negative timings, even from out-of-order clocks', () => {
    const x = exchange({ timings: { start: T0 + 50, end: T0 + 10 }, response: response(200, [], T0 + 90) });
    const har = buildHarReport([{ exchange: x, verdict: verdict('simple') }], OPTS);
    expect(harErrors(har)).toEqual([]);
    const t = har.log.entries[0]!.timings;
    expect(Math.min(t.send, t.wait, t.receive, har.log.entries[0]!.time)).toBeGreaterThanOrEqual(0);
  });

  it('writes the query string, the server address, the cache flag and the MIME type', () => {
    const x = exchange({ response: { status: 200, headers: [h('Content-Type', 'application/json; charset=utf-8')], ip: '127.0.0.1', fromCache: true } });
    const e = buildHarReport([{ exchange: x, verdict: verdict('simple') }], OPTS).log.entries[0]!;
    expect(e.request.queryString).toEqual([{ name: 'page', value: '2' }]);
    expect(e.serverIPAddress).toBe('127.0.0.1');
    expect(e._fromCache).toBe('disk');
    expect(e.response.content.mimeType).toBe('application/json; charset=utf-8');
  });

  it('describes pages it was not told about from the exchanges themselves', () => {
    const har = buildHarReport([{ exchange: exchange(), verdict: verdict('simple'), pageId: 'p-unknown' }], OPTS);
    expect(har.log.pages).toEqual([expect.objectContaining({ id: 'p-unknown', title: `${PAGE}/index.html` })]);
    expect(harErrors(har)).toEqual([]);
  });

  it('writes an empty but valid log when nothing was captured', () => {
    const har = buildHarReport([], OPTS);
    expect(harErrors(har)).toEqual([]);
    expect(har.log.entries).toEqual([]);
    expect(har.log._corsLens.exchanges).toBe(0);
  });
});

describe('redaction', () => {
  const secretResponse = response(200, [h('Set-Cookie', 'sid=s3cret; Path=/; HttpOnly'), h('Access-Control-Allow-Origin', PAGE)], T0 + 30);
  const x = exchange({
    requestHeaders: [h('Origin', PAGE), h('Cookie', 'sid=s3cret; theme=dark'), h('authorization', 'Bearer t0ken'), h('Proxy-Authorization', 'Basic cHJveHk=')],
    response: secretResponse,
  });

  it('replaces Cookie, Set-Cookie, Authorization and Proxy-Authorization values, keeps the headers, empties cookie lists', () => {
    const har = buildHarReport([{ exchange: x, verdict: verdict('simple') }], OPTS);
    const text = JSON.stringify(har);
    for (const secret of ['s3cret', 't0ken', 'cHJveHk=', 'theme=dark']) expect(text).not.toContain(secret);
    const e = har.log.entries[0]!;
    expect(e.request.headers).toEqual([h('Origin', PAGE), h('Cookie', REDACTED), h('authorization', REDACTED), h('Proxy-Authorization', REDACTED)]);
    expect(e.response.headers).toEqual([h('Set-Cookie', REDACTED), h('Access-Control-Allow-Origin', PAGE)]);
    expect(e.request.cookies).toEqual([]);
    expect(e.response.cookies).toEqual([]);
    expect(har.log._corsLens.redactedHeaders).toEqual(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);
  });

  it('redacts preflight and redirect hop headers too', () => {
    const y = exchange({
      redirects: [hop(`${API}/a`, `${API}/b`, T0 + 5, { requestHeaders: [h('Cookie', 'hop=s3cret')], response: response(302, [h('Set-Cookie', 'k=s3cret'), h('Location', `${API}/b`)]) })],
      preflights: [preflight({ requestHeaders: [h('Authorization', 'Bearer s3cret')] })],
    });
    const text = JSON.stringify(buildHarReport([{ exchange: y, verdict: verdict('preflighted') }], OPTS));
    expect(text).not.toContain('s3cret');
  });

  it('keeps the values and fills the cookie lists when the user opts in', () => {
    const har = buildHarReport([{ exchange: x, verdict: verdict('simple') }], { ...OPTS, includeSensitive: true });
    const e = har.log.entries[0]!;
    expect(e.request.headers).toContainEqual(h('Cookie', 'sid=s3cret; theme=dark'));
    expect(e.request.cookies).toEqual([{ name: 'sid', value: 's3cret' }, { name: 'theme', value: 'dark' }]);
    expect(e.response.cookies).toEqual([{ name: 'sid', value: 's3cret', path: '/', httpOnly: true }]);
    expect(har.log._corsLens).toMatchObject({ sensitiveIncluded: true, redactedHeaders: [] });
    expect(harErrors(har)).toEqual([]);
  });
});
