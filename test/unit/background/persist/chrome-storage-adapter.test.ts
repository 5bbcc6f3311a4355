/**
 * The real chrome.storage adapter (`storageArea` in chrome-apis.ts) over @webext-core/fake-browser's
 * in-memory storage: a worker stopped mid-page and started again over the same storage.session
 * loses nothing, and settings written to storage.local survive too.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { storageArea } from '../../../../src/background/chrome-apis';
import { API, APP, harness, TAB } from '../harness';

const session = () => storageArea(fakeBrowser.storage.session as unknown as chrome.storage.StorageArea);
const local = () => storageArea(fakeBrowser.storage.local as unknown as chrome.storage.StorageArea);
const origin: [string, string] = ['Origin', APP];
const acao: [string, string] = ['Access-Control-Allow-Origin', APP];

afterEach(() => fakeBrowser.reset());

describe('storageArea over the extension storage API', () => {
  it('writes through and rehydrates a new worker with every exchange and the settings', async () => {
    const first = harness({ area: session(), local: local() });
    await first.session.start();
    await first.session.handlers()['set-settings']({ keepLog: true });
    first.t.request('1', `${API}/a`).sent('1', `${API}/a`, [origin]).received('1', `${API}/a`, 200, [acao]).completed('1', `${API}/a`, 200);
    first.t.request('2', `${API}/b`).sent('2', `${API}/b`, [origin]).failed('2', `${API}/b`, 'net::ERR_FAILED');
    first.t.request('3', `${API}/slow`).sent('3', `${API}/slow`, [origin]);
    await first.session.settle();
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).length).toBeGreaterThan(0);

    // The worker is stopped: a new session over the same browser storage.
    const second = harness({ area: session(), local: local() });
    second.t.time = first.t.time;
    second.t.received('3', `${API}/slow`, 200, [acao]).completed('3', `${API}/slow`, 200);
    await second.session.settle();

    expect([...second.entries().keys()]).toEqual(['1', '2', '3']);
    expect(second.entry('2').verdict.kind).toBe('blocked');
    expect(second.entry('3').exchange.outcome).toEqual({ state: 'completed', status: 200 });
    expect(second.session.store.summary(TAB)).toMatchObject({ total: 3, counts: { pending: 0 } });
    expect(await second.session.handlers()['get-settings']({})).toMatchObject({ keepLog: true });
  });

  it('clear empties the tab in storage too', async () => {
    const first = harness({ area: session(), local: local() });
    await first.session.start();
    first.t.request('1', `${API}/a`).sent('1', `${API}/a`, [origin]).completed('1', `${API}/a`, 200);
    await first.session.settle();
    await first.session.handlers().clear({ tabId: TAB });
    await first.session.settle();

    const second = harness({ area: session(), local: local() });
    await second.session.start();
    await second.session.settle();
    expect(second.session.store.summary(TAB).total).toBe(0);
  });
});
