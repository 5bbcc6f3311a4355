/** Entry of the popup (also usable as a page: `src/popup/index.html?tabId=N`). */
import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { chromeLanguageEnv, startLanguage } from '../ui/language';
import { createChromePopupConnector, popupTabId } from './chrome-connector';
import { Popup } from './Popup';
import { createPopupStore } from './store';

async function start(): Promise<void> {
  const language = chromeLanguageEnv(document.documentElement);
  // the stored language is applied before the first paint (no flash of the other language)
  const [tabId] = await Promise.all([
    popupTabId(location.search).catch(() => null),
    language ? startLanguage(language) : null,
  ]);
  const store = createPopupStore(createChromePopupConnector(), tabId);
  render(<Popup store={store} />, document.getElementById('app')!);
  await store.load();
}

void start();
