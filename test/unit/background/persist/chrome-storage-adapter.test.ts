/**
 * The browser adapters end to end: the log in IndexedDB (idb-log.ts, over fake-indexeddb) and the
 * marker and settings in browser.storage (`storageArea` over @webext-core/fake-browser). A worker
 * stopped mid-page and started again loses nothing; a browser started afresh finds an empty log.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { storageArea } from '../../../../src/background/chrome-apis';
import { idbLog } from '../../../../src/background/persist/idb-log';
import type { LogRecord } from '../../../../src/background/persist/log-db';
import { API, APP, harness, TAB } from '../harness';

const session = () => storageArea(fakeBrowser.storage.session);
const local = () => storageArea(fakeBrowser.storage.local);
const origin: [string, string] = ['Origin', APP];
const acao: [string, string] = ['Access-Control-Allow-Origin', APP];

/** One browser profile's IndexedDB; each worker opens its own connection to it. */
const profile = () => new IDBFactory();
const storedIds = async (factory: IDBFactory) =>
  ((await idbLog(factory, IDBKeyRange).load()).records as LogRecord[]).filter((r) => r.tabId === TAB).map((r) => r.id).sort();

afterEach(() => fakeBrowser.reset());

describe('the log in IndexedDB, the marker and settings in extension storage', () => {
  it('writes through and rehydrates a new worker with every exchange and the settings', async () => {
    const db = profile();
    const first = harness({ area: session(), local: local(), log: idbLog(db, IDBKeyRange) });
    await first.session.start();
    await first.session.handlers()['set-settings']({ keepLog: true });
    first.t.request('1', `${API}/a`).sent('1', `${API}/a`, [origin]).received('1', `${API}/a`, 200, [acao]).completed('1', `${API}/a`, 200);
    first.t.request('2', `${API}/b`).sent('2', `${API}/b`, [origin]).failed('2', `${API}/b`, 'net::ERR_FAILED');
    first.t.request('3', `${API}/slow`).sent('3', `${API}/slow`, [origin]);
    await first.session.settle();
    expect(await storedIds(db)).toEqual(['1', '2', '3']);

    // The worker is stopped: a new session over the same browser storage.
    const second = harness({ area: session(), local: local(), log: idbLog(db, IDBKeyRange) });
    second.t.time = first.t.time;
    second.t.received('3', `${API}/slow`, 200, [acao]).completed('3', `${API}/slow`, 200);
    await second.session.settle();

    expect([...second.entries().keys()]).toEqual(['1', '2', '3']);
    expect(second.entry('2').verdict).toEqual(first.entry('2').verdict);
    expect(second.classified).toEqual(['3']);
    expect(second.entry('3').exchange.outcome).toEqual({ state: 'completed', status: 200 });
    expect(second.session.store.summary(TAB)).toMatchObject({ total: 3, counts: { pending: 0 } });
    expect(await second.session.handlers()['get-settings']({})).toMatchObject({ keepLog: true });
  });

  it('clear, the bound and a closed tab empty the log in IndexedDB too', async () => {
    const db = profile();
    const first = harness({ area: session(), local: local(), log: idbLog(db, IDBKeyRange), maxPerTab: 3 });
    await first.session.start();
    for (const id of ['1', '2', '3', '4', '5']) first.t.request(id, `${API}/${id}`).sent(id, `${API}/${id}`, [origin]).completed(id, `${API}/${id}`, 200);
    await first.session.settle();
    expect(await storedIds(db)).toEqual(['3', '4', '5']);
    await first.session.handlers().clear({ tabId: TAB });
    await first.session.settle();
    expect(await storedIds(db)).toEqual([]);
    first.t.request('6', `${API}/6`).completed('6', `${API}/6`, 200);
    await first.session.settle();
    expect(await storedIds(db)).toEqual(['6']);
    first.session.push({ kind: 'tab-removed', tabId: TAB });
    await first.session.settle();
    const left = await idbLog(db, IDBKeyRange).load();
    expect(left).toEqual({ records: [], metas: [] });

    const second = harness({ area: session(), local: local(), log: idbLog(db, IDBKeyRange) });
    await second.session.settle();
    expect(second.session.store.peek(TAB)).toBeUndefined();
  });

  it('a browser started afresh (storage.session empty) wipes what IndexedDB kept', async () => {
    const db = profile();
    const first = harness({ area: session(), local: local(), log: idbLog(db, IDBKeyRange) });
    await first.session.start();
    first.t.request('1', `${API}/a`).completed('1', `${API}/a`, 200);
    await first.session.settle();
    expect(await storedIds(db)).toEqual(['1']);
    await fakeBrowser.storage.session.clear();

    const second = harness({ area: session(), local: local(), log: idbLog(db, IDBKeyRange) });
    await second.session.settle();
    expect(second.session.store.peek(TAB)).toBeUndefined();
    expect(await idbLog(db, IDBKeyRange).load()).toEqual({ records: [], metas: [] });
  });
});
