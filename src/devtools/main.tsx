// The devtools_page only registers the panel; it has no UI of its own. The panel page is told which
// tab it inspects through its URL, the same way the pop-out tab is (`?tabId=N`). The panel's tab title is
// the browser's language (i18n.getMessage: a registered title cannot follow the page's setting later).
import { browser } from '../shared/browser';

const tabId = browser.devtools.inspectedWindow.tabId;
const title = browser.i18n.getMessage('ui_devtools_panel_title') || 'CORS';
void browser.devtools.panels.create(title, '/icons/icon-32.png', `/src/panel/index.html?tabId=${tabId}`);
