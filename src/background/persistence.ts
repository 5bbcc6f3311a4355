/**
 * Write-through of the store to `storage.session`, so a stopped worker loses nothing.
 *
 * Layout (a write is proportional to what changed):
 *   `cl:v`                 schema version
 *   `cl:t:<tabId>`         TabMeta (pages, counters, drop count)
 *   `cl:o`                 the observer shared by the stored exchanges
 *   `cl:e:<tabId>:<id>`    one entry: { exchange (compact form, codec.ts), seq, pageId } — the verdict
 *                          is not stored, it is recomputed from the exchange by the (pure) classifier
 *                          when rehydrating, which halves the bytes kept.
 * Writes are batched: the dirty keys of a flush go out in one `set` and one `remove`. When the
 * quota runs out, the oldest exchanges are dropped (counted in each tab's `dropped`) and the write
 * is retried; a write that still fails is given up with a warning, never a crash.
 */
import type { Observer } from '../core/model';
import { pack, unpack, type PackedExchange } from './codec';
import type { ExchangeEntry } from '../shared/protocol';
import { debug } from '../shared/debug';
import type { Store, StoreObserver } from './store';
import { isQuotaError, type StorageAreaLike } from './storage-area';
import type { TabMeta } from './tab-log';
import { safeClassify, type Classify } from './verdicts';

export const SCHEMA_VERSION = 1;
const VERSION_KEY = 'cl:v';
const OBSERVER_KEY = 'cl:o';
const metaKey = (tabId: number) => `cl:t:${tabId}`;
const entryKey = (tabId: number, id: string) => `cl:e:${tabId}:${id}`;

interface StoredEntry {
  exchange: PackedExchange;
  seq: number;
  pageId: string;
}

export interface PersistenceStats {
  writes: number;
  quotaErrors: number;
  failedWrites: number;
}

export class Persistence implements StoreObserver {
  private dirty = new Map<string, () => unknown>();
  private gone = new Set<string>();
  private writing: Promise<void> | null = null;
  readonly stats: PersistenceStats = { writes: 0, quotaErrors: 0, failedWrites: 0 };

  constructor(
    private readonly area: StorageAreaLike,
    private readonly store: Store,
    private readonly observer: Observer,
    private readonly schedule: () => void,
  ) {}

  // ---- StoreObserver: remember what changed ----
  entry(tabId: number, e: ExchangeEntry): void {
    this.put(entryKey(tabId, e.exchange.id), () => ({ exchange: pack(e.exchange, this.observer), seq: e.seq, pageId: e.pageId }));
  }
  removed(tabId: number, ids: string[]): void {
    for (const id of ids) this.del(entryKey(tabId, id));
  }
  meta(tabId: number): void {
    this.put(metaKey(tabId), () => this.store.peek(tabId)?.meta);
  }
  reset(): void {}
  tabRemoved(tabId: number): void {
    this.del(metaKey(tabId));
  }

  get pending(): boolean {
    return this.dirty.size > 0 || this.gone.size > 0;
  }

  /** Writes everything dirty; one write at a time, later changes go in the next batch. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (!this.pending) return;
    this.writing = this.write().finally(() => { this.writing = null; });
    await this.writing;
  }

  private async write(): Promise<void> {
    for (let attempt = 0; attempt < 6 && this.pending; attempt++) {
      const dirty = this.dirty;
      const gone = this.gone;
      this.dirty = new Map();
      this.gone = new Set();
      const items: Record<string, unknown> = {};
      for (const [k, read] of dirty) {
        const v = read();
        if (v !== undefined) items[k] = v;
      }
      try {
        if (Object.keys(items).length > 0) await this.area.set(items);
        if (gone.size > 0) await this.area.remove([...gone]);
        this.stats.writes++;
        return;
      } catch (err) {
        // Nothing of this batch is known to be stored: try it again (merged with newer changes).
        for (const [k, read] of dirty) if (!this.dirty.has(k) && !this.gone.has(k)) this.dirty.set(k, read);
        for (const k of gone) this.gone.add(k);
        if (!isQuotaError(err)) {
          this.stats.failedWrites++;
          debug.warn('persistence', 'storage write failed; will retry with the next batch', err);
          return;
        }
        this.stats.quotaErrors++;
        const total = this.store.totalEntries();
        const n = this.store.evictOldest(Math.max(20, Math.ceil(total * 0.1)));
        debug.warn('persistence', `storage quota reached: dropped the ${n} oldest exchanges`);
        if (n === 0) { this.stats.failedWrites++; return; }
      }
    }
    if (this.pending) this.schedule();
  }

  private put(key: string, read: () => unknown): void {
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
   * Rehydrates the store from storage. Verdicts are recomputed; entries of discarded pages are
   * cleaned up. Returns the entries that were still in flight, so the correlator can pick them up.
   */
  async load(classify: Classify): Promise<ExchangeEntry[]> {
    const all = await this.area.get(null);
    const storedObserver = isObserver(all[OBSERVER_KEY]) ? all[OBSERVER_KEY] : this.observer;
    const metas = new Map<number, TabMeta>();
    const entries = new Map<number, ExchangeEntry[]>();
    const stale: string[] = [];
    for (const [key, value] of Object.entries(all)) {
      const m = /^cl:(t|e):(-?\d+)(?::(.+))?$/.exec(key);
      if (!m) continue;
      const tabId = Number(m[2]);
      if (m[1] === 't' && isMeta(value)) metas.set(tabId, value);
      else if (m[1] === 'e' && isStored(value)) {
        const list = entries.get(tabId) ?? [];
        const exchange = unpack(value.exchange, storedObserver);
        list.push({ exchange, seq: value.seq, pageId: value.pageId, verdict: safeClassify(classify, exchange) });
        entries.set(tabId, list);
      } else stale.push(key);
    }
    const inFlight: ExchangeEntry[] = [];
    for (const [tabId, list] of entries) {
      const meta = metas.get(tabId) ?? rebuildMeta(tabId, list);
      const pages = new Set(meta.pages.map((p) => p.pageId));
      const keep = list.filter((e) => pages.has(e.pageId));
      for (const e of list) if (!pages.has(e.pageId)) stale.push(entryKey(tabId, e.exchange.id));
      this.store.restore(meta, keep);
      for (const e of keep) if (e.exchange.outcome.state === 'pending') inFlight.push(e);
      metas.delete(tabId);
    }
    for (const meta of metas.values()) this.store.restore(meta, []);
    if (storedObserver !== this.observer && JSON.stringify(storedObserver) !== JSON.stringify(this.observer)) {
      // Entries were packed against another default observer: rewrite them against ours.
      for (const tabId of this.store.tabIds()) for (const e of this.store.entries(tabId)) this.entry(tabId, e);
    }
    if (all[VERSION_KEY] !== SCHEMA_VERSION || !isObserver(all[OBSERVER_KEY]) || storedObserver !== this.observer) {
      await this.area.set({ [VERSION_KEY]: SCHEMA_VERSION, [OBSERVER_KEY]: this.observer });
    }
    if (stale.length > 0) await this.area.remove(stale);
    return inFlight;
  }
}

function isObserver(v: unknown): v is Observer {
  const o = v as Observer;
  return typeof o === 'object' && o !== null && typeof o.browser === 'string' && typeof o.preflightsVisible === 'boolean';
}

function isMeta(v: unknown): v is TabMeta {
  const m = v as TabMeta;
  return typeof m === 'object' && m !== null && typeof m.tabId === 'number' && Array.isArray(m.pages) &&
    typeof m.nextSeq === 'number' && typeof m.dropped === 'number' && typeof m.floorSeq === 'number';
}

function isStored(v: unknown): v is StoredEntry {
  const s = v as StoredEntry;
  return typeof s === 'object' && s !== null && typeof s.seq === 'number' && typeof s.pageId === 'string' &&
    typeof s.exchange === 'object' && s.exchange !== null && typeof s.exchange.id === 'string' &&
    typeof s.exchange.outcome === 'object' && s.exchange.outcome !== null && typeof s.exchange.url === 'string' &&
    Array.isArray(s.exchange.requestHeaders);
}

function rebuildMeta(tabId: number, list: ExchangeEntry[]): TabMeta {
  const pageIds = [...new Set(list.map((e) => e.pageId))];
  const maxSeq = list.reduce((m, e) => Math.max(m, e.seq), 0);
  const first = list[0]?.exchange.timings.start ?? 0;
  return {
    tabId, pages: pageIds.map((pageId) => ({ pageId, url: '', startedAt: first })), nextSeq: maxSeq + 1, dropped: 0, floorSeq: 1,
  };
}
