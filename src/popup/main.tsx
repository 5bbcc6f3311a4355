/** Entry of the popup (also usable as a page: `src/popup/index.html?tabId=N`). */
import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { createChromePopupConnector, popupTabId } from './chrome-connector';
import { Popup } from './Popup';
import { createPopupStore } from './store';

async function start(): Promise<void> {
  const tabId = await popupTabId(location.search).catch(() => null);
  const store = createPopupStore(createChromePopupConnector(), tabId);
  render(<Popup store={store} />, document.getElementById('app')!);
  await store.load();
}

void start();
