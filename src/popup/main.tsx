/** Entry of the popup (also usable as a page: `src/popup/index.html?tabId=N`). */
import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { browser } from '../shared/browser';
import { chromeLanguageEnv, startLanguage } from '../ui/language';
import { createChromePopupConnector, popupTabId } from './chrome-connector';
import { Popup } from './Popup';
import { createPopupStore } from './store';

async function start(): Promise<void> {
  const language = chromeLanguageEnv(browser, document.documentElement);
  // the stored language is applied before the first paint (no flash of the other language)
  const [tabId] = await Promise.all([
    popupTabId(location.search, browser.tabs).catch(() => null),
    language ? startLanguage(language) : null,
  ]);
  const store = createPopupStore(createChromePopupConnector(browser), tabId);
  render(<Popup store={store} />, document.getElementById('app')!);
  await store.load();
}

void start();
