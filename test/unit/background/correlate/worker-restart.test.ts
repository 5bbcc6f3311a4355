/**
 * Issue 14: Chromium drops the webRequest events it fires while it stops the worker. A new worker
 * (a second harness over the same storage) must lose no exchange and strand none:
 * - a request whose onBeforeRequest was lost starts from its later events;
 * - a preflight shown on its own is claimed back by its request starting late;
 * - exchanges in flight at the restart are taken back at once (their preflights pair);
 * - one whose end was lost is resolved from what was seen, and revived if an event does come.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { EN } from '../../../../src/core/i18n/catalogues';
import { API, APP, harness, restarted } from '../harness';

const url = `${API}/items`;
const origin: [string, string] = ['Origin', APP];
const cors: [string, string] = ['Sec-Fetch-Mode', 'cors'];
const acao: [string, string] = ['Access-Control-Allow-Origin', APP];
const pre: [string, string][] = [['Access-Control-Request-Method', 'PUT'], origin, cors];


describe('a worker restart that lost events', () => {
  it('a request whose onBeforeRequest was lost starts from its later events', async () => {
    const h = await restarted(() => {});
    h.t.sent('5', url, [origin, cors]).received('5', url, 200, [acao]).started('5', url, 200).completed('5', url, 200);
    await h.session.settle();
    const e = h.entry('5');
    expect(e.exchange).toMatchObject({ url, method: 'GET', type: 'xmlhttprequest', initiator: APP, outcome: { state: 'completed', status: 200 } });
    expect(e.verdict.kind).toBe('simple');
  });

  it('its preflight, shown on its own meanwhile, is claimed back when it starts seconds later', async () => {
    const h = await restarted(() => {});
    h.t.request('11', url, 'OPTIONS').sent('11', url, pre, 'OPTIONS')
      .received('11', url, 204, [acao, ['Access-Control-Allow-Methods', 'PUT']], 'OPTIONS').completed('11', url, 204, 'OPTIONS');
    h.t.time += 3_000;
    h.t.request('99', `${API}/other`).completed('99', `${API}/other`, 200);
    await h.session.settle();
    expect(h.entry('11').exchange.method).toBe('OPTIONS');
    h.t.time += 20_000;
    h.t.sent('10', url, [origin, cors], 'PUT').received('10', url, 200, [acao], 'PUT').started('10', url, 200, 'PUT');
    await h.session.settle();
    expect(h.session.store.entries(7).filter((e) => e.exchange.url === url).map((e) => e.exchange.id)).toEqual(['10']);
    const v = h.entry('10').verdict;
    expect({ kind: v.kind, observed: v.preflight.observed }).toEqual({ kind: 'preflighted', observed: true });
    expect(h.log.records.has('7:11')).toBe(false);
  });

  it('an exchange in flight at the restart is taken back at once: its preflight pairs with it', async () => {
    const h = await restarted((first) => first.t.request('1', url, 'PUT'));
    h.t.request('2', url, 'OPTIONS').sent('2', url, pre, 'OPTIONS')
      .received('2', url, 204, [acao, ['Access-Control-Allow-Methods', 'PUT']], 'OPTIONS').completed('2', url, 204, 'OPTIONS')
      .sent('1', url, [origin, cors], 'PUT').received('1', url, 200, [acao], 'PUT').started('1', url, 200, 'PUT');
    await h.session.settle();
    expect(h.entry('1').exchange.preflights.map((p) => p.id)).toEqual(['2']);
    expect([...h.entries().keys()]).toEqual(['1']);
  });

  it('one whose end was lost is resolved (not pending forever), and an event that does come revives it', async () => {
    const h = await restarted((first) => first.t.request('1', url).sent('1', url, [origin, cors]));
    expect(h.entry('1').verdict.kind).toBe('pending');
    h.timers.runAll();
    await h.session.settle();
    const v = h.entry('1').verdict;
    expect(v.kind).toBe('inconclusive');
    expect(EN.t(v.headline)).toMatch(/^Interrupted/);
    expect(h.session.stats.interrupted).toBe(1);
    // Rehydrated by yet another worker: still resolved, not pending.
    const third = harness({ classify, area: h.area, log: h.log });
    await third.session.start();
    expect(EN.t(third.entry('1').verdict.headline)).toMatch(/^Interrupted/);
    h.t.received('1', url, 200, [acao]).started('1', url, 200);
    await h.session.settle();
    expect(h.entry('1').verdict.kind).toBe('simple');
    expect(h.entry('1').exchange.timings.end).toBeGreaterThan(0);
  });

  it('resolved from what was seen: a response whose headers fail is blocked, one whose headers pass is simple', async () => {
    const h = await restarted((first) => {
      first.t.request('1', url).sent('1', url, [origin, cors]).received('1', url, 200, []);
      first.t.request('2', `${url}/2`).sent('2', `${url}/2`, [origin, cors]).received('2', `${url}/2`, 200, [acao]);
    });
    h.timers.runAll();
    await h.session.settle();
    const blocked = h.entry('1').verdict;
    expect({ kind: blocked.kind, code: blocked.reasons[0]?.code }).toEqual({ kind: 'blocked', code: 'MissingAllowOriginHeader' });
    expect(blocked.notes.map(EN.t).join(' ')).toMatch(/stopped CORS Lens's background worker/);
    expect(h.entry('2').verdict.kind).toBe('simple');
  });

  it('a request that has events after the restart is not resolved early', async () => {
    const h = await restarted((first) => first.t.request('1', url));
    h.t.sent('1', url, [origin, cors]);
    h.timers.runAll();
    await h.session.settle();
    expect(h.entry('1').verdict.kind).toBe('pending');
  });
});
