/**
 * Entry of the CORS panel page. Inside DevTools it shows the inspected tab; opened as a normal tab
 * with `?tabId=N` (the pop-out) it shows tab N.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import '../ui/theme.css';
import { t } from '../ui/i18n';
import { m } from '../core';
import { chromeLanguageEnv, startLanguage } from '../ui/language';
import { createChromeConnection } from '../shared/chrome-connection';
import { browser } from '../shared/browser';
import { panelActions } from './actions';
import { applyTheme, inDevtools, popOutUrl, resolveTabId } from './environment';
import { exportShown } from './export-report';
import { importHarInto } from './import-har';
import { connectLive } from './live';
import { Panel } from './Panel';
import { createPanelStore } from './store';
import { remoteEntries } from '../shared/entry-source';

/** DevTools panels may use `tabs.create`; fall back to window.open where they may not. */
function openTab(url: string): void {
  if (browser.tabs?.create) void browser.tabs.create({ url });
  else window.open(url, '_blank', 'noopener');
}

const devtools = browser.devtools;
applyTheme(document.documentElement, devtools);
const language = chromeLanguageEnv(browser, document.documentElement);
if (language) void startLanguage(language);
const tabId = resolveTabId(location.search, devtools);
const conn = createChromeConnection(browser.runtime);
const version = browser.runtime.getManifest().version;
// The store holds rows; the details and the export ask the worker for the full entries.
const store = createPanelStore(tabId === null ? undefined : remoteEntries(conn, tabId));
const actions = tabId === null ? null : panelActions(conn, tabId, store);

if (tabId === null) {
  store.connection.value = { state: 'failed', message: m('ui_panel_no_tab') };
} else {
  effect(() => { document.title = t('ui_panel_doc_title', { tab: String(tabId) }); });
  const live = connectLive({ conn, tabId, store });
  addEventListener('pagehide', () => live.stop());
}

render(
  <Panel
    store={store}
    actions={actions}
    io={{
      importHar: (file) => importHarInto(store, file),
      exportReport: () => exportShown(store, version),
      popOut: inDevtools(devtools) && tabId !== null ? () => openTab(popOutUrl(location.href, tabId)) : undefined,
    }}
  />,
  document.getElementById('app')!,
);
