/**
 * Where the log lives: the adapter the persistence writes through and reads back (idb-log.ts is the
 * browser's IndexedDB; tests run the real Persistence over an in-memory one). Records are stored by
 * structured clone, no JSON; only the header lists are joined into strings (record.ts).
 */
import type { Verdict } from '../../core/model/verdict';
import type { TabMeta } from '../tabs/tab-log';
import type { StoredExchange } from './record';

/**
 * One stored exchange, its header lists joined into strings (record.ts). The verdict is stored once
 * judged; an exchange still in flight has none.
 */
export interface LogRecord {
  tabId: number;
  id: string;
  seq: number;
  pageId: string;
  exchange: StoredExchange;
  verdict?: Verdict;
}

/** What one write changes, in one transaction: all of it is stored, or none. */
export interface LogBatch {
  /** Tabs closed: their meta and every entry go (applied first). */
  dropTabs: number[];
  /** Entries that left the log, as [tabId, exchange id]. */
  drop: [number, string][];
  /** Entries inserted or replaced. */
  put: LogRecord[];
  metas: TabMeta[];
}

export interface LogDb {
  /** Everything stored (values as written, but untrusted: the reader checks their shape). */
  load(): Promise<{ records: unknown[]; metas: unknown[] }>;
  /**
   * Stores the batch as it is when `write` is called: the records share objects with the store's
   * exchanges (timings, outcome, a list kept as it is), which the correlator changes in place while
   * they are in flight, so they are cloned before `write` returns (IndexedDB clones at `put`).
   */
  write(batch: LogBatch): Promise<void>;
  /** Empties the log. */
  clear(): Promise<void>;
}

/** A log that keeps nothing (a browser without IndexedDB: nothing survives a stop, as before storage). */
export const noLog: LogDb = {
  load: async () => ({ records: [], metas: [] }),
  write: async () => {},
  clear: async () => {},
};
