/**
 * Chromium's cache-aware font loading (FontFace, @font-face), as seen in Chromium 156: a first request
 * that only looks in the HTTP cache (onBeforeRequest, onSendHeaders, onErrorOccurred
 * net::ERR_CACHE_MISS, nothing sent to the server), then the real request under a new requestId.
 * DevTools shows one request: so must we, with the real request's outcome.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { API, APP, harness } from '../harness';

const font = { type: 'font' };
const url = `${API}/fonts/a.woff2`;
const sent: [string, string][] = [['Origin', APP], ['Sec-Fetch-Mode', 'cors'], ['Sec-Fetch-Dest', 'font']];

function probe(h: ReturnType<typeof harness>, id: string, u = url) {
  h.t.request(id, u, 'GET', font).sent(id, u, sent, 'GET', font).failed(id, u, 'net::ERR_CACHE_MISS', 'GET', font);
}

describe('font cache probe (net::ERR_CACHE_MISS) then the real request', () => {
  it('a font without ACAO: one exchange, blocked MissingAllowOriginHeader, no network error', async () => {
    const h = harness({ classify });
    probe(h, '14');
    h.t.request('15', url, 'GET', font).sent('15', url, sent, 'GET', font)
      .received('15', url, 200, [['Content-Type', 'font/woff2']], 'GET', font).failed('15', url, 'net::ERR_FAILED', 'GET', font);
    await h.session.settle();
    const all = [...h.entries().values()];
    expect(all).toHaveLength(1);
    expect(all[0]!.exchange).toMatchObject({ type: 'font', url, outcome: { state: 'failed', error: 'net::ERR_FAILED' }, response: { status: 200 } });
    expect(all[0]!.verdict).toMatchObject({ kind: 'blocked', reasons: [{ code: 'MissingAllowOriginHeader' }] });
    const summary = h.session.store.summary(7);
    expect(summary.counts['network-error']).toBe(0);
    expect(summary.counts.blocked).toBe(1);
  });

  it('a font with ACAO: one exchange, simple', async () => {
    const h = harness({ classify });
    probe(h, '12');
    h.t.request('13', url, 'GET', font).sent('13', url, sent, 'GET', font)
      .received('13', url, 200, [['Access-Control-Allow-Origin', APP]], 'GET', font).started('13', url, 200, 'GET', font).completed('13', url, 200, 'GET', font);
    await h.session.settle();
    const all = [...h.entries().values()];
    expect(all.map((e) => e.verdict.kind)).toEqual(['simple']);
    expect(all[0]!.exchange.outcome).toEqual({ state: 'completed', status: 200 });
  });

  it('the probe shown as pending before the retry becomes the real exchange (no second row)', async () => {
    const h = harness({ classify });
    h.t.request('20', url, 'GET', font).sent('20', url, sent, 'GET', font);
    await h.session.settle();
    expect([...h.entries().values()].map((e) => e.verdict.kind)).toEqual(['pending']);
    h.t.failed('20', url, 'net::ERR_CACHE_MISS', 'GET', font);
    await h.session.settle();
    expect([...h.entries().values()].map((e) => e.verdict.kind)).toEqual(['pending']);
    h.t.request('21', url, 'GET', font).sent('21', url, sent, 'GET', font)
      .received('21', url, 200, [['Access-Control-Allow-Origin', APP]], 'GET', font).completed('21', url, 200, 'GET', font);
    await h.session.settle();
    expect([...h.entries().values()].map((e) => e.verdict.kind)).toEqual(['simple']);
    expect(h.session.store.summary(7).total).toBe(1);
  });

  it('two fonts probed at once each get their own real request', async () => {
    const h = harness({ classify });
    const other = `${API}/fonts/b.woff2`;
    probe(h, '1');
    probe(h, '2', other);
    h.t.request('4', other, 'GET', font).sent('4', other, sent, 'GET', font).received('4', other, 200, [], 'GET', font).failed('4', other, 'net::ERR_FAILED', 'GET', font);
    h.t.request('3', url, 'GET', font).sent('3', url, sent, 'GET', font)
      .received('3', url, 200, [['Access-Control-Allow-Origin', APP]], 'GET', font).completed('3', url, 200, 'GET', font);
    await h.session.settle();
    const byUrl = new Map([...h.entries().values()].map((e) => [e.exchange.url, e.verdict.kind]));
    expect(byUrl).toEqual(new Map([[url, 'simple'], [other, 'blocked']]));
    expect(h.session.store.summary(7).total).toBe(2);
  });

  it('ERR_CACHE_MISS on anything but a font stays what it is (an error the page saw)', async () => {
    const h = harness({ classify });
    h.t.request('1', url).sent('1', url, sent).failed('1', url, 'net::ERR_CACHE_MISS');
    await h.session.settle();
    expect(h.entry('1').exchange.outcome).toEqual({ state: 'failed', error: 'net::ERR_CACHE_MISS' });
  });

  it('a closed tab forgets a probe waiting for its retry', async () => {
    const h = harness({ classify });
    probe(h, '1');
    await h.session.settle();
    h.session.push({ kind: 'tab-removed', tabId: 7 });
    await h.session.settle();
    h.t.request('2', url, 'GET', font).sent('2', url, sent, 'GET', font)
      .received('2', url, 200, [['Access-Control-Allow-Origin', APP]], 'GET', font).completed('2', url, 200, 'GET', font);
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['2']);
  });
});

describe('font cache probes, bounds and repeats', () => {
  it('the same font loaded twice at once: two probes, two real requests, two exchanges', async () => {
    const h = harness({ classify });
    probe(h, '1');
    probe(h, '2');
    for (const id of ['3', '4']) {
      h.t.request(id, url, 'GET', font).sent(id, url, sent, 'GET', font)
        .received(id, url, 200, [['Access-Control-Allow-Origin', APP]], 'GET', font).completed(id, url, 200, 'GET', font);
    }
    await h.session.settle();
    // (A probe's own onBeforeRequest cannot be told from a real load's: ids may pair either way.)
    expect([...h.entries().values()].map((e) => e.verdict.kind)).toEqual(['simple', 'simple']);
    expect(h.session.store.summary(7).total).toBe(2);
  });

  it('past the bound, the oldest waiting probe ends as the error it was', async () => {
    const { MAX_WAITING_PROBES } = await import('../../../../src/background/correlate/cache-probe');
    const h = harness({ classify });
    for (let i = 0; i <= MAX_WAITING_PROBES; i++) probe(h, `p${i}`, `${API}/fonts/${i}.woff2`);
    await h.session.settle();
    expect(h.entry('p0').exchange.outcome).toEqual({ state: 'failed', error: 'net::ERR_CACHE_MISS' });
    expect(h.entry('p1').verdict.kind).toBe('pending');
  });
});
