/** The entry sources: the live tab's page through the worker (`get-entry`, `get-entries`), an imported file's are at hand. */
import { describe, expect, it } from 'vitest';
import { localEntries, remoteEntries } from '../../../src/shared/entry-source';
import { entryHandlers, entriesAfter } from '../../../src/background/entry-requests';
import type { Requests, RequestName } from '../../../src/shared/protocol';
import { ENTRIES_PAGE } from '../../../src/shared/protocol';
import { simple } from '../panel/fixtures';

describe('entry sources', () => {
  const log = Array.from({ length: 2 * ENTRIES_PAGE + 3 }, (_, i) => ({ ...simple('x', 1), seq: i + 1 }))
    .map((e, i) => ({ ...e, exchange: { ...e.exchange, id: `x${i}` } }));

  it('the worker answers get-entry and get-entries (pages after a seq cursor); the panel walks every page', async () => {
    const handlers = entryHandlers({ writeThrough: async () => {}, entries: () => log, entry: (_t, id) => log.find((e) => e.exchange.id === id) });
    const calls: RequestName[] = [];
    const conn = {
      async request<K extends RequestName>(name: K, payload: Requests[K]['payload']): Promise<Requests[K]['result']> {
        calls.push(name);
        const h = handlers[name as 'get-entry' | 'get-entries'] as (p: unknown) => Promise<unknown>;
        return await h(payload) as Requests[K]['result'];
      },
    };
    const source = remoteEntries(conn, 7);
    expect((await source.one('x5'))?.seq).toBe(6);
    expect(await source.one('nope')).toBeNull();
    const all = await source.all();
    expect(all.map((e) => e.exchange.id)).toEqual(log.map((e) => e.exchange.id));
    expect(calls.filter((c) => c === 'get-entries')).toHaveLength(3);
    await expect(handlers['get-entries']({ tabId: 7, afterSeq: 'x' as unknown as number, limit: 5 })).rejects.toThrow(/afterSeq/);
    expect((await handlers['get-entries']({ tabId: 7, afterSeq: -1, limit: 1e9 })).entries).toHaveLength(ENTRIES_PAGE);
  });

  it('a page after a cursor skips what came before, even when the oldest entries were dropped meanwhile', () => {
    expect(entriesAfter(log, 10, 5).entries.map((e) => e.seq)).toEqual([11, 12, 13, 14, 15]);
    expect(entriesAfter(log.slice(20), 10, 5).entries.map((e) => e.seq)).toEqual([21, 22, 23, 24, 25]);
    expect(entriesAfter(log, log.length - 1, 5)).toEqual({ entries: [log[log.length - 1]], more: false });
  });

  it("an imported file's entries are at hand", async () => {
    const e = simple('a', 1);
    const source = localEntries([e]);
    expect(await source.one('a')).toBe(e);
    expect(await source.one('b')).toBeNull();
    expect(await source.all()).toEqual([e]);
  });
});
