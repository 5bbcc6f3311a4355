/** Write-through to the log database, rehydration after a worker stop, a fresh browser start, settings in storage.local. */
import { describe, expect, it } from 'vitest';
import { MARKER_KEY } from '../../../../src/background/persist/persistence';
import { FakeStorageArea } from '../../../support/fake-storage-area';
import { API, APP, harness, TAB } from '../harness';

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
    const second = harness({ area: first.area, log: first.log });
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
    expect(second.entry('1').verdict).toEqual(first.entry('1').verdict); // stored with the exchange
    // Only what was in flight met the classifier again; what was judged came back judged.
    expect(second.classified).toEqual(['2', '4']);
    // seq and page survive the restart
    expect(second.entry('4').seq).toBe(first.entry('4').seq);
    expect(second.entry('4').pageId).toBe(before.page!.pageId);
    expect(second.entry('2').pageId).toBe(before.page!.pageId);
    expect(second.session.store.summary(TAB)).toMatchObject({ total: 3, counts: { pending: 0, blocked: 1 } });
    // and the next exchange continues the seq
    second.t.request('5', url).completed('5', url, 200);
    await second.session.settle();
    expect(second.entry('5').seq).toBeGreaterThan(second.entry('4').seq);
  });

  it('a judged exchange is stored with its verdict, one in flight without', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', url).sent('1', url, [origin]).received('1', url, 200, [acao]).completed('1', url, 200);
    h.t.request('2', url).sent('2', url, [origin]);
    await h.session.settle();
    expect(h.log.records.get(`${TAB}:1`)?.verdict).toEqual(h.entry('1').verdict);
    expect(h.log.records.get(`${TAB}:2`)).toMatchObject({ seq: h.entry('2').seq, pageId: h.entry('2').pageId });
    expect(h.log.records.get(`${TAB}:2`)?.verdict).toBeUndefined();
  });

  it('events that arrive before rehydration completes are queued and processed in order', async () => {
    const first = harness();
    await first.session.start();
    first.t.request('1', url).sent('1', url, [origin]);
    await first.session.settle();
    const second = harness({ area: first.area, log: first.log });
    // No start() yet: the worker was woken by these very events.
    second.t.received('1', url, 200, [acao]).completed('1', url, 200).request('2', url).completed('2', url, 200);
    expect(second.session.store.peek(TAB)).toBeUndefined();
    await second.session.settle();
    expect([...second.entries().keys()]).toEqual(['1', '2']);
    expect(second.entry('1').exchange.requestHeaders).toEqual([{ name: 'Origin', value: APP }]);
    expect(second.classified).toEqual(['1', '2']);
  });

  it('a fresh start of the browser (no marker in storage.session) wipes the log; a wake keeps it', async () => {
    const first = harness();
    await first.session.start();
    expect(first.area.data.get(MARKER_KEY)).toBe('true');
    first.t.request('1', url).completed('1', url, 200);
    await first.session.settle();
    expect(first.log.ids(TAB)).toEqual(['1']);

    // The browser closed: storage.session is empty, what IndexedDB kept is a previous session's.
    const fresh = harness({ area: new FakeStorageArea(), log: first.log });
    await fresh.session.settle();
    expect(fresh.session.store.peek(TAB)).toBeUndefined();
    expect(first.log.records.size).toBe(0);
    expect(first.log.metas.size).toBe(0);
    expect(fresh.area.data.get(MARKER_KEY)).toBe('true');
  });

  it('a fresh start keeps the log, judged, when the user keeps it across restarts (and wipes it once they stop)', async () => {
    const first = harness();
    await first.session.start();
    await first.session.setSettings({ keepAcrossRestarts: true });
    first.t.request('1', url).completed('1', url, 200);
    await first.session.settle();
    const verdict = first.entry('1').verdict;

    // The browser closed: storage.session is empty, storage.local and IndexedDB kept theirs.
    const kept = harness({ area: new FakeStorageArea(), local: first.local, log: first.log });
    await kept.session.settle();
    expect([...kept.entries().keys()]).toEqual(['1']);
    expect(kept.entry('1').verdict).toEqual(verdict);
    expect(kept.classified).toEqual([]); // rehydrated, not judged again
    expect(kept.area.data.get(MARKER_KEY)).toBe('true');

    await kept.session.setSettings({ keepAcrossRestarts: false });
    const wiped = harness({ area: new FakeStorageArea(), local: kept.local, log: kept.log });
    await wiped.session.settle();
    expect(wiped.session.store.peek(TAB)).toBeUndefined();
    expect(kept.log.records.size).toBe(0);
  });

  it('a write is one batch of what changed (one record and the tab meta)', async () => {
    const h = harness();
    await h.session.start();
    for (let i = 0; i < 200; i++) h.t.request(`r${i}`, `${url}/${i}`).completed(`r${i}`, `${url}/${i}`, 200);
    await h.session.settle();
    const writes = h.log.writes;
    h.t.request('one', `${url}/one`).completed('one', `${url}/one`, 200);
    await h.session.settle();
    expect(h.log.writes).toBe(writes + 1);
    expect(h.log.lastWrite?.put.map((r) => r.id)).toEqual(['one']);
    expect(h.log.lastWrite?.metas.map((m) => m.tabId)).toEqual([TAB]);
  });

  it.each([
    ['quota', Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' })],
    ['aborted transaction', Object.assign(new Error('The transaction was aborted'), { name: 'AbortError' })],
  ])('a failed write (%s) is said with a warning and retried with the next batch, nothing lost', async (_, error) => {
    const h = harness();
    await h.session.start();
    h.log.failNext.push(error);
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => { warned.push(args); };
    try {
      h.t.request('1', url).completed('1', url, 200);
      await h.session.settle();
    } finally {
      console.warn = warn;
    }
    expect(warned).toHaveLength(1);
    expect(h.log.ids(TAB)).toEqual([]);
    h.t.request('2', url).completed('2', url, 200);
    await h.session.settle();
    expect(h.log.ids(TAB).sort()).toEqual(['1', '2']);
    expect(h.log.metas.get(TAB)?.nextSeq).toBe(h.session.store.peek(TAB)!.meta.nextSeq);
  });

  it('ignores records of the wrong shape and keeps the rest', async () => {
    const first = harness();
    await first.session.start();
    first.t.request('1', url).completed('1', url, 200);
    await first.session.settle();
    first.log.records.set(`${TAB}:bad`, { tabId: TAB, id: 'bad', exchange: 'nope' } as never);
    first.log.metas.set(99, { tabId: 99 } as never);
    const second = harness({ area: first.area, log: first.log });
    await second.session.settle();
    expect([...second.entries().keys()]).toEqual(['1']);
    expect(first.log.records.has(`${TAB}:bad`)).toBe(false);
  });

  it('beyond the bound the oldest go, counted in dropped, from the store and the log alike', async () => {
    const h = harness({ maxPerTab: 50 });
    await h.session.start();
    for (let i = 0; i < 80; i++) h.t.request(`${i}`, `${url}/${i}`).completed(`${i}`, `${url}/${i}`, 200);
    await h.session.settle();
    expect(h.session.store.summary(TAB)).toMatchObject({ total: 50, dropped: 30 });
    expect(h.log.ids(TAB).sort()).toEqual([...h.entries().keys()].sort());
    const again = harness({ area: h.area, log: h.log, maxPerTab: 50 });
    await again.session.settle();
    expect(again.session.store.summary(TAB)).toMatchObject({ total: 50, dropped: 30 });
  });
});

describe('a log of 50,000', () => {
  it('one tab keeps 50,000 exchanges by default, all written through and rehydrated judged', async () => {
    const h = harness();
    await h.session.start();
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      h.t.request(`${i}`, `${url}/${i}`).sent(`${i}`, `${url}/${i}`, [origin]).received(`${i}`, `${url}/${i}`, 200, [acao]).completed(`${i}`, `${url}/${i}`, 200);
      if (i % 5000 === 4999) await h.session.settle();
    }
    await h.session.settle();
    expect(h.session.store.summary(TAB)).toMatchObject({ total: n, dropped: 0 });
    expect(h.log.records.size).toBe(n);
    const again = harness({ area: h.area, log: h.log });
    await again.session.settle();
    expect(again.session.store.summary(TAB)).toMatchObject({ total: n, dropped: 0 });
    expect(again.classified).toEqual([]);
    expect(again.entry('49999')).toEqual(h.entry('49999'));
  }, 120_000); // 50,000 exchanges: many seconds on a machine shared by several test runs
});

describe('settings', () => {
  it('persist in storage.local; a paused session removes its listeners at start and records nothing', async () => {
    const first = harness();
    await first.session.start();
    expect(await first.session.setSettings({ paused: true, keepLog: true })).toMatchObject({ paused: true, keepLog: true });
    expect(first.wr.listenerCount()).toBe(0);
    expect(JSON.parse(first.local.data.get('settings')!)).toEqual({ paused: true, keepLog: true, keepAcrossRestarts: false, recordSameOrigin: true, capture: 'everywhere' });

    const second = harness({ local: first.local });
    expect(second.wr.listenerCount()).toBe(5); // registered synchronously at start…
    second.t.request('early', url).completed('early', url, 200); // …so this may arrive before settings are read
    await second.session.settle();
    expect(second.wr.listenerCount()).toBe(0); // …and removed once storage says paused
    expect(second.session.store.peek(TAB)?.size ?? 0).toBe(0);
    expect(second.session.getSettings()).toEqual({ paused: true, keepLog: true, keepAcrossRestarts: false, recordSameOrigin: true, capture: 'everywhere' });

    await second.session.setSettings({ paused: false });
    expect(second.wr.listenerCount()).toBe(5);
    second.t.request('late', url).completed('late', url, 200);
    await second.session.settle();
    expect([...second.entries().keys()]).toEqual(['late']);
  });

  it('refuses unknown or mistyped settings and changes nothing', async () => {
    const h = harness();
    await h.session.start();
    await expect(h.session.setSettings({ paused: 'yes' })).rejects.toThrow('setting "paused" must be true or false');
    await expect(h.session.setSettings({ colour: true })).rejects.toThrow('unknown setting "colour"');
    await expect(h.session.setSettings({ keepAcrossRestarts: 1 })).rejects.toThrow('setting "keepAcrossRestarts" must be true or false');
    expect(h.session.getSettings()).toEqual({ paused: false, keepLog: false, keepAcrossRestarts: false, recordSameOrigin: true, capture: 'everywhere' });
    expect(h.local.data.has('settings')).toBe(false);
  });
});

