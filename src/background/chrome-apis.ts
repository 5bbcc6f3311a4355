/**
 * Thin adapters from the browser's extension APIs (the `browser` namespace of shared/browser.ts, passed in
 * by background/index.ts) to the interfaces the session uses. Nothing here decides anything; it is
 * exercised by the real-browser tests.
 */
import type { Action, I18n, Runtime, Storage, Tabs } from 'webextension-polyfill';
import type { Observer } from '../core/model/exchange';
import type { BadgeApi, SayCount } from './tabs/badge';
import type { TabsLike } from './tabs/housekeeping';
import { memoryArea, type StorageAreaLike } from './persist/storage-area';
import type { WebRequestApi } from './capture/web-request';

/** Firefox's runtime has `getBrowserInfo` (the polyfill leaves it undefined in Chromium); else the user agent says. */
export function isFirefox(runtime: Runtime.Static): boolean {
  if (typeof (runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function') return true;
  return /\bFirefox\//.test(globalThis.navigator?.userAgent ?? '');
}

/** What this browser lets us see (decides which absences mean something to the classifier). */
export function observerFor(api: WebRequestApi): Observer {
  const full = api.browser === 'firefox' || api.extraHeaders;
  return { browser: api.browser, preflightsVisible: full, fullRequestHeaders: full, source: 'webRequest' };
}

export function storageArea(area: Storage.StorageArea | undefined): StorageAreaLike {
  if (!area) return memoryArea();
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

export function actionBadge(action: Action.Static): BadgeApi {
  return {
    setText: (tabId, text) => action.setBadgeText({ tabId, text }),
    setColor: (color) => action.setBadgeBackgroundColor({ color }),
    setTitle: (tabId, title) => action.setTitle({ tabId, title }),
  };
}

/**
 * The badge's words in the browser's UI language through the browser's own i18n (the worker has no page, so
 * no language setting of its own, and carries no catalogue): the plural form chosen with Intl.PluralRules,
 * the count grouped as the language writes it (the message's only placeholder, `$1`).
 */
export function browserSay(i18n: I18n.Static | undefined): SayCount {
  let plural: Intl.PluralRules;
  let numbers: Intl.NumberFormat;
  try {
    const lang = i18n?.getUILanguage?.() ?? 'en';
    plural = new Intl.PluralRules(lang);
    numbers = new Intl.NumberFormat(lang);
  } catch {
    plural = new Intl.PluralRules('en');
    numbers = new Intl.NumberFormat('en');
  }
  const get = (id: string, subs?: string[]): string => i18n?.getMessage?.(id, subs) ?? '';
  return (id, count) => {
    if (count === undefined) return get(id) || 'CORS Lens';
    const n = numbers.format(count);
    return get(`${id}__${plural.select(count)}`, [n]) || get(`${id}__other`, [n]) || 'CORS Lens';
  };
}

export function tabsLike(tabs: Tabs.Static): TabsLike {
  return {
    exists: (tabId) => tabs.get(tabId).then(() => true, () => false),
  };
}
