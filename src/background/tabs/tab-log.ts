/**
 * The log of one tab: its page sessions and its exchanges, bounded, with verdict counts kept up to
 * date incrementally (no rescans on the event path). Oldest entries go first; every entry dropped is
 * counted in `dropped`, never silently lost.
 */
import type { ExchangeEntry, PageInfo, TabSummary, VerdictCounts } from '../../shared/protocol';
import { emptyCounts, OTHER_TAB } from '../../shared/protocol';
import { isInterrupted } from '../correlate/interrupted';

/** How many blocked entries a summary carries (newest first). */
const SUMMARY_BLOCKED = 50;

export interface TabMeta {
  tabId: number;
  pages: PageInfo[];
  nextSeq: number;
  dropped: number;
  /** Exchanges first seen before this seq were dropped or cleared: they never come back. */
  floorSeq: number;
  /** Chromium: top-level documentId → pageId, newest last (bounded). */
  docs?: Record<string, string>;
  /** The page a tab `loading` event started or confirmed most recently. */
  tabPage?: string;
  /** A page begun (or adopted) by a new top-level document, waiting for its `loading` event. */
  docPage?: { pageId: string; at: number; origin?: string };
}

export class TabLog {
  readonly entries = new Map<string, ExchangeEntry>();
  readonly counts: VerdictCounts = emptyCounts();
  private readonly blocked = new Set<string>();
  /** Entries whose end was lost with a stopped worker (judged from what was seen): counted and shown. */
  private readonly interrupted = new Set<string>();
  private readonly perPage = new Map<string, number>();

  constructor(public meta: TabMeta) {}

  get tabId(): number { return this.meta.tabId; }
  get size(): number { return this.entries.size; }
  get page(): PageInfo | null { return this.meta.pages[this.meta.pages.length - 1] ?? null; }

  hasPage(pageId: string): boolean {
    return this.meta.pages.some((p) => p.pageId === pageId);
  }

  /** Number of entries recorded for one page session. */
  countOf(pageId: string): number {
    return this.perPage.get(pageId) ?? 0;
  }

  /** Inserts or replaces an entry (the caller assigned its seq). */
  put(entry: ExchangeEntry): void {
    const old = this.entries.get(entry.exchange.id);
    if (old) this.account(old, -1);
    this.entries.set(entry.exchange.id, entry);
    this.account(entry, +1);
  }

  remove(id: string): ExchangeEntry | undefined {
    const old = this.entries.get(id);
    if (!old) return undefined;
    this.entries.delete(id);
    this.account(old, -1);
    return old;
  }

  oldest(): ExchangeEntry | undefined {
    return this.entries.values().next().value;
  }

  /** Drops every entry; pages are replaced by `pages`. */
  reset(pages: PageInfo[]): ExchangeEntry[] {
    const all = [...this.entries.values()];
    this.entries.clear();
    this.blocked.clear();
    this.interrupted.clear();
    this.perPage.clear();
    Object.assign(this.counts, emptyCounts());
    this.meta.pages = pages;
    this.meta.floorSeq = this.meta.nextSeq;
    return all;
  }

  /** Forgets pages that no longer own any entry (the current page always stays). */
  prunePages(): boolean {
    const before = this.meta.pages.length;
    const current = this.page;
    this.meta.pages = this.meta.pages.filter((p) => p === current || (this.perPage.get(p.pageId) ?? 0) > 0);
    return this.meta.pages.length !== before;
  }

  summary(): TabSummary {
    const blocked = [...this.blocked]
      .map((id) => this.entries.get(id)!)
      .sort((a, b) => b.seq - a.seq)
      .slice(0, SUMMARY_BLOCKED);
    return {
      tabId: this.tabId,
      page: this.tabId === OTHER_TAB ? null : this.page,
      counts: { ...this.counts },
      total: this.entries.size,
      dropped: this.meta.dropped,
      interrupted: this.interrupted.size,
      blocked,
    };
  }

  private account(e: ExchangeEntry, d: 1 | -1): void {
    this.counts[e.verdict.kind] += d;
    // By id, like `blocked`: a record may change in place between being put and removed.
    if (d < 0) this.interrupted.delete(e.exchange.id);
    else if (isInterrupted(e.exchange)) this.interrupted.add(e.exchange.id);
    this.perPage.set(e.pageId, (this.perPage.get(e.pageId) ?? 0) + d);
    if (e.verdict.kind === 'blocked') {
      if (d > 0) this.blocked.add(e.exchange.id);
      else this.blocked.delete(e.exchange.id);
    }
  }
}
