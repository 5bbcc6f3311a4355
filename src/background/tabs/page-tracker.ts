/**
 * Page sessions of a tab, from two signals that can arrive in either order: the tab's `loading`
 * status (tabs.onUpdated) and, in Chromium, the top-level `documentId` carried by every request.
 * A request from a top-level document not seen before starts a new page session at once, so the
 * first requests of a page are never wiped by a `loading` event delivered a few milliseconds after
 * them; that event then only names the page. Requests of a document whose page was discarded are
 * dropped rather than mixed into the new page.
 */
import { originOf } from '../../core/http/origin';
import type { Store } from './store';
import type { TabLog } from './tab-log';
import { decidePage } from './page-sessions';

/** How far apart the two signals of one navigation may arrive. */
const SAME_NAVIGATION_MS = 1000;
const MAX_DOCS = 32;

/**
 * Whether a `loading` event belongs to the document that already began the current page: close in
 * time, or (a worker busy waking up may receive it late) for a URL of that document's origin.
 */
function sameNavigation(pending: { at: number; origin?: string }, label: string, at: number): boolean {
  if (Math.abs(at - pending.at) <= SAME_NAVIGATION_MS) return true;
  if (pending.origin === undefined || label === '') return false;
  return originOf(label) === pending.origin;
}

export class PageTracker {
  /** URLs of tabs that have no log yet: no storage is spent on tabs without traffic. */
  private readonly urls = new Map<number, string>();

  constructor(private readonly store: Store, private readonly keepLog: () => boolean) {}

  /** The tab's log, created (named after the tab's last known URL) when needed. */
  ensure(tabId: number): TabLog {
    const existing = this.store.peek(tabId);
    if (existing) return existing;
    const log = this.store.tab(tabId);
    const url = this.urls.get(tabId);
    this.urls.delete(tabId);
    if (url && log.page) this.store.setPageUrl(tabId, log.page.pageId, url);
    return log;
  }

  forget(tabId: number): void {
    this.urls.delete(tabId);
  }

  /** The page session a request belongs to, or null when its page was discarded. */
  pageFor(tabId: number, doc: string | undefined, at: number, origin?: string): string | null {
    const log = this.ensure(tabId);
    const page = log.page!;
    if (doc === undefined) return page.pageId;
    const meta = log.meta;
    const docs = (meta.docs ??= {});
    const known = docs[doc];
    if (known !== undefined) return log.hasPage(known) ? known : null;
    const pageHasDoc = Object.values(docs).includes(page.pageId);
    let pageId = page.pageId;
    const pending = { pageId, at, ...(origin !== undefined ? { origin } : {}) };
    if (!pageHasDoc) {
      if (meta.tabPage !== pageId) meta.docPage = pending;
    } else {
      pageId = this.store.startPage(tabId, '', this.keepLog()).pageId;
      meta.docPage = { ...pending, pageId };
    }
    docs[doc] = pageId;
    const keys = Object.keys(docs);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_DOCS))) delete docs[k];
    this.store.touchMeta(tabId);
    return pageId;
  }

  /** A `loading` status (or a URL change) of the tab. */
  tabUpdated(tabId: number, status: string | undefined, url: string | undefined, tabUrl: string | undefined, at: number): void {
    const log = this.store.peek(tabId);
    if (!log) {
      const known = url ?? tabUrl;
      if (known) this.urls.set(tabId, known);
      return;
    }
    const current = log.page!;
    const meta = log.meta;
    if (status !== 'loading') {
      // A URL change names the current page; so does the end of a load for a page begun by its document.
      const name = url ?? (status === 'complete' && current.url === '' ? tabUrl : undefined);
      if (name !== undefined) this.store.setPageUrl(tabId, current.pageId, name);
      return;
    }
    const label = url ?? tabUrl ?? '';
    const pending = meta.docPage;
    delete meta.docPage;
    if (pending && pending.pageId === current.pageId && sameNavigation(pending, label, at)) {
      meta.tabPage = current.pageId;
      if (label) this.store.setPageUrl(tabId, current.pageId, label);
      this.store.touchMeta(tabId);
      return;
    }
    const decision = decidePage(current, log.countOf(current.pageId), url);
    if (decision === 'same-page') return;
    if (decision === 'reuse-page') {
      meta.tabPage = current.pageId;
      if (label) this.store.setPageUrl(tabId, current.pageId, label);
    } else {
      meta.tabPage = this.store.startPage(tabId, label, this.keepLog()).pageId;
    }
    this.store.touchMeta(tabId);
  }
}
