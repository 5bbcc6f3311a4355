/** What the panel asks of the background: clear the log and change settings. Failures become a notice. */
import type { Settings } from '../shared/protocol';
import type { BackgroundConnection } from '../shared/transport';
import type { PanelStore } from './store';

export function panelActions(conn: BackgroundConnection, tabId: number, store: PanelStore) {
  const fail = (what: string) => (err: unknown) => {
    store.notice.value = { tone: 'error', text: `Could not ${what}: ${err instanceof Error ? err.message : String(err)}` };
  };
  return {
    async clear(): Promise<void> {
      try {
        await conn.request('clear', { tabId });
        store.openKey.value = null;
        store.activeKey.value = null;
      } catch (err) {
        fail('clear the log')(err);
      }
    },
    async setSettings(change: Partial<Settings>): Promise<void> {
      try {
        store.settings.value = await conn.request('set-settings', change);
      } catch (err) {
        fail('change the setting')(err);
      }
    },
  };
}

export type PanelActions = ReturnType<typeof panelActions>;
