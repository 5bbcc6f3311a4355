/**
 * idb-log.ts over fake-indexeddb: a record is stored as it was when the batch was handed over (the
 * persistence goes on changing its entries right after), whether the database is still opening (the
 * batch is cloned at once) or open (the records are put in the same turn), and batches written in a row
 * are stored in that order, so an older one never replaces a newer one.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { idbLog } from '../../../../src/background/persist/idb-log';
import type { LogBatch, LogRecord } from '../../../../src/background/persist/log-db';

/** A record whose exchange holds `state`, an object the caller may change after the write. */
const record = (version: number, state: { phase: string }): LogRecord =>
  ({ tabId: 1, id: 'a', seq: 1, pageId: 'p', exchange: { id: 'a', version, state } }) as unknown as LogRecord;
const batch = (...put: LogRecord[]): LogBatch => ({ dropTabs: [], drop: [], put, metas: [] });
const stored = async (log: ReturnType<typeof idbLog>) =>
  ((await log.load()).records as { exchange: { version: number; state: { phase: string } } }[]).map((r) => r.exchange);

describe('idbLog', () => {
  it('stores a record as it was at the write while the database is still opening', async () => {
    const log = idbLog(new IDBFactory(), IDBKeyRange);
    const state = { phase: 'in flight' };
    const written = log.write(batch(record(1, state)));
    state.phase = 'ended later';
    await written;
    expect((await stored(log)).map((x) => x.state.phase)).toEqual(['in flight']);
  });

  it('stores a record as it was at the write once the database is open', async () => {
    const log = idbLog(new IDBFactory(), IDBKeyRange);
    await log.load();
    const state = { phase: 'in flight' };
    const written = log.write(batch(record(1, state)));
    await Promise.resolve();
    state.phase = 'ended later';
    await written;
    expect((await stored(log)).map((x) => x.state.phase)).toEqual(['in flight']);
  });

  it('keeps the newest of batches written in a row, across the opening', async () => {
    const log = idbLog(new IDBFactory(), IDBKeyRange);
    const writes = [log.write(batch(record(1, { phase: 'x' })))];
    for (let v = 2; v <= 30; v++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      writes.push(log.write(batch(record(v, { phase: 'x' }))));
    }
    await Promise.all(writes);
    expect((await stored(log)).map((x) => x.version)).toEqual([30]);
  });
});
