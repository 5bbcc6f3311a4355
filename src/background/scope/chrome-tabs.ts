/** The browser's tabs as the capture scope reads them (the host permissions let the worker see their URLs). */
import type { Tabs } from 'webextension-polyfill';
import type { ScopeTabs } from './capture-scope';

export function chromeScopeTabs(tabs: Tabs.Static): ScopeTabs {
  return {
    all: async () => (await tabs.query({})).flatMap((t) => (typeof t.id === 'number' ? [{ id: t.id, url: t.url }] : [])),
    url: async (tabId) => (await tabs.get(tabId)).url,
  };
}
