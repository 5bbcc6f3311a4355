/**
 * The browser's extension API as one `browser` namespace in both browsers: webextension-polyfill hands back
 * Firefox's own `browser`, and wraps Chromium's `chrome` where it differs (promises, `runtime.onMessage`
 * answered by a returned promise). The ONE module that imports the polyfill, and only entry modules
 * (background/index.ts, the pages' main.tsx) import it: the polyfill throws when loaded outside an
 * extension, so every adapter takes the namespace, or the slice of it it uses, as a parameter (typed with
 * @types/webextension-polyfill) and unit tests hand it a fake.
 */
import browser from 'webextension-polyfill';

export { browser };
