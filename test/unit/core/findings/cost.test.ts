/** Preflight cost per endpoint and the preflight-not-cached finding built on it. */
import { describe, expect, it } from 'vitest';
import { preflightCost } from '../../../../src/core/findings';
import type { Exchange } from '../../../../src/core/model/exchange';
import { APP, API, en, entry, exchange, only } from './helpers';

const T0 = 1_700_000_000_000;

/** A PUT whose preflight started at `at` ms and took `ms`; Max-Age as given (undefined: absent). */
function put(id: string, at: number, ms: number, maxAge?: string, url = `${API}/items/1`): Exchange {
  const ex = exchange().id(id).method('PUT').from(APP).to(url)
    .preflight((p) => {
      p.acao(APP).acam('PUT').header('Vary', 'Origin');
      return maxAge === undefined ? p : p.header('Access-Control-Max-Age', maxAge);
    })
    .response((r) => r.acao(APP).header('Vary', 'Origin')).build();
  ex.preflights[0]!.start = T0 + at;
  ex.preflights[0]!.end = T0 + at + ms;
  return ex;
}

describe('preflightCost', () => {
  it('counts preflights, waiting time (median and total) and what a suitable Max-Age saves', () => {
    const list = [put('a', 0, 40), put('b', 1000, 10), put('c', 2000, 30), put('d', 3000, 20), put('e', 4000, 50)];
    const [cost] = preflightCost(list.map(entry));
    expect(cost).toMatchObject({
      endpoint: `${API}/items/1`,
      preflights: 5,
      exchangeIds: ['a', 'b', 'c', 'd', 'e'],
      waited: { totalMs: 150, medianMs: 30, timed: 5 },
      maxAge: { sent: null, browser: 'chromium', appliedSeconds: 5, treatment: 'default', cap: 7200 },
      suitableMaxAge: 600,
      saved: { preflights: 4, ms: 110 },
    });
  });

  it('says what the browser did with the Max-Age sent', () => {
    const cap = preflightCost([put('a', 0, 5, '86400')].map(entry))[0]!.maxAge;
    expect(cap).toMatchObject({ sent: '86400', appliedSeconds: 7200, treatment: 'capped' });
    const ff = preflightCost([put('a', 0, 5, '86400')].map(entry), { browser: 'firefox' })[0]!.maxAge;
    expect(ff).toMatchObject({ appliedSeconds: 86400, treatment: 'as-sent', cap: 86400, browser: 'firefox' });
    expect(preflightCost([put('a', 0, 5, '0')].map(entry))[0]!.maxAge.treatment).toBe('not-cached');
    expect(preflightCost([put('a', 0, 5, 'soon')].map(entry))[0]!.maxAge.treatment).toBe('default');
    expect(preflightCost([put('a', 0, 5, 'soon')].map(entry), { browser: 'firefox' })[0]!.maxAge.treatment).toBe('not-cached');
  });

  it('saves nothing when the Max-Age is already suitable or the URLs differ (the cache is per URL)', () => {
    const suitable = [put('a', 0, 10, '600'), put('b', 1000, 10, '600'), put('c', 2000, 10, '600')];
    expect(preflightCost(suitable.map(entry))[0]!.saved).toEqual({ preflights: 0, ms: 0 });
    const perUrl = [0, 1, 2].map((i) => put(`u${i}`, i * 1000, 10, undefined, `${API}/items/1?page=${i}`));
    expect(preflightCost(perUrl.map(entry))[0]!.saved.preflights).toBe(0);
  });

  it('leaves out requests that had no preflight and what CORS did not judge', () => {
    const simple = exchange().from(APP).to(`${API}/x`).response((r) => r.acao(APP)).build();
    const same = exchange().from(API).to(`${API}/x`).response().build();
    expect(preflightCost([simple, same].map(entry))).toEqual([]);
  });
});

describe('preflight-not-cached', () => {
  it('fires (low) with the count, the time and what Max-Age would save', () => {
    const list = [put('a', 0, 40), put('b', 1000, 10), put('c', 2000, 30), put('d', 3000, 20), put('e', 4000, 50)];
    const [f] = only(list, 'preflight-not-cached');
    expect(f?.severity).toBe('low');
    expect(f?.exchangeIds).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(en(f?.summary)).toBe(`${API}/items/1 was preflighted 5 times (150 ms of waiting) without Access-Control-Max-Age (the browser keeps a preflight 5 s by default); a Max-Age of 600 s would have saved 4 preflights (110 ms) on this page.`);
    expect(f?.evidence[0]).toMatchObject({ exchangeId: 'a', header: 'Access-Control-Max-Age', value: null, step: { kind: 'preflight', index: 0 } });
    expect(en(f?.fix)).toContain('Access-Control-Max-Age: 600');
  });

  it('fires on a tiny Max-Age, not on a suitable one, nor on preflights spread beyond it', () => {
    const tiny = only([put('a', 0, 5, '2'), put('b', 3000, 5, '2'), put('c', 6000, 5, '2')], 'preflight-not-cached');
    expect(tiny).toHaveLength(1);
    expect(en(tiny[0]?.summary)).toContain('with Access-Control-Max-Age: 2 (the browser keeps the preflight 2 s)');
    expect(only([put('a', 0, 5, '600'), put('b', 1000, 5, '600'), put('c', 2000, 5, '600')], 'preflight-not-cached')).toEqual([]);
    const hourly = [0, 1, 2, 3].map((i) => put(`h${i}`, i * 3_600_000, 5));
    expect(only(hourly, 'preflight-not-cached')).toEqual([]);
    expect(only([put('a', 0, 5), put('b', 1000, 5)], 'preflight-not-cached')).toEqual([]);
  });
});
