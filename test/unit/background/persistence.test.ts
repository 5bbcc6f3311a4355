/** Write-through to storage.session, rehydration after a worker stop, quota, settings in storage.local. */
import { describe, expect, it } from 'vitest';
import { FakeStorageArea } from '../../support/fake-storage-area';
import { API, APP, harness, TAB } from './harness';

const url = `${API}/items`;
const origin: [string, string] = ['Origin', APP];
const acao: [string, string] = ['Access-Control-Allow-Origin', APP];

describe('write-through and rehydration', () => {
  it('a new worker over the same storage continues in-flight exchanges and loses nothing', async () => {
    const first = harness();
    await first.session.start();
    first.t.request('1', `${API}/done`).sent('1', `${API}/done`, [origin]).failed('1', `${API}/done`, 'net::ERR_FAILED');
    // 2: a PUT whose preflight is still running when the worker stops.
    first.t.request('2', url, 'PUT').request('3', url, 'OPTIONS')
      .sent('3', url, [['Access-Control-Request-Method', 'PUT'], origin], 'OPTIONS');
    // 4: a GET that had sent its headers.
    first.t.request('4', `${API}/slow`).sent('4', `${API}/slow`, [origin, ['X-Seen', 'yes']]);
    await first.session.settle();
    const before = first.session.store.summary(TAB);

    // The worker is stopped: a new session over the same storage, events keep coming meanwhile.
    const second = harness({ area: first.area, local: first.local });
    second.t.time = first.t.time;
    second.t.received('3', url, 204, [acao, ['Access-Control-Allow-Methods', 'PUT']], 'OPTIONS').completed('3', url, 204, 'OPTIONS')
      .sent('2', url, [origin], 'PUT').received('2', url, 200, [acao], 'PUT').completed('2', url, 200, 'PUT')
      .received('4', `${API}/slow`, 200, [acao]).completed('4', `${API}/slow`, 200);
    await second.session.settle();

    expect([...second.entries().keys()]).toEqual(['1', '2', '4']);
    const two = second.entry('2');
    expect(two.exchange.preflights).toMatchObject([{ id: '3', response: { status: 204 } }]);
    expect(two.exchange.preflights[0]!.end).toBeDefined();
    expect(two.exchange.requestHeaders).toEqual([{ name: 'Origin', value: APP }]);
    expect(two.verdict.kind).toBe('preflighted');
    expect(second.entry('4').exchange.requestHeaders.map((h) => h.name)).toEqual(['Origin', 'X-Seen']);
    expect(second.entry('4').exchange.outcome).toEqual({ state: 'completed', status: 200 });
    expect(second.entry('1').verdict.kind).toBe('blocked'); // recomputed from the stored exchange
    // seq and page survive the restart
    expect(second.entry('2').seq).toBe(first.entry('2').seq);
    expect(second.entry('2').pageId).toBe(before.page!.pageId);
    expect(second.session.store.summary(TAB)).toMatchObject({ total: 3, counts: { pending: 0, blocked: 1 } });
    // and the next exchange continues the seq
    second.t.request('5', url).completed('5', url, 200);
    await second.session.settle();
    expect(second.entry('5').seq).toBeGreaterThan(second.entry('4').seq);
  });

  it('events that arrive before rehydration completes are queued and processed in order', async () => {
    const first = harness();
    await first.session.start();
    first.t.request('1', url).sent('1', url, [origin]);
    await first.session.settle();
    const second = harness({ area: first.area });
    // No start() yet: the worker was woken by these very events.
    second.t.received('1', url, 200, [acao]).completed('1', url, 200).request('2', url).completed('2', url, 200);
    expect(second.session.store.peek(TAB)).toBeUndefined();
    await second.session.settle();
    expect([...second.entries().keys()]).toEqual(['1', '2']);
    expect(second.entry('1').exchange.requestHeaders).toEqual([{ name: 'Origin', value: APP }]);
    expect(second.classified).toEqual(['1', '2']);
  });

  it('a write is proportional to what changed (one entry key and the tab meta)', async () => {
    const h = harness();
    await h.session.start();
    for (let i = 0; i < 200; i++) h.t.request(`r${i}`, `${url}/${i}`).completed(`r${i}`, `${url}/${i}`, 200);
    await h.session.settle();
    const bytes = h.area.bytesWritten;
    h.t.request('one', `${url}/one`).completed('one', `${url}/one`, 200);
    await h.session.settle();
    expect(h.area.lastSetKeys.sort()).toEqual([`cl:e:${TAB}:one`, `cl:t:${TAB}`]);
    expect(h.area.bytesWritten - bytes).toBeLessThan(3000);
  });

  it('a failed write is retried with the next batch, nothing lost', async () => {
    const h = harness();
    await h.session.start();
    h.area.failNext.push(new Error('IO error'));
    h.t.request('1', url).completed('1', url, 200);
    await h.session.settle();
    expect(h.area.data.has(`cl:e:${TAB}:1`)).toBe(false);
    h.t.request('2', url).completed('2', url, 200);
    await h.session.settle();
    expect(h.area.data.has(`cl:e:${TAB}:1`)).toBe(true);
    expect(h.area.data.has(`cl:e:${TAB}:2`)).toBe(true);
  });

  it('ignores unreadable stored values and keeps the rest', async () => {
    const area = new FakeStorageArea();
    const first = harness({ area });
    await first.session.start();
    first.t.request('1', url).completed('1', url, 200);
    await first.session.settle();
    area.data.set(`cl:e:${TAB}:bad`, JSON.stringify({ exchange: 'nope' }));
    area.data.set('cl:t:oops', '"x"');
    const second = harness({ area });
    await second.session.settle();
    expect([...second.entries().keys()]).toEqual(['1']);
    expect(area.data.has(`cl:e:${TAB}:bad`)).toBe(false);
  });
});

describe('storage quota', () => {
  it('drops the oldest exchanges with a visible count, keeps the newest, and never throws', async () => {
    const area = new FakeStorageArea(60_000);
    const h = harness({ area });
    await h.session.start();
    for (let batch = 0; batch < 10; batch++) {
      for (let i = 0; i < 30; i++) {
        const id = `${batch}-${i}`;
        h.t.request(id, `${url}/${id}`).sent(id, `${url}/${id}`, [origin, ['X-Pad', 'p'.repeat(100)]])
          .received(id, `${url}/${id}`, 200, [acao]).completed(id, `${url}/${id}`, 200);
      }
      await h.session.settle();
    }
    const summary = h.session.store.summary(TAB);
    expect(summary.dropped).toBeGreaterThan(0);
    expect(summary.total + summary.dropped).toBe(300);
    expect(h.entries().has('9-29')).toBe(true);
    expect(h.entries().has('0-0')).toBe(false);
    expect(area.bytesInUse).toBeLessThanOrEqual(60_000);
    // what is stored is exactly what is shown
    const stored = [...area.data.keys()].filter((k) => k.startsWith(`cl:e:${TAB}:`)).length;
    expect(stored).toBe(summary.total);
    // and a restart shows the same drop count
    const again = harness({ area });
    await again.session.settle();
    expect(again.session.store.summary(TAB)).toMatchObject({ total: summary.total, dropped: summary.dropped });
  });
});

describe('settings', () => {
  it('persist in storage.local; a paused session removes its listeners at start and records nothing', async () => {
    const first = harness();
    await first.session.start();
    expect(await first.session.setSettings({ paused: true, keepLog: true })).toMatchObject({ paused: true, keepLog: true });
    expect(first.wr.listenerCount()).toBe(0);
    expect(JSON.parse(first.local.data.get('settings')!)).toEqual({ paused: true, keepLog: true, recordSameOrigin: true });

    const second = harness({ local: first.local });
    expect(second.wr.listenerCount()).toBe(7); // registered synchronously at start…
    second.t.request('early', url).completed('early', url, 200); // …so this may arrive before settings are read
    await second.session.settle();
    expect(second.wr.listenerCount()).toBe(0); // …and removed once storage says paused
    expect(second.session.store.peek(TAB)?.size ?? 0).toBe(0);
    expect(second.session.getSettings()).toEqual({ paused: true, keepLog: true, recordSameOrigin: true });

    await second.session.setSettings({ paused: false });
    expect(second.wr.listenerCount()).toBe(7);
    second.t.request('late', url).completed('late', url, 200);
    await second.session.settle();
    expect([...second.entries().keys()]).toEqual(['late']);
  });

  it('refuses unknown or mistyped settings and changes nothing', async () => {
    const h = harness();
    await h.session.start();
    await expect(h.session.setSettings({ paused: 'yes' })).rejects.toThrow('setting "paused" must be true or false');
    await expect(h.session.setSettings({ colour: true })).rejects.toThrow('unknown setting "colour"');
    expect(h.session.getSettings()).toEqual({ paused: false, keepLog: false, recordSameOrigin: true });
    expect(h.local.data.has('settings')).toBe(false);
  });
});
