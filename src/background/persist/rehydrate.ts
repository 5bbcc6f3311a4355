/**
 * Reading the stored log back when the worker starts (after the browser stopped it): the store is
 * rebuilt from `storage.session` exactly as it was written (keys.ts), verdicts are recomputed by the
 * classifier, and entries of discarded pages and data of another schema are cleaned up. The entries
 * that were still in flight are returned for recovery (correlate/recovery.ts).
 */
import type { Observer } from '../../core/model/exchange';
import type { ExchangeEntry } from '../../shared/protocol';
import type { Store } from '../tabs/store';
import type { TabMeta } from '../tabs/tab-log';
import { safeClassify, type Classify } from '../correlate/verdicts';
import { decodeEntry } from './codec';
import type { HeaderPool } from './header-pool';
import type { StoredBytes } from './stored-bytes';
import type { StorageAreaLike } from './storage-area';
import { KEY, listKey, OBSERVER_KEY, SCHEMA_VERSION, VERSION_KEY } from './keys';

/** What rehydration fills in: the persistence's own bookkeeping, and the store. */
interface RehydrateTarget {
  area: StorageAreaLike;
  /** The observer this worker stores exchanges against. */
  observer: Observer;
  lists: HeaderPool;
  bytes: StoredBytes;
  store: Store;
  /** Marks stored entries for removal. */
  forget(tabId: number, ids: string[]): void;
  /** Marks an entry to be written again. */
  rewrite(tabId: number, e: ExchangeEntry): void;
}

export async function rehydrate(t: RehydrateTarget, classify: Classify): Promise<ExchangeEntry[]> {
  const all = await t.area.get(null);
  if (all[VERSION_KEY] !== SCHEMA_VERSION) {
    const ours = Object.keys(all).filter((k) => k.startsWith('cl:'));
    if (ours.length > 0) await t.area.remove(ours);
    await t.area.set({ [VERSION_KEY]: SCHEMA_VERSION, [OBSERVER_KEY]: JSON.stringify(t.observer) });
    return [];
  }
  const storedObserver = parseObserver(all[OBSERVER_KEY]) ?? t.observer;
  for (const [key, value] of Object.entries(all)) {
    const m = KEY.exec(key);
    if (m?.[1] === 'h' && typeof value === 'string') { t.lists.restore(Number(m[2]), value); t.bytes.stored(key, value); }
  }
  const metas = new Map<number, TabMeta>();
  const entries = new Map<number, ExchangeEntry[]>();
  const stale: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    const m = KEY.exec(key);
    if (!m || m[1] === 'h') continue;
    const tabId = Number(m[2]);
    const meta = m[1] === 't' ? parseMeta(value) : null;
    const decoded = m[1] === 'e' ? decodeEntry(value, storedObserver, (id) => t.lists.text(id)) : null;
    if (meta) metas.set(tabId, meta);
    else if (decoded) {
      const { exchange, seq, pageId } = decoded.entry;
      const list = entries.get(tabId) ?? [];
      list.push({ exchange, seq, pageId, verdict: safeClassify(classify, exchange) });
      entries.set(tabId, list);
      t.lists.assign(key, decoded.refs);
    } else { stale.push(key); continue; }
    t.bytes.stored(key, value as string);
  }
  const inFlight: ExchangeEntry[] = [];
  for (const [tabId, list] of entries) {
    const meta = metas.get(tabId) ?? rebuildMeta(tabId, list);
    const pages = new Set(meta.pages.map((p) => p.pageId));
    const keep = list.filter((e) => pages.has(e.pageId));
    for (const e of list) if (!pages.has(e.pageId)) t.forget(tabId, [e.exchange.id]);
    t.store.restore(meta, keep);
    for (const e of keep) if (e.exchange.outcome.state === 'pending') inFlight.push(e);
    metas.delete(tabId);
  }
  for (const meta of metas.values()) t.store.restore(meta, []);
  for (const id of t.lists.unclaimed()) stale.push(listKey(id));
  if (storedObserver !== t.observer && JSON.stringify(storedObserver) !== JSON.stringify(t.observer)) {
    // Entries were encoded against another default observer: rewrite them against ours.
    for (const tabId of t.store.tabIds()) for (const e of t.store.entries(tabId)) t.rewrite(tabId, e);
    await t.area.set({ [OBSERVER_KEY]: JSON.stringify(t.observer) });
  }
  if (stale.length > 0) {
    await t.area.remove(stale);
    for (const k of stale) t.bytes.forget(k);
  }
  return inFlight;
}

function parseObserver(v: unknown): Observer | null {
  try {
    const o = (typeof v === 'string' ? JSON.parse(v) : null) as Observer | null;
    return typeof o === 'object' && o !== null && typeof o.browser === 'string' && typeof o.preflightsVisible === 'boolean' ? o : null;
  } catch {
    return null;
  }
}

function parseMeta(v: unknown): TabMeta | null {
  try {
    const m = (typeof v === 'string' ? JSON.parse(v) : null) as TabMeta | null;
    return typeof m === 'object' && m !== null && typeof m.tabId === 'number' && Array.isArray(m.pages) &&
      typeof m.nextSeq === 'number' && typeof m.dropped === 'number' && typeof m.floorSeq === 'number' ? m : null;
  } catch {
    return null;
  }
}

function rebuildMeta(tabId: number, list: ExchangeEntry[]): TabMeta {
  const pageIds = [...new Set(list.map((e) => e.pageId))];
  const maxSeq = list.reduce((m, e) => Math.max(m, e.seq), 0);
  const first = list[0]?.exchange.timings.start ?? 0;
  return {
    tabId, pages: pageIds.map((pageId) => ({ pageId, url: '', startedAt: first })), nextSeq: maxSeq + 1, dropped: 0, floorSeq: 1,
  };
}
