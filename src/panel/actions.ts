/** What the panel asks of the background: clear the log, change settings, turn its tab on or off. Failures become a notice. */
import type { Settings, TabCapture } from '../shared/protocol';
import type { BackgroundConnection } from '../shared/transport';
import type { PanelStore } from './store';
import { m } from '../core';

export function panelActions(conn: BackgroundConnection, tabId: number, store: PanelStore) {
  /** `id` is the notice's message; the browser's error text is its `error` value, as the browser wrote it. */
  const fail = (id: string) => (err: unknown) => {
    store.notice.value = { tone: 'error', text: m(id, { error: err instanceof Error ? err.message : String(err) }) };
  };
  return {
    async clear(): Promise<void> {
      try {
        await conn.request('clear', { tabId });
        store.openKey.value = null;
        store.activeKey.value = null;
      } catch (err) {
        fail('panel_err_clear')(err);
      }
    },
    async setSettings(change: Partial<Settings>): Promise<void> {
      try {
        store.settings.value = await conn.request('set-settings', change);
      } catch (err) {
        fail('panel_err_settings')(err);
      }
    },
    /** Turns the tab and/or its site on or off (`{}` only reads); null when refused (said in the notice). */
    async setCapture(change: { tab?: boolean; site?: boolean }): Promise<TabCapture | null> {
      try {
        return await conn.request('set-capture', { tabId, ...change });
      } catch (err) {
        fail('scope_failed')(err);
        return null;
      }
    },
  };
}

export type PanelActions = ReturnType<typeof panelActions>;
