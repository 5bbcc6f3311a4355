// The devtools_page only registers the panel; it has no UI of its own. The panel page is told which
// tab it inspects through its URL, the same way the pop-out tab is (`?tabId=N`).
const tabId = chrome.devtools.inspectedWindow.tabId;
chrome.devtools.panels.create('CORS', '/icons/icon-32.png', `/src/panel/index.html?tabId=${tabId}`);
