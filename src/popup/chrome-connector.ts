/** The popup's connector over the real extension: background requests, tabs, Blob download, clipboard. */
import { createChromeConnection } from '../shared/chrome-connection';
import { browserInfo, downloadText, extensionVersion } from '../shared/report-download';
import type { BackgroundConnection } from '../shared/transport';
import { copyText } from '../ui/copy';
import type { PopupConnector } from './connector';

const PANEL_PAGE = 'src/panel/index.html';

export function createChromePopupConnector(conn: BackgroundConnection = createChromeConnection()): PopupConnector {
  return {
    async load(tabId) {
      const summary = await conn.request('get-summary', { tabId });
      if (summary.settings) return { summary, settings: summary.settings };
      // A background from before summaries carried settings: ask for them, and show the summary anyway.
      const settings = await conn.request('get-settings', {}).catch(() => null);
      return { summary, settings };
    },
    snapshot: (tabId) => conn.request('get-snapshot', { tabId }),
    async clear(tabId) {
      await conn.request('clear', { tabId });
    },
    setPaused: (paused) => conn.request('set-settings', { paused }),
    setCaptureMode: (capture) => conn.request('set-settings', { capture }),
    setCapture: (tabId, change) => conn.request('set-capture', { tabId, ...change }),
    async openPanel(tabId) {
      await chrome.tabs.create({ url: chrome.runtime.getURL(`${PANEL_PAGE}?tabId=${tabId}`) });
    },
    download: (text, fileName) => downloadText(text, fileName),
    copy: (text) => copyText(text),
    now: () => Date.now(),
    environment: { browser: browserInfo(), extensionVersion: extensionVersion() },
  };
}

/** The tab the popup describes: `?tabId=N` when opened as a page, else the active tab of this window. */
export async function popupTabId(search: string): Promise<number | null> {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw !== null) {
    const n = Number(raw);
    return /^-?\d+$/.test(raw) && Number.isSafeInteger(n) && n >= -1 ? n : null;
  }
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' ? tab.id : null;
}
