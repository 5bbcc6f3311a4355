/**
 * Write-through of the store to `storage.session`, so a stopped worker loses nothing. The keys are
 * laid out in keys.ts (a write is proportional to what changed); rehydrate.ts reads them back.
 * Writes are batched: each flush removes what went, then sets what changed, in one call each.
 *
 * Quota: the bytes the browser charges are tracked (`chargedBytes`), so before a batch goes out
 * the oldest exchanges are dropped — just enough for it to fit, each counted in its tab's
 * `dropped` — instead of letting `set` fail. Should the browser refuse a write anyway, as many
 * bytes as the batch needs are freed the same way and the write is retried; a write that still
 * fails waits for the next batch with a warning, never a crash.
 */
import type { Observer } from '../../core/model/exchange';
import { encodeEntry, type StoredEntry } from './codec';
import type { ExchangeEntry } from '../../shared/protocol';
import { debug } from '../../shared/debug';
import { HeaderPool } from './header-pool';
import { StoredBytes } from './stored-bytes';
import type { Store, StoreObserver } from '../tabs/store';
import { isQuotaError, type StorageAreaLike } from './storage-area';
import type { Classify } from '../correlate/verdicts';
import { entryKey, listKey, metaKey } from './keys';
import { rehydrate } from './rehydrate';

/** Part of the quota kept free for what the estimate misses. */
const QUOTA_MARGIN = 0.02;

/**
 * Exchanges per storage write at most: a burst goes out in several bounded writes (each one quick to
 * encode and commit) instead of one huge one; what is left is written right after.
 */
export const MAX_BATCH_ENTRIES = 500;

interface PersistenceStats {
  writes: number;
  quotaErrors: number;
  failedWrites: number;
  /** Exchanges dropped to stay within the quota. */
  evicted: number;
}

export class Persistence implements StoreObserver {
  private dirty = new Map<string, () => string | undefined>();
  private gone = new Set<string>();
  private writing: Promise<void> | null = null;
  private readonly lists = new HeaderPool();
  private readonly bytes = new StoredBytes();
  /** Bytes we let our keys take: the quota less a margin (lowered when the browser refuses a write). */
  private budget: number;
  readonly stats: PersistenceStats = { writes: 0, quotaErrors: 0, failedWrites: 0, evicted: 0 };

  constructor(
    private readonly area: StorageAreaLike,
    private readonly store: Store,
    private readonly observer: Observer,
    private readonly schedule: () => void,
  ) {
    this.budget = area.quotaBytes === undefined ? Infinity : Math.floor(area.quotaBytes * (1 - QUOTA_MARGIN));
  }

  // ---- StoreObserver: remember what changed (encoding waits for the flush) ----
  entry(tabId: number, e: ExchangeEntry): void {
    const key = entryKey(tabId, e.exchange.id);
    this.put(key, () => this.encode(key, e));
  }
  removed(tabId: number, ids: string[]): void {
    for (const id of ids) {
      const key = entryKey(tabId, id);
      this.del(key);
      for (const list of this.lists.release(key)) this.del(listKey(list));
    }
  }
  meta(tabId: number): void {
    this.put(metaKey(tabId), () => { const m = this.store.peek(tabId)?.meta; return m ? JSON.stringify(m) : undefined; });
  }
  reset(): void {}
  tabRemoved(tabId: number): void {
    this.del(metaKey(tabId));
  }

  get pending(): boolean {
    return this.dirty.size > 0 || this.gone.size > 0;
  }

  /** Bytes the browser charges for what is stored now (estimate). */
  get storedBytes(): number {
    return this.bytes.total;
  }

  /** Writes everything dirty; one write at a time, later changes go in the next batch. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (!this.pending) return;
    this.writing = this.write().finally(() => { this.writing = null; });
    await this.writing;
  }

  private encode(key: string, e: StoredEntry): string {
    const used: number[] = [];
    const text = encodeEntry(e, this.observer, (json) => {
      const id = this.lists.ref(json, (n) => this.put(listKey(n), () => this.lists.text(n)));
      used.push(id);
      return id;
    });
    for (const list of this.lists.assign(key, used)) this.del(listKey(list));
    return text;
  }

  /**
   * Reads dirty keys into a batch: up to MAX_BATCH_ENTRIES entries (plus tab metas), then every dirty
   * header list (an entry's encoding may add some). Entries beyond the bound stay dirty for the next batch.
   */
  private batch(): { items: Record<string, string>; gone: string[] } {
    const items: Record<string, string> = {};
    let entries = 0;
    for (const [k, read] of [...this.dirty]) {
      if (k.startsWith('cl:h:')) continue;
      if (k.startsWith('cl:e:') && entries++ >= MAX_BATCH_ENTRIES) continue;
      this.dirty.delete(k);
      const v = read();
      if (v !== undefined) items[k] = v;
    }
    for (const [k, read] of [...this.dirty]) {
      if (!k.startsWith('cl:h:')) continue;
      this.dirty.delete(k);
      const v = read();
      if (v !== undefined) items[k] = v;
    }
    const gone = [...this.gone].filter((k) => !(k in items));
    this.gone.clear();
    return { items, gone };
  }

  private async write(): Promise<void> {
    // Batch after batch until nothing is dirty; up to 6 quota refusals in a row before giving up for now.
    for (let refusals = 0; refusals < 6 && this.pending;) {
      if (this.fit() === 'full') { this.stats.failedWrites++; return; }
      const { items, gone } = this.batch();
      // Removals first: the space they free is what lets the batch in. Header lists go last, once
      // no stored entry names them.
      const stored = gone.filter((k) => this.bytes.has(k));
      const first = stored.filter((k) => !k.startsWith('cl:h:'));
      const last = stored.filter((k) => k.startsWith('cl:h:'));
      try {
        await this.removeKeys(first);
        if (Object.keys(items).length > 0) {
          await this.area.set(items);
          for (const [k, v] of Object.entries(items)) this.bytes.stored(k, v);
        }
        await this.removeKeys(last);
        this.stats.writes++;
        refusals = 0;
      } catch (err) {
        // What this batch did not finish is tried again (merged with newer changes).
        this.requeue(items, gone.filter((k) => this.bytes.has(k)));
        if (!isQuotaError(err)) {
          this.stats.failedWrites++;
          debug.warn('persistence', 'storage write failed; will retry with the next batch', err);
          return;
        }
        this.stats.quotaErrors++;
        refusals++;
        // The quota lies between what is stored (accepted) and that plus this batch (refused): aim
        // halfway, so a few refusals at most find it, and later batches are fitted before they go out.
        const delta = Math.max(this.bytes.delta(items, []), 1);
        this.budget = Math.min(this.budget, Math.floor(this.bytes.total + delta / 2));
      }
    }
    if (this.pending) this.schedule();
  }

  private async removeKeys(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.area.remove(keys);
    for (const k of keys) this.bytes.forget(k);
  }

  /** Drops the oldest exchanges until what is stored plus the next batch fits the budget. */
  private fit(): 'fits' | 'full' {
    if (this.budget === Infinity) return 'fits';
    for (let round = 0; round < 50; round++) {
      const projected = this.bytes.total + this.projectedDelta();
      if (projected <= this.budget) return 'fits';
      if (this.evict(projected - this.budget) === 0) return 'full';
    }
    return 'fits';
  }

  /** Bytes the dirty keys would add (entries not encoded yet are charged their last stored size). */
  private projectedDelta(): number {
    let d = 0;
    for (const [k, read] of this.dirty) {
      const v = read();
      // The value is read again when the batch is built: keep what was read.
      if (v === undefined) { this.dirty.delete(k); continue; }
      this.dirty.set(k, () => v);
      d += this.bytes.change(k, v);
    }
    for (const k of this.gone) d -= this.bytes.size(k);
    return d;
  }

  /** Drops the oldest exchanges worth at least `bytes`; returns how many went. */
  private evict(bytes: number): number {
    const avg = this.bytes.entryAverage();
    const n = this.store.evictOldest(Math.max(1, Math.ceil(bytes / Math.max(avg, 1))));
    if (n > 0) {
      this.stats.evicted += n;
      debug.warn('persistence', `storage quota: dropped the ${n} oldest exchanges`);
    }
    return n;
  }

  private requeue(items: Record<string, string>, gone: string[]): void {
    for (const [k, v] of Object.entries(items)) if (!this.dirty.has(k) && !this.gone.has(k)) this.dirty.set(k, () => v);
    for (const k of gone) if (!this.dirty.has(k)) this.gone.add(k);
  }

  private put(key: string, read: () => string | undefined): void {
    this.gone.delete(key);
    this.dirty.set(key, read);
    this.schedule();
  }

  private del(key: string): void {
    this.dirty.delete(key);
    this.gone.add(key);
    this.schedule();
  }

  /**
   * Rehydrates the store from storage (rehydrate.ts). Returns the entries that were still in
   * flight, for recovery (correlate/recovery.ts).
   */
  load(classify: Classify): Promise<ExchangeEntry[]> {
    return rehydrate({
      area: this.area, observer: this.observer, lists: this.lists, bytes: this.bytes, store: this.store,
      forget: (tabId, ids) => this.removed(tabId, ids),
      rewrite: (tabId, e) => this.entry(tabId, e),
    }, classify);
  }
}
