/**
 * attachCorsLens over a fake DevTools protocol session: the events Chromium sends for a request blocked for a
 * missing Access-Control-Allow-Origin, one that passes, one still in flight; and a browser without the protocol.
 * The real-browser proof on every lab case is test/e2e/playwright-helper.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { attachCorsLens, type PageLike } from '../../../src/playwright';

type Listener = (params: Record<string, unknown>) => void;

class FakeSession {
  readonly sent: string[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  async send(method: string): Promise<unknown> {
    this.sent.push(method);
    return {};
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  async detach(): Promise<void> {}
  emit(event: string, params: Record<string, unknown>): void {
    for (const l of this.listeners.get(event) ?? []) l(params);
  }
}

const APP = 'http://app.test';
const pageWith = (session: FakeSession): PageLike => ({ context: () => ({ newCDPSession: async () => session }), url: () => `${APP}/` });

/** A cross-origin GET's first events: announced, then its raw request headers (Origin included). */
function start(s: FakeSession, id: string, url: string): void {
  s.emit('Network.requestWillBeSent', { requestId: id, request: { url, method: 'GET', headers: {} }, type: 'Fetch', initiator: { type: 'script' }, wallTime: 1000, timestamp: 1 });
  s.emit('Network.requestWillBeSentExtraInfo', { requestId: id, headers: { Host: new URL(url).host, Origin: APP, 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Site': 'cross-site' } });
}

function blocked(s: FakeSession, id: string, url: string): void {
  start(s, id, url);
  s.emit('Network.responseReceivedExtraInfo', { requestId: id, statusCode: 200, headers: { 'Content-Type': 'text/plain' } });
  s.emit('Network.loadingFailed', { requestId: id, timestamp: 1.01, type: 'Fetch', errorText: 'net::ERR_FAILED', corsErrorStatus: { corsError: 'MissingAllowOriginHeader', failedParameter: '' } });
}

function passed(s: FakeSession, id: string): void {
  s.emit('Network.responseReceived', { requestId: id, type: 'Fetch', timestamp: 1.01, response: { status: 200, statusText: 'OK', headers: { 'Access-Control-Allow-Origin': APP }, mimeType: 'text/plain' } });
  s.emit('Network.loadingFinished', { requestId: id, timestamp: 1.02 });
}

describe('attachCorsLens (fake protocol session)', () => {
  it('enables the Network domain and follows workers and frames', async () => {
    const s = new FakeSession();
    await attachCorsLens(pageWith(s));
    expect(s.sent).toEqual(['Network.enable', 'Target.setAutoAttach']);
  });

  it('judges a request blocked for a missing Allow-Origin with the core, and fails expectNoCorsErrors with its URL, code, explanation and fix', async () => {
    const s = new FakeSession();
    const lens = await attachCorsLens(pageWith(s));
    blocked(s, '1', 'http://api.test/data');
    const [v] = await lens.verdicts();
    expect(v).toMatchObject({ url: 'http://api.test/data', method: 'GET', kind: 'blocked', code: 'MissingAllowOriginHeader', chromiumCode: 'MissingAllowOriginHeader' });
    expect(v!.exchange.requestHeaders).toContainEqual({ name: 'Origin', value: APP });
    expect(v!.evidence[0]).toMatchObject({ step: 'response', header: 'Access-Control-Allow-Origin', received: null });
    expect(v!.fix.steps.flatMap((x) => x.headers)).toContain(`Access-Control-Allow-Origin: ${APP}`);
    const message = await lens.expectNoCorsErrors().then(() => '', (e: unknown) => (e as Error).message);
    expect(message.split('\n').slice(0, 5)).toEqual([
      'CORS Lens: 1 request was blocked by CORS.', '', '1. GET http://api.test/data', '   Code: MissingAllowOriginHeader', `   ${v!.headline}`,
    ]);
    expect(message).toContain(`   Why: ${v!.explanation}\n   Received: no Access-Control-Allow-Origin header\n`);
    expect(message).toContain(`   Fix: ${v!.fix.summary}\n     Actual response for http://api.test/data\n`);
    expect(message).toContain(`       Access-Control-Allow-Origin: ${APP}\n`);
    const fr = await lens.expectNoCorsErrors({ lang: 'fr' }).then(() => '', (e: unknown) => (e as Error).message);
    expect(fr.split('\n')[0]).toBe('CORS Lens\u00a0: 1 requête a été bloquée par CORS.');
    expect(fr).toContain('Reçu\u00a0: aucun en-tête Access-Control-Allow-Origin');
  });

  it('says in the reader\'s language what lens.waitFor still awaited when its condition is not met in time', async () => {
    const s = new FakeSession();
    const lens = await attachCorsLens(pageWith(s));
    start(s, '3', 'http://api.test/slow');
    const en = await lens.waitFor(() => true, { timeoutMs: 5 }).then(() => '', (e: unknown) => (e as Error).message);
    expect(en).toBe('lens.waitFor: the condition was not met within 5 ms. Still awaited: 1 undecided [GET http://api.test/slow]; 0 owed ExtraInfo [].');
    const fr = await lens.waitFor(() => true, { timeoutMs: 5, lang: 'fr' }).then(() => '', (e: unknown) => (e as Error).message);
    expect(fr).toMatch(/^lens\.waitFor\u00a0: la condition n’est pas remplie au bout de 5\u00a0ms\. Encore attendu\u00a0: 1 undecided \[GET http:\/\/api\.test\/slow\]/);
  });

  it('rejects lens.waitFor with the condition\'s own error when the condition throws, at once or on a later event', async () => {
    const s = new FakeSession();
    const lens = await attachCorsLens(pageWith(s));
    const bug = new TypeError('the condition read a missing verdict');
    await expect(lens.waitFor(() => { throw bug; }, { timeoutMs: 60_000 })).rejects.toBe(bug);
    // A condition that throws only once a request is decided: the event that ran it goes on, the wait fails with it.
    start(s, '4', 'http://api.test/later');
    const later = lens.waitFor((v) => { if (v.length > 0) throw bug; return false; }, { timeoutMs: 60_000 });
    passed(s, '4');
    await expect(later).rejects.toBe(bug);
    expect((await lens.verdicts()).map((v) => v.kind)).toEqual(['simple']);
  });

  it('waits for a request in flight to be decided before judging, and passes expectNoCorsErrors when it passes', async () => {
    const s = new FakeSession();
    const lens = await attachCorsLens(pageWith(s));
    start(s, '2', 'http://api.test/ok');
    let judged = false;
    const verdicts = lens.verdicts().then((v) => {
      judged = true;
      return v;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(judged).toBe(false);
    passed(s, '2');
    expect((await verdicts).map((v) => [v.kind, v.code, v.chromiumCode])).toEqual([['simple', null, null]]);
    await expect(lens.expectNoCorsErrors()).resolves.toBeUndefined();
  });

  it('stops waiting for the raw headers of a request whose frame went away', async () => {
    const s = new FakeSession();
    const lens = await attachCorsLens(pageWith(s));
    s.emit('Target.attachedToTarget', { sessionId: 'S1', targetInfo: { targetId: 'T1', type: 'iframe' }, waitingForDebugger: false });
    const fromFrame = (method: string, params: Record<string, unknown>) =>
      s.emit('Target.receivedMessageFromTarget', { sessionId: 'S1', message: JSON.stringify({ method, params }) });
    fromFrame('Network.requestWillBeSent', { requestId: '9', request: { url: 'http://api.test/f', method: 'GET', headers: {} }, type: 'Fetch', initiator: { type: 'script' }, wallTime: 1000, timestamp: 1 });
    fromFrame('Network.responseReceived', { requestId: '9', type: 'Fetch', timestamp: 1.01, hasExtraInfo: true, response: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } });
    fromFrame('Network.loadingFinished', { requestId: '9', timestamp: 1.02 });
    let judged = false;
    const verdicts = lens.verdicts().then((v) => {
      judged = true;
      return v;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(judged, 'still waiting for the promised raw headers').toBe(false);
    s.emit('Target.detachedFromTarget', { sessionId: 'S1' });
    expect((await verdicts).map((v) => v.url)).toEqual(['http://api.test/f']);
  });

  it('judges what is still in flight as pending once the settle time is over', async () => {
    const s = new FakeSession();
    const lens = await attachCorsLens(pageWith(s));
    start(s, '3', 'http://api.test/slow');
    expect((await lens.verdicts({ settleTimeoutMs: 0 })).map((v) => v.kind)).toEqual(['pending']);
  });

  it('says clearly that it needs Chromium when the browser has no DevTools protocol session', async () => {
    const refusing: PageLike = { context: () => ({ newCDPSession: () => Promise.reject(new Error('CDP session is only available in Chromium')) }), url: () => APP };
    await expect(attachCorsLens(refusing)).rejects.toThrow('attachCorsLens needs a Chromium page: the DevTools protocol is not available here (CDP session is only available in Chromium).');
    await expect(attachCorsLens(refusing, { lang: 'fr' })).rejects.toThrow('attachCorsLens nécessite une page Chromium\u00a0:');
  });
});
