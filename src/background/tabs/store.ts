/**
 * Every tab's log, bounded per tab. The store owns the state; persistence, ports and the badge
 * follow it through `StoreObserver` (each keeps its own dirty set and flushes in batches).
 */
import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import type { ExchangeEntry, PageInfo, TabSummary } from '../../shared/protocol';
import { OTHER_TAB } from '../../shared/protocol';
import { TabLog, type TabMeta } from './tab-log';

export type ResetReason = 'cleared' | 'navigation' | 'closed';

export interface StoreObserver {
  /** An entry was inserted or replaced. */
  entry(tabId: number, entry: ExchangeEntry): void;
  /** Entries left the log (bound, quota, reset). */
  removed(tabId: number, ids: string[]): void;
  /** Pages, counters or the drop count changed. */
  meta(tabId: number): void;
  reset(tabId: number, reason: ResetReason): void;
  /** The tab closed: all its data is gone. */
  tabRemoved(tabId: number): void;
}

interface StoreOptions {
  maxPerTab: number;
  now: () => number;
  newPageId: () => string;
}

export class Store {
  private readonly tabs = new Map<number, TabLog>();
  private readonly observers: StoreObserver[] = [];

  constructor(private readonly opts: StoreOptions) {}

  observe(o: StoreObserver): void {
    this.observers.push(o);
  }

  tabIds(): number[] {
    return [...this.tabs.keys()];
  }

  /** The tab's log, created with a first page session when the tab was not known yet. */
  tab(tabId: number): TabLog {
    let log = this.tabs.get(tabId);
    if (!log) {
      const page: PageInfo = { pageId: tabId === OTHER_TAB ? 'other' : this.opts.newPageId(), url: '', startedAt: this.opts.now() };
      log = new TabLog({ tabId, pages: [page], nextSeq: 1, dropped: 0, floorSeq: 1 });
      this.tabs.set(tabId, log);
      this.emit((o) => o.meta(tabId));
    }
    return log;
  }

  peek(tabId: number): TabLog | undefined {
    return this.tabs.get(tabId);
  }

  /** Assigns the next seq of a tab (the order of first sight). */
  nextSeq(tabId: number): number {
    const log = this.tab(tabId);
    const seq = log.meta.nextSeq++;
    for (const o of this.observers) o.meta(tabId); // per new exchange: no closure
    return seq;
  }

  /**
   * Records an exchange. Returns null (and changes nothing) when it belongs to a page session that
   * was discarded, or it was dropped or cleared earlier.
   */
  upsert(tabId: number, pageId: string, seq: number, exchange: Exchange, verdict: Verdict): ExchangeEntry | null {
    const log = this.tab(tabId);
    if (!log.hasPage(pageId)) return null;
    if (!log.entries.has(exchange.id) && seq < log.meta.floorSeq) return null;
    const entry: ExchangeEntry = { exchange, verdict, seq, pageId };
    log.put(entry);
    for (const o of this.observers) o.entry(tabId, entry); // per change: no closure
    if (log.size > this.opts.maxPerTab) this.enforceBound(log);
    return entry;
  }

  /** A top-level navigation: a new page session; the old ones go unless the log is kept. */
  startPage(tabId: number, url: string, keep: boolean): PageInfo {
    const log = this.tab(tabId);
    const page: PageInfo = { pageId: this.opts.newPageId(), url, startedAt: this.opts.now() };
    if (keep) {
      log.meta.pages.push(page);
      log.prunePages();
      this.emit((o) => o.meta(tabId));
    } else {
      const gone = log.reset([page]);
      this.emit((o) => o.removed(tabId, gone.map((e) => e.exchange.id)));
      this.emit((o) => o.meta(tabId));
      this.emit((o) => o.reset(tabId, 'navigation'));
    }
    return page;
  }

  /** Tab metadata changed outside the store's own methods (page tracking). */
  touchMeta(tabId: number): void {
    if (this.tabs.has(tabId)) this.emit((o) => o.meta(tabId));
  }

  /** Learns the URL of a page session created before its URL was known. */
  setPageUrl(tabId: number, pageId: string, url: string): void {
    const page = this.tabs.get(tabId)?.meta.pages.find((p) => p.pageId === pageId);
    if (!page || page.url === url) return;
    page.url = url;
    this.emit((o) => o.meta(tabId));
  }

  clear(tabId: number): void {
    const log = this.tab(tabId);
    const gone = log.reset(log.page ? [log.page] : []);
    log.meta.dropped = 0;
    this.emit((o) => o.removed(tabId, gone.map((e) => e.exchange.id)));
    this.emit((o) => o.meta(tabId));
    this.emit((o) => o.reset(tabId, 'cleared'));
  }

  removeTab(tabId: number): void {
    const log = this.tabs.get(tabId);
    if (!log) return;
    this.tabs.delete(tabId);
    const ids = [...log.entries.keys()];
    if (ids.length > 0) this.emit((o) => o.removed(tabId, ids));
    this.emit((o) => o.tabRemoved(tabId));
  }

  summary(tabId: number): TabSummary {
    return this.tab(tabId).summary();
  }

  entries(tabId: number): ExchangeEntry[] {
    return [...this.tab(tabId).entries.values()];
  }

  totalEntries(): number {
    let n = 0;
    for (const log of this.tabs.values()) n += log.size;
    return n;
  }

  /**
   * Removes an entry that turned out to be part of another (a preflight shown on its own until its
   * late request claimed it): not a drop, nothing is lost.
   */
  discard(tabId: number, id: string): void {
    const log = this.tabs.get(tabId);
    if (!log?.remove(id)) return;
    this.emit((o) => o.removed(tabId, [id]));
    this.emit((o) => o.meta(tabId));
  }

  /** Drops the `count` oldest entries across all tabs (storage quota ran out). Returns how many went. */
  evictOldest(count: number): number {
    let done = 0;
    const touched = new Map<number, string[]>();
    while (done < count) {
      let victim: TabLog | undefined;
      let start = Infinity;
      for (const log of this.tabs.values()) {
        const e = log.oldest();
        if (e && e.exchange.timings.start < start) { start = e.exchange.timings.start; victim = log; }
      }
      if (!victim) break;
      const e = victim.oldest()!;
      this.drop(victim, e);
      touched.set(victim.tabId, [...(touched.get(victim.tabId) ?? []), e.exchange.id]);
      done++;
    }
    for (const [tabId, ids] of touched) {
      this.emit((o) => o.removed(tabId, ids));
      this.emit((o) => o.meta(tabId));
    }
    return done;
  }

  /** Rehydration: puts back a tab exactly as it was stored (no observer is told). */
  restore(meta: TabMeta, entries: ExchangeEntry[]): TabLog {
    const log = new TabLog(meta);
    for (const e of entries.sort((a, b) => a.seq - b.seq)) log.put(e);
    this.tabs.set(meta.tabId, log);
    return log;
  }

  private enforceBound(log: TabLog): void {
    const ids: string[] = [];
    while (log.size > this.opts.maxPerTab) {
      const e = log.oldest()!;
      this.drop(log, e);
      ids.push(e.exchange.id);
    }
    if (ids.length === 0) return;
    this.emit((o) => o.removed(log.tabId, ids));
    this.emit((o) => o.meta(log.tabId));
  }

  private drop(log: TabLog, e: ExchangeEntry): void {
    log.remove(e.exchange.id);
    log.meta.dropped++;
    log.meta.floorSeq = Math.max(log.meta.floorSeq, e.seq + 1);
    log.prunePages();
  }

  private emit(f: (o: StoreObserver) => void): void {
    for (const o of this.observers) f(o);
  }
}

