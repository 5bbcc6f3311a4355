/**
 * Reading the stored log back when the worker wakes (after the browser stopped it): the store is
 * rebuilt as it was written (header lists unpacked, record.ts). Verdicts come back with their exchanges; only an exchange stored
 * without one (still in flight) is given to the classifier. Entries of discarded pages and records
 * of the wrong shape are removed. The entries still in flight are returned for recovery
 * (correlate/recovery.ts).
 */
import type { ExchangeEntry } from '../../shared/protocol';
import type { Store } from '../tabs/store';
import type { TabMeta } from '../tabs/tab-log';
import { safeClassify, type Classify } from '../correlate/verdicts';
import type { LogDb, LogRecord } from './log-db';
import { storedExchange } from './record';
import { isObj, type Obj } from '../../core/model/sanitize';

const isRecord = (r: Obj): r is Obj & LogRecord =>
  typeof r.seq === 'number' && typeof r.pageId === 'string' &&
  (r.verdict === undefined || (isObj(r.verdict) && typeof r.verdict.kind === 'string'));

const isMeta = (m: unknown): m is TabMeta => isObj(m) &&
  typeof m.tabId === 'number' && Array.isArray(m.pages) && typeof m.nextSeq === 'number' &&
  typeof m.dropped === 'number' && typeof m.floorSeq === 'number';

export async function rehydrate(
  log: LogDb, store: Store, classify: Classify, forget: (tabId: number, ids: string[]) => void,
): Promise<ExchangeEntry[]> {
  const stored = await log.load();
  const metas = new Map<number, TabMeta>();
  for (const m of stored.metas) if (isMeta(m)) metas.set(m.tabId, m);
  const entries = new Map<number, ExchangeEntry[]>();
  for (const r of stored.records) {
    if (!isObj(r) || typeof r.tabId !== 'number' || typeof r.id !== 'string') continue;
    const record = isRecord(r) ? r : null;
    const exchange = record && storedExchange(record.exchange);
    if (!record || !exchange) { forget(r.tabId, [r.id]); continue; }
    const { seq, pageId } = record;
    const list = entries.get(r.tabId) ?? [];
    list.push({ exchange, seq, pageId, verdict: record.verdict ?? safeClassify(classify, exchange) });
    entries.set(r.tabId, list);
  }
  const inFlight: ExchangeEntry[] = [];
  for (const [tabId, list] of entries) {
    const meta = metas.get(tabId) ?? rebuildMeta(tabId, list);
    const pages = new Set(meta.pages.map((p) => p.pageId));
    const keep = list.filter((e) => pages.has(e.pageId));
    const gone = list.filter((e) => !pages.has(e.pageId)).map((e) => e.exchange.id);
    if (gone.length > 0) forget(tabId, gone);
    store.restore(meta, keep);
    for (const e of keep) if (e.exchange.outcome.state === 'pending') inFlight.push(e);
    metas.delete(tabId);
  }
  for (const meta of metas.values()) store.restore(meta, []);
  return inFlight;
}

function rebuildMeta(tabId: number, list: ExchangeEntry[]): TabMeta {
  const pageIds = [...new Set(list.map((e) => e.pageId))];
  const maxSeq = list.reduce((m, e) => Math.max(m, e.seq), 0);
  const first = list[0]?.exchange.timings.start ?? 0;
  return {
    tabId, pages: pageIds.map((pageId) => ({ pageId, url: '', startedAt: first })), nextSeq: maxSeq + 1, dropped: 0, floorSeq: 1,
  };
}
