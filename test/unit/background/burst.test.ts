/** 2,000 requests through the fake webRequest: every one recorded and classified exactly once. */
import { describe, expect, it } from 'vitest';
import { API, APP, harness, TAB } from './harness';

describe('burst', () => {
  it('2,000 interleaved requests (a third preflighted) are all recorded and classified once', async () => {
    const h = harness();
    await h.session.start();
    const n = 2000;
    const url = (i: number) => `${API}/burst/${i % 40}`;
    const ids = Array.from({ length: n }, (_, i) => String(i));
    // Start everything, then answer in a shuffled-but-deterministic order, with preflights for i % 3 === 0.
    for (const id of ids) {
      const i = Number(id);
      h.t.request(id, url(i), i % 3 === 0 ? 'PUT' : 'GET');
    }
    for (const id of ids) {
      const i = Number(id);
      if (i % 3 !== 0) continue;
      const p = `p${id}`;
      h.t.request(p, url(i), 'OPTIONS').sent(p, url(i), [['Access-Control-Request-Method', 'PUT'], ['Origin', APP]], 'OPTIONS')
        .received(p, url(i), 204, [['Access-Control-Allow-Origin', APP], ['Access-Control-Allow-Methods', 'PUT']], 'OPTIONS')
        .completed(p, url(i), 204, 'OPTIONS');
      h.t.sent(id, url(i), [['Origin', APP]], 'PUT');
    }
    await h.session.settle(); // a flush in the middle of the burst
    for (let k = 0; k < n; k++) {
      const i = (k * 7919) % n;
      const id = String(i);
      const method = i % 3 === 0 ? 'PUT' : 'GET';
      if (i % 3 !== 0) h.t.sent(id, url(i), [['Origin', APP]], method);
      h.t.received(id, url(i), 200, i % 5 === 0 ? [] : [['Access-Control-Allow-Origin', APP]], method);
      if (i % 5 === 0) h.t.failed(id, url(i), 'net::ERR_FAILED', method);
      else h.t.completed(id, url(i), 200, method);
    }
    await h.session.settle();
    const entries = h.session.store.entries(TAB);
    expect(entries).toHaveLength(n);
    expect(new Set(h.classified).size).toBe(n);
    expect(h.classified).toHaveLength(n);
    const summary = h.session.store.summary(TAB);
    expect(summary.counts.pending).toBe(0);
    expect(summary.counts.blocked).toBe(n / 5);
    const withPreflight = entries.filter((e) => e.exchange.preflights.length === 1);
    expect(withPreflight).toHaveLength(Math.ceil(n / 3));
    for (const e of withPreflight) expect(e.exchange.preflights[0]!.id).toBe(`p${e.exchange.id}`);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
    expect(h.log.ids(TAB)).toHaveLength(n);
  }, 60_000); // 2,000 exchanges: seconds on a machine shared by several test runs
});
