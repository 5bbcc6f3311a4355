/**
 * The popup's one read: get-summary alone when it carries the settings; get-settings only as a fallback. And
 * what it asks of the `browser` namespace it is handed: the panel's tab, the manifest's version, the active tab.
 */
import { describe, expect, it } from 'vitest';
import { createChromePopupConnector, popupTabId } from '../../../src/popup/chrome-connector';
import { emptyCounts, type RequestName, type Settings, type TabSummary } from '../../../src/shared/protocol';
import type { BackgroundConnection } from '../../../src/shared/transport';

const SETTINGS: Settings = { paused: true, keepLog: false, recordSameOrigin: true };
const SUMMARY: TabSummary = { tabId: 3, page: null, counts: emptyCounts(), total: 0, dropped: 0, blocked: [] };

function background(summary: TabSummary, settingsFail = false) {
  const asked: RequestName[] = [];
  const conn = {
    async request(name: RequestName) {
      asked.push(name);
      if (name === 'get-summary') return summary;
      if (name === 'get-settings') {
        if (settingsFail) throw new Error('no get-settings');
        return { ...SETTINGS, keepLog: true };
      }
      throw new Error(`unexpected ${name}`);
    },
    openTab() { throw new Error('not used'); },
  } as unknown as BackgroundConnection;
  return { conn, asked };
}

type PopupApi = Parameters<typeof createChromePopupConnector>[0];

/** The slice of `browser` the popup uses: the tabs it opened and the queries it made are recorded. */
function fakeApi(active: Array<{ id?: number }> = [{ id: 7 }]) {
  const created: string[] = [];
  const queries: unknown[] = [];
  const api = {
    runtime: {
      getURL: (path: string) => `moz-extension://lens/${path}`,
      getManifest: () => ({ version: '4.5.6' }),
      sendMessage: async () => { throw new Error('not used'); },
      connect: () => { throw new Error('not used'); },
    },
    tabs: {
      create: async (info: { url: string }) => { created.push(info.url); return {}; },
      query: async (q: unknown) => { queries.push(q); return active; },
    },
  } as unknown as PopupApi;
  return { api, created, queries };
}

describe('popup connector and the browser namespace', () => {
  it('opens the panel as a tab of this extension, and reports the manifest version', async () => {
    const fake = fakeApi();
    const connector = createChromePopupConnector(fake.api, background(SUMMARY).conn);
    await connector.openPanel(12);
    expect(fake.created).toEqual(['moz-extension://lens/src/panel/index.html?tabId=12']);
    expect(connector.environment.extensionVersion).toBe('4.5.6');
  });

  it('describes ?tabId=N when given, else the active tab of this window', async () => {
    const fake = fakeApi();
    expect(await popupTabId('?tabId=5', fake.api.tabs)).toBe(5);
    expect(await popupTabId('?tabId=x', fake.api.tabs)).toBeNull();
    expect(fake.queries).toEqual([]);
    expect(await popupTabId('', fake.api.tabs)).toBe(7);
    expect(fake.queries).toEqual([{ active: true, currentWindow: true }]);
    expect(await popupTabId('', fakeApi([]).api.tabs)).toBeNull();
  });
});

describe('popup connector load', () => {
  it('asks get-summary only, and takes the settings it carries', async () => {
    const bg = background({ ...SUMMARY, settings: SETTINGS });
    const r = await createChromePopupConnector(fakeApi().api, bg.conn).load(3);
    expect(bg.asked).toEqual(['get-summary']);
    expect(r.settings).toEqual(SETTINGS);
    expect(r.summary.tabId).toBe(3);
  });

  it('falls back to get-settings when the summary has none (an older background)', async () => {
    const bg = background(SUMMARY);
    const r = await createChromePopupConnector(fakeApi().api, bg.conn).load(3);
    expect(bg.asked).toEqual(['get-summary', 'get-settings']);
    expect(r.settings).toEqual({ ...SETTINGS, keepLog: true });
  });

  it('a failing fallback still shows the summary, with no settings', async () => {
    const bg = background(SUMMARY, true);
    const r = await createChromePopupConnector(fakeApi().api, bg.conn).load(3);
    expect(r.summary.tabId).toBe(3);
    expect(r.settings).toBeNull();
  });
});
