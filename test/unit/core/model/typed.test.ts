/**
 * `markTyped`: the classifier takes an exchange its maker marked as typed without walking it again. The
 * mark is safe for the capture's exchanges because `sanitize` returns each of them unchanged anyway
 * (checked here over random webRequest sequences run through the real capture and correlator), and
 * it is on one object only: a copy is sanitised like any other input.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markTyped, sanitize } from '../../../../src/core/model/sanitize';
import { classify } from '../../../../src/core/classify/classify';
import type { Exchange } from '../../../../src/core/model/exchange';
import { createCapture } from '../../../../src/background/capture/listeners';
import { observerFor } from '../../../../src/background/chrome-apis';
import { Correlator } from '../../../../src/background/correlate/correlator';
import { FakeWebRequest, Traffic, type HeaderList } from '../../../support/fake-web-request';
import { exchange, API, PAGE } from '../../../support/builder';

const URLS = ['https://api.example.net/a', 'http://127.0.0.1:4002/b?x=1', 'https://cdn.example.org/f.woff2', 'data:text/plain,x', 'https://u:p@api.example.net/c'];
const name = fc.constantFrom('Origin', 'access-control-allow-origin', 'Access-Control-Allow-Credentials', 'Sec-Fetch-Mode', 'Cookie', 'Content-Type', 'location', 'X-Custom', '');
const list: fc.Arbitrary<HeaderList> = fc.array(fc.tuple(name, fc.string({ maxLength: 12 })), { maxLength: 6 });
const step = fc.oneof(
  fc.record({ kind: fc.constant('sent' as const), headers: list }),
  fc.record({ kind: fc.constant('received' as const), status: fc.constantFrom(200, 204, 302, 404, 0), headers: list }),
  fc.record({ kind: fc.constant('redirected' as const), to: fc.constantFrom(...URLS) }),
  fc.record({ kind: fc.constant('started' as const), status: fc.constantFrom(200, 304) }),
  fc.record({ kind: fc.constant('end' as const), error: fc.option(fc.constantFrom('net::ERR_FAILED', 'net::ERR_ABORTED', 'NS_ERROR_DOM_BAD_URI'), { nil: null }) }),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'PUT', 'OPTIONS', 'patch'),
  url: fc.constantFrom(...URLS),
  type: fc.constantFrom('xmlhttprequest' as const, 'font' as const, 'image' as const, 'main_frame' as const),
  steps: fc.array(step, { maxLength: 6 }),
});

/** The exchanges the capture makes of these requests, ended or not. */
type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;

function capture(browser: 'chromium' | 'firefox', requests: Request[]): Exchange[] {
  const wr = new FakeWebRequest({ browser });
  const correlator = new Correlator(observerFor(wr));
  createCapture(wr, (e) => correlator.apply(e)).start();
  const t = new Traffic(wr, { tabId: 1, frameId: 0, type: 'xmlhttprequest', initiator: PAGE });
  requests.forEach((r, i) => {
    const id = String(i);
    let url = r.url;
    const ctx = { type: r.type };
    t.request(id, url, r.method, ctx);
    for (const s of r.steps) {
      if (s.kind === 'sent') t.sent(id, url, s.headers, r.method, ctx);
      else if (s.kind === 'received') t.received(id, url, s.status, s.headers, r.method, ctx);
      else if (s.kind === 'redirected') {
        t.redirected(id, url, 302, s.to, r.method, ctx);
        url = s.to;
      } else if (s.kind === 'started') t.started(id, url, s.status, r.method, ctx);
      else if (s.error === null) t.completed(id, url, 200, r.method, ctx);
      else t.failed(id, url, s.error, r.method, ctx);
    }
  });
  correlator.flushOrphans();
  return correlator.drain().ended.map((e) => e.ex);
}

describe('exchanges marked as typed', () => {
  it.each(['chromium', 'firefox'] as const)('the capture (%s) makes only exchanges sanitize returns unchanged', (browser) => {
    let seen = 0;
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 8 }), (requests) => {
        for (const ex of capture(browser, requests)) {
          seen++;
          expect(sanitize(ex)).toBe(ex);
          expect(sanitize(structuredClone(ex))).toEqual(ex);
        }
      }),
      { numRuns: 150 },
    );
    expect(seen).toBeGreaterThan(100);
  });

  it('are taken as they are, and give the verdict an unmarked copy gets', () => {
    const ex = exchange().method('PUT').to(`${API}/items`).preflight((p) => p.acao(PAGE).acam('PUT')).response((r) => r.acao(PAGE)).build();
    const copy = structuredClone(ex);
    expect(markTyped(ex)).toBe(ex);
    expect(sanitize(ex)).toBe(ex);
    expect(classify(ex)).toEqual(classify(copy));
  });

  it('leave a copy to be sanitised like any other input', () => {
    const ex = markTyped(exchange().to(`${API}/x`).response((r) => r.acao(PAGE)).build());
    const broken = { ...ex, requestHeaders: [{ name: 'Origin', value: 7 }] } as unknown as Exchange;
    const clean = sanitize(broken);
    expect(clean).not.toBe(broken);
    expect(clean.requestHeaders).toEqual([{ name: 'Origin', value: '7' }]);
  });
});
