// The devtools_page only registers the panel; it has no UI of its own.
chrome.devtools.panels.create('CORS', '/icons/icon-32.png', '/src/panel/index.html');
