/** The popup's one read: get-summary alone when it carries the settings; get-settings only as a fallback. */
import { describe, expect, it } from 'vitest';
import { createChromePopupConnector } from '../../../src/popup/chrome-connector';
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

describe('popup connector load', () => {
  it('asks get-summary only, and takes the settings it carries', async () => {
    const bg = background({ ...SUMMARY, settings: SETTINGS });
    const r = await createChromePopupConnector(bg.conn).load(3);
    expect(bg.asked).toEqual(['get-summary']);
    expect(r.settings).toEqual(SETTINGS);
    expect(r.summary.tabId).toBe(3);
  });

  it('falls back to get-settings when the summary has none (an older background)', async () => {
    const bg = background(SUMMARY);
    const r = await createChromePopupConnector(bg.conn).load(3);
    expect(bg.asked).toEqual(['get-summary', 'get-settings']);
    expect(r.settings).toEqual({ ...SETTINGS, keepLog: true });
  });

  it('a failing fallback still shows the summary, with no settings', async () => {
    const bg = background(SUMMARY, true);
    const r = await createChromePopupConnector(bg.conn).load(3);
    expect(r.summary.tabId).toBe(3);
    expect(r.settings).toBeNull();
  });
});
