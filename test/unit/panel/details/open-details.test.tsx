// @vitest-environment happy-dom
/**
 * Details on demand: the panel holds rows, and fetches the opened exchange's entry (loading, then the details;
 * an exchange that is gone or a request that fails is said in words). The entry sources page through the worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { OpenDetails } from '../../../../src/panel/details/OpenDetails';
import { localEntries, remoteEntries, type EntrySource } from '../../../../src/shared/entry-source';
import { rowOfEntry } from '../../../../src/panel/table/rows';
import { entryHandlers, entriesAfter } from '../../../../src/background/entry-requests';
import type { ExchangeEntry, Requests, RequestName } from '../../../../src/shared/protocol';
import { ENTRIES_PAGE } from '../../../../src/shared/protocol';
import { blockedTrailingSlash, simple } from '../fixtures';

afterEach(cleanup);

/** A source whose answers the test releases. */
function deferred() {
  const asked: string[] = [];
  let release: (e: ExchangeEntry | null | Error) => void = () => {};
  const source: EntrySource = {
    one: (id) => {
      asked.push(id);
      return new Promise((resolve, reject) => { release = (e) => (e instanceof Error ? reject(e) : resolve(e)); });
    },
    all: async () => [],
  };
  return { source, asked, release: (e: ExchangeEntry | null | Error) => release(e) };
}

const noop = () => {};

describe('OpenDetails', () => {
  it('says it is loading, then shows the fetched entry', async () => {
    const e = blockedTrailingSlash('b', 2);
    const d = deferred();
    render(<OpenDetails row={rowOfEntry(e)} source={d.source} preflightIndex={null} onClose={noop} onJump={noop} />);
    expect(screen.getByTestId('details-state').textContent).toBe('Loading the details…');
    expect(d.asked).toEqual(['b']);
    d.release(e);
    expect((await screen.findByTestId('headline')).textContent).toMatch(/^Blocked/);
    expect(screen.queryByTestId('details-state')).toBeNull();
  });

  it('says so in words when the exchange is gone (cleared, dropped), or when the request fails', async () => {
    const d = deferred();
    const { unmount } = render(<OpenDetails row={rowOfEntry(simple('a', 1))} source={d.source} preflightIndex={null} onClose={noop} onJump={noop} />);
    d.release(null);
    await waitFor(() => expect(screen.getByTestId('details-state').textContent).toMatch(/no longer in the log/));
    expect(screen.getByRole('alert')).toBeDefined();
    unmount();
    const f = deferred();
    render(<OpenDetails row={rowOfEntry(simple('a', 1))} source={f.source} preflightIndex={null} onClose={noop} onJump={noop} />);
    f.release(new Error('Extension context invalidated.'));
    await waitFor(() => expect(screen.getByTestId('details-state').textContent).toBe('Could not load the details: Extension context invalidated.'));
  });

  it('a new version of the open exchange is fetched again, and the one shown stays until it arrives', async () => {
    const d = deferred();
    const first = blockedTrailingSlash('b', 2);
    const view = render(<OpenDetails row={rowOfEntry(first)} source={d.source} preflightIndex={null} onClose={noop} onJump={noop} />);
    d.release(first);
    await screen.findByTestId('headline');
    view.rerender(<OpenDetails row={rowOfEntry(simple('b', 2))} source={d.source} preflightIndex={null} onClose={noop} onJump={noop} />);
    expect(d.asked).toEqual(['b', 'b']);
    expect(screen.getByTestId('headline')).toBeDefined();
    d.release(simple('b', 2));
    await waitFor(() => expect(screen.getByTestId('headline').textContent).not.toMatch(/^Blocked/));
  });
});

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
