/** The browser's tabs as the capture scope reads them (the host permissions let the worker see their URLs). */
import type { ScopeTabs } from './capture-scope';

export function chromeScopeTabs(): ScopeTabs {
  return {
    all: async () => (await chrome.tabs.query({})).flatMap((t) => (typeof t.id === 'number' ? [{ id: t.id, url: t.url }] : [])),
    url: async (tabId) => (await chrome.tabs.get(tabId)).url,
  };
}
