/**
 * Where the panel page runs: inside DevTools (a panel) or as a normal tab (pop-out, `?tabId=N`). The page's
 * entry passes `browser.devtools` (shared/browser.ts), undefined in a tab.
 */
import { parseUrl } from '../core/http/url';

interface DevtoolsLike {
  inspectedWindow?: { tabId?: number };
  panels?: { themeName?: string };
}

export const inDevtools = (devtools: DevtoolsLike | undefined): boolean => devtools?.panels !== undefined;

/** The tab to show: `?tabId=N` wins (pop-out and tests), else the tab DevTools inspects. */
export function resolveTabId(search: string, devtools: DevtoolsLike | undefined): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw !== null && /^-?\d+$/.test(raw)) {
    const n = Number(raw);
    if (Number.isSafeInteger(n) && n >= -1) return n;
  }
  const inspected = devtools?.inspectedWindow?.tabId;
  return typeof inspected === 'number' ? inspected : null;
}

/** DevTools says 'dark' or 'default' ('light' in Firefox); a tab follows prefers-color-scheme (the CSS does that without an attribute). */
export function applyTheme(root: HTMLElement, devtools: DevtoolsLike | undefined): void {
  const name = devtools?.panels?.themeName;
  if (name === 'dark') root.dataset.theme = 'dark';
  else if (name === 'default' || name === 'light') root.dataset.theme = 'light'; // Chrome says 'default', Firefox 'light'
}

/** URL of this page as a tab of its own, showing `tabId`. */
export function popOutUrl(href: string, tabId: number): string {
  // A parsed URL's query starts at its first `?` and its fragment at its first `#`.
  const url = parseUrl(href)?.href ?? href;
  const cut = [url.indexOf('?'), url.indexOf('#')].filter((i) => i >= 0);
  return `${cut.length ? url.slice(0, Math.min(...cut)) : url}?tabId=${tabId}`;
}
