/**
 * The log in the browser's IndexedDB (available to the service worker in Chromium and Firefox):
 *   database `cors-lens-log`, version = schema version (an upgrade drops what an older schema stored)
 *   `entries`  one LogRecord per exchange, keyed [tabId, id]
 *   `tabs`     one TabMeta per tab, keyed tabId
 * A write is one transaction over both stores, with relaxed durability (the log is a session's, not
 * the user's documents: what matters is that it outlives the worker, which any committed transaction
 * does). A connection the browser closes is opened again on the next call.
 */
import { noLog, type LogBatch, type LogDb } from './log-db';

const DB_NAME = 'cors-lens-log';
const SCHEMA_VERSION = 5; // 4: header lists packed with their lengths first; 5: joined by NUL
const ENTRIES = 'entries';
const TABS = 'tabs';

/** `keyRange`: the IDBKeyRange of the same implementation as `factory` (the global one in a browser). */
export function idbLog(factory: IDBFactory, keyRange: typeof IDBKeyRange = IDBKeyRange): LogDb {
  let connection: Promise<IDBDatabase> | null = null;
  /** The open database, once `connection` resolved: a transaction on it is begun without waiting a turn. */
  let opened: IDBDatabase | null = null;

  const open = (): Promise<IDBDatabase> => connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(DB_NAME, SCHEMA_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
      db.createObjectStore(ENTRIES, { keyPath: ['tabId', 'id'] });
      db.createObjectStore(TABS, { keyPath: 'tabId' });
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => { db.close(); connection = null; opened = null; };
      db.onclose = () => { connection = null; opened = null; };
      opened = db;
      resolve(db);
    };
    req.onerror = () => { connection = null; reject(req.error ?? new Error('IndexedDB open failed')); };
  });

  /** Runs `fill` in one transaction over both stores; resolves when it commits. */
  async function transact(mode: IDBTransactionMode, fill: (entries: IDBObjectStore, tabs: IDBObjectStore) => void): Promise<void> {
    // Open: `fill` runs before this call returns (no await before it), so each put clones the
    // record as it is now (write's contract, log-db.ts).
    const db = opened ?? await open();
    let tx: IDBTransaction;
    try {
      tx = db.transaction([ENTRIES, TABS], mode, { durability: 'relaxed' });
    } catch (err) {
      connection = null; // closed under us: the next call opens it again
      opened = null;
      throw err;
    }
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    try {
      fill(tx.objectStore(ENTRIES), tx.objectStore(TABS));
    } catch (err) {
      tx.abort();
      await committed.catch(() => {});
      throw err;
    }
    await committed;
  }

  return {
    async load() {
      let records: unknown[] = [];
      let metas: unknown[] = [];
      await transact('readonly', (entries, tabs) => {
        const r = entries.getAll();
        const m = tabs.getAll();
        r.onsuccess = () => { records = r.result as unknown[]; };
        m.onsuccess = () => { metas = m.result as unknown[]; };
      });
      return { records, metas };
    },
    write(batch: LogBatch) {
      // While the connection opens (the first write after a wake), the puts wait a turn or more, in
      // which the correlator may change an exchange in flight: the batch is cloned now instead.
      const b = opened ? batch : structuredClone(batch);
      return transact('readwrite', (entries, tabs) => {
        for (const tabId of b.dropTabs) {
          tabs.delete(tabId);
          entries.delete(keyRange.bound([tabId], [tabId, []]));
        }
        for (const [tabId, id] of b.drop) entries.delete([tabId, id]);
        for (const r of b.put) entries.put(r);
        for (const m of b.metas) tabs.put(m);
      });
    },
    clear() {
      return transact('readwrite', (entries, tabs) => { entries.clear(); tabs.clear(); });
    },
  };
}

/** The browser's log: IndexedDB where the worker has it (else nothing survives a stop). */
export function browserLog(): LogDb {
  return typeof indexedDB === 'undefined' ? noLog : idbLog(indexedDB);
}
