/** The popup store's one read: settings come with the summary; without them the popup still works. */
import { describe, expect, it } from 'vitest';
import { EN } from '../../../src/core/i18n/catalogues';
import { createPopupStore } from '../../../src/popup/store';
import { entries, fakeConnector, TAB } from './fake-connector';
import { exchange } from '../../support/builder';

describe('popup store load', () => {
  it('one load call gives the summary and the settings it carries', async () => {
    const conn = fakeConnector(entries([exchange().failed().build()]));
    conn.settingsNow = { paused: true, keepLog: true, recordSameOrigin: false };
    const store = createPopupStore(conn, TAB);
    await store.load();
    expect(conn.calls).toEqual([`load:${TAB}`]);
    expect(store.status.value).toBe('ready');
    expect(store.settings.value).toEqual({ paused: true, keepLog: true, recordSameOrigin: false });
    expect(store.summary.value?.total).toBe(1);
  });

  it('settings that could not be read leave the summary shown, and pausing still works', async () => {
    const conn = fakeConnector(entries([exchange().failed().build()]));
    const load = conn.load.bind(conn);
    conn.load = async (tabId) => ({ ...(await load(tabId)), settings: null });
    const store = createPopupStore(conn, TAB);
    await store.load();
    expect(store.status.value).toBe('ready');
    expect(store.settings.value).toBeNull();
    expect(store.summary.value?.total).toBe(1);
    await store.togglePause();
    expect(store.settings.value?.paused).toBe(true);
    expect(EN.t(store.notice.value!.msg)).toContain('paused');
  });
});
