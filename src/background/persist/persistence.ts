/**
 * Write-through of the store to the log database (log-db.ts; IndexedDB in the browser), so a
 * stopped worker loses nothing. What changed since the last write is remembered by key (the newest
 * version of an entry wins) and written in batches, one transaction each, the records going by
 * structured clone (record.ts). A write that fails (quota, an aborted transaction) is
 * said with a warning and what it carried waits for the next batch, merged with newer changes.
 *
 * Fresh start or wake: the log must be gone when the browser closes, but a worker the browser
 * stopped must find it again. A marker in `storage.session` (emptied when the browser closes, kept
 * while it runs) tells the two apart: without it the log is a previous browser session's and is
 * wiped, unless the user keeps the log across restarts (Settings.keepAcrossRestarts); with it, or
 * with that setting, the store is rehydrated (rehydrate.ts).
 */
import type { ExchangeEntry } from '../../shared/protocol';
import { debug } from '../../shared/debug';
import type { Store, StoreObserver } from '../tabs/store';
import type { Classify } from '../correlate/verdicts';
import type { StorageAreaLike } from './storage-area';
import type { LogBatch, LogDb, LogRecord } from './log-db';
import { rehydrate } from './rehydrate';
import { toRecord } from './record';

/**
 * Exchanges per write at most: a burst goes out in several bounded transactions (each one quick to
 * clone and commit) instead of one huge one; what is left is written right after.
 */
export const MAX_BATCH_ENTRIES = 500;

/** The `storage.session` key that marks this browser session as one whose log we keep. */
export const MARKER_KEY = 'cl:log';

const keyOf = (tabId: number, id: string) => `${tabId}\n${id}`;

export class Persistence implements StoreObserver {
  private readonly puts = new Map<string, { tabId: number; e: ExchangeEntry }>();
  private readonly drops = new Map<string, [number, string]>();
  private readonly metas = new Set<number>();
  private readonly goneTabs = new Set<number>();
  private writing: Promise<void> | null = null;
  private loading: Promise<unknown> = Promise.resolve();
  readonly stats = { writes: 0, failedWrites: 0 };

  constructor(
    private readonly log: LogDb,
    private readonly marker: StorageAreaLike,
    private readonly store: Store,
    private readonly schedule: () => void,
    /** The user's "keep the log across browser restarts" (read at boot, after the settings). */
    private readonly keepAcrossRestarts: () => boolean = () => false,
  ) {}

  // ---- StoreObserver: remember what changed (the record is made at the write) ----
  entry(tabId: number, e: ExchangeEntry): void {
    const k = keyOf(tabId, e.exchange.id);
    this.drops.delete(k);
    this.puts.set(k, { tabId, e });
    this.schedule();
  }
  removed(tabId: number, ids: string[]): void {
    for (const id of ids) {
      const k = keyOf(tabId, id);
      this.puts.delete(k);
      this.drops.set(k, [tabId, id]);
    }
    this.schedule();
  }
  meta(tabId: number): void {
    this.metas.add(tabId);
    this.schedule();
  }
  reset(): void {}
  tabRemoved(tabId: number): void {
    // The whole tab goes in one range delete: what was queued for it is moot.
    for (const [k, p] of this.puts) if (p.tabId === tabId) this.puts.delete(k);
    for (const [k, [t]] of this.drops) if (t === tabId) this.drops.delete(k);
    this.metas.delete(tabId);
    this.goneTabs.add(tabId);
    this.schedule();
  }

  get pending(): boolean {
    return this.puts.size > 0 || this.drops.size > 0 || this.metas.size > 0 || this.goneTabs.size > 0;
  }

  /** Writes everything pending; one write at a time, later changes go in the next batch. */
  async flush(): Promise<void> {
    await this.loading;
    while (this.writing) await this.writing;
    if (!this.pending) return;
    this.writing = this.write().finally(() => { this.writing = null; });
    await this.writing;
  }

  /** Takes up to MAX_BATCH_ENTRIES entries and everything else pending; the rest waits for the next batch. */
  private batch(): LogBatch {
    const put: LogRecord[] = [];
    // All of it in the usual case: then the map is emptied at once rather than key by key.
    const all = this.puts.size <= MAX_BATCH_ENTRIES;
    for (const [k, { tabId, e }] of this.puts) {
      if (put.length >= MAX_BATCH_ENTRIES) break;
      if (!all) this.puts.delete(k);
      put.push(toRecord(tabId, e));
    }
    if (all) this.puts.clear();
    const metas = [];
    for (const tabId of this.metas) {
      const m = this.store.peek(tabId)?.meta;
      if (m) metas.push(m);
    }
    const batch: LogBatch = { dropTabs: [...this.goneTabs], drop: [...this.drops.values()], put, metas };
    this.metas.clear();
    this.drops.clear();
    this.goneTabs.clear();
    return batch;
  }

  private async write(): Promise<void> {
    while (this.pending) {
      const b = this.batch();
      try {
        await this.log.write(b);
        this.stats.writes++;
      } catch (err) {
        this.requeue(b);
        this.stats.failedWrites++;
        debug.warn('persistence', 'log write failed; will retry with the next batch', err);
        return;
      }
    }
  }

  /** What a failed batch carried is pending again, unless something newer replaced it. */
  private requeue(b: LogBatch): void {
    for (const tabId of b.dropTabs) if (!this.store.peek(tabId)) this.goneTabs.add(tabId);
    for (const [tabId, id] of b.drop) {
      const k = keyOf(tabId, id);
      if (!this.puts.has(k)) this.drops.set(k, [tabId, id]);
    }
    for (const r of b.put) {
      const k = keyOf(r.tabId, r.id);
      const e = this.store.peek(r.tabId)?.entries.get(r.id);
      if (!this.puts.has(k) && !this.drops.has(k) && e) this.puts.set(k, { tabId: r.tabId, e });
    }
    for (const m of b.metas) this.metas.add(m.tabId);
  }

  /**
   * Wipes the log at a fresh start of the browser (unless the user keeps it), or rehydrates the store from it after a wake.
   * Returns the entries that were still in flight, for recovery (correlate/recovery.ts).
   */
  load(classify: Classify): Promise<ExchangeEntry[]> {
    const loading = this.boot(classify);
    this.loading = loading.catch(() => {});
    return loading;
  }

  private async boot(classify: Classify): Promise<ExchangeEntry[]> {
    const marked = (await this.marker.get([MARKER_KEY]))[MARKER_KEY] === true;
    if (!marked && !this.keepAcrossRestarts()) {
      await this.log.clear();
      await this.marker.set({ [MARKER_KEY]: true });
      return [];
    }
    if (!marked) await this.marker.set({ [MARKER_KEY]: true });
    return rehydrate(this.log, this.store, classify, (tabId, ids) => this.removed(tabId, ids));
  }
}
