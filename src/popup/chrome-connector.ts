/**
 * The popup's connector over the real extension: background requests, tabs, Blob download, clipboard. The
 * `browser` namespace (shared/browser.ts) is passed in by the popup's entry module.
 */
import type { Runtime, Tabs } from 'webextension-polyfill';
import { createChromeConnection } from '../shared/chrome-connection';
import { remoteEntries } from '../shared/entry-source';
import { browserInfo, downloadText } from '../shared/report-download';
import type { BackgroundConnection } from '../shared/transport';
import { copyText } from '../ui/copy';
import type { PopupConnector } from './connector';

const PANEL_PAGE = 'src/panel/index.html';

/** The slice of the `browser` namespace the popup uses. */
interface PopupApi {
  runtime: Pick<Runtime.Static, 'getURL' | 'getManifest' | 'sendMessage' | 'connect'>;
  tabs: Pick<Tabs.Static, 'create' | 'query'>;
}

export function createChromePopupConnector(api: PopupApi, conn: BackgroundConnection = createChromeConnection(api.runtime)): PopupConnector {
  return {
    async load(tabId) {
      const summary = await conn.request('get-summary', { tabId });
      if (summary.settings) return { summary, settings: summary.settings };
      // A background from before summaries carried settings: ask for them, and show the summary anyway.
      const settings = await conn.request('get-settings', {}).catch(() => null);
      return { summary, settings };
    },
    // The whole log, page by page (one message holding 50,000 entries would pass the browser's message limit).
    async snapshot(tabId) {
      const summary = await conn.request('get-summary', { tabId });
      const entries = await remoteEntries(conn, tabId).all();
      const settings = summary.settings ?? await conn.request('get-settings', {});
      return { summary, entries, settings };
    },
    async clear(tabId) {
      await conn.request('clear', { tabId });
    },
    setPaused: (paused) => conn.request('set-settings', { paused }),
    setCaptureMode: (capture) => conn.request('set-settings', { capture }),
    setCapture: (tabId, change) => conn.request('set-capture', { tabId, ...change }),
    async openPanel(tabId) {
      await api.tabs.create({ url: api.runtime.getURL(`${PANEL_PAGE}?tabId=${tabId}`) });
    },
    download: (text, fileName) => downloadText(text, fileName),
    copy: (text) => copyText(text),
    now: () => Date.now(),
    environment: { browser: browserInfo(), extensionVersion: api.runtime.getManifest().version },
  };
}

/** The tab the popup describes: `?tabId=N` when opened as a page, else the active tab of this window. */
export async function popupTabId(search: string, tabs: Pick<Tabs.Static, 'query'>): Promise<number | null> {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw !== null) {
    const n = Number(raw);
    return /^-?\d+$/.test(raw) && Number.isSafeInteger(n) && n >= -1 ? n : null;
  }
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' ? tab.id : null;
}
