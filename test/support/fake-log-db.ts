/**
 * An in-memory log database (the LogDb the persistence writes through; IndexedDB in the browser):
 * records are copied by structured clone as IndexedDB copies them, a write is applied whole or not
 * at all, and the next writes can be made to fail. Tests look into `records` and `metas` directly.
 */
import type { LogBatch, LogDb, LogRecord } from '../../src/background/persist/log-db';
import type { TabMeta } from '../../src/background/tabs/tab-log';

export class FakeLogDb implements LogDb {
  /** Stored entries by `tabId:id`. */
  readonly records = new Map<string, LogRecord>();
  readonly metas = new Map<number, TabMeta>();
  /** Successful writes so far. */
  writes = 0;
  /** The last successful write. */
  lastWrite: LogBatch | null = null;
  /** Makes the next writes fail with this error (consumed one per write). */
  failNext: Error[] = [];

  async load(): Promise<{ records: unknown[]; metas: unknown[] }> {
    return structuredClone({ records: [...this.records.values()], metas: [...this.metas.values()] });
  }

  async write(batch: LogBatch): Promise<void> {
    const fail = this.failNext.shift();
    if (fail) throw fail;
    const b = structuredClone(batch);
    for (const tabId of b.dropTabs) {
      this.metas.delete(tabId);
      for (const id of this.ids(tabId)) this.records.delete(`${tabId}:${id}`);
    }
    for (const [tabId, id] of b.drop) this.records.delete(`${tabId}:${id}`);
    for (const r of b.put) this.records.set(`${r.tabId}:${r.id}`, r);
    for (const m of b.metas) this.metas.set(m.tabId, m);
    this.writes++;
    this.lastWrite = b;
  }

  async clear(): Promise<void> {
    this.records.clear();
    this.metas.clear();
  }

  /** The exchange ids stored for a tab. */
  ids(tabId: number): string[] {
    return [...this.records.values()].filter((r) => r.tabId === tabId).map((r) => r.id);
  }
}
