/**
 * The port protocol of issue 12: a snapshot travels as compact rows in pages of SNAPSHOT_PAGE (the panel
 * reassembles them), upserts carry rows (one message per tab per flush), and a row is made once per entry version.
 */
import { describe, expect, it } from 'vitest';
import { PortHub } from '../../../src/background/ports';
import type { Store } from '../../../src/background/tabs/store';
import type { ExchangeEntry, PortMessage, TabFindings, TabSnapshot } from '../../../src/shared/protocol';
import { SNAPSHOT_PAGE } from '../../../src/shared/protocol';
import type { EventSink } from '../../../src/shared/transport';
import { toExchangeRow } from '../../../src/shared/exchange-row';
import { applyPortMessage } from '../../../src/panel/apply-message';
import { createPanelStore } from '../../../src/panel/store';
import { blockedTrailingSlash, preflightedPut, simple, snapshot, snapshotMessage } from '../panel/fixtures';

const TAB = 7;

function sink() {
  const messages: PortMessage[] = [];
  const s: EventSink = { send: (m) => { messages.push(m); }, listen: () => () => {}, onClose: () => () => {}, close: () => {} };
  return { s, messages };
}

function hub(entries: ExchangeEntry[]) {
  const snap: TabSnapshot = snapshot(entries);
  const findings: TabFindings = { tabId: TAB, findings: [], cost: [], summary: { findings: { counts: { high: 0, medium: 0, low: 0, info: 0 } as never, total: 0, worst: null, top: [] }, cost: { endpoints: 0, top: [] } as never } };
  const store = { peek: () => ({}), summary: () => snap.summary } as unknown as Store;
  let scheduled = 0;
  const ports = new PortHub(store, () => snap, () => { scheduled++; }, {
    forTab: () => findings, latest: () => null, changes: () => [], markSent: () => {},
  });
  return { ports, snap, scheduled: () => scheduled };
}

/** `n` entries, copies of one judged exchange under their own ids (the classifier runs once). */
function many(n: number): ExchangeEntry[] {
  const base = simple('x', 1);
  return Array.from({ length: n }, (_, i) => ({ ...base, exchange: { ...base.exchange, id: `x${i}` }, seq: i + 1 }));
}

describe('PortHub: rows, in pages', () => {
  it(`sends a large snapshot in pages of ${SNAPSHOT_PAGE} rows, then the findings; the panel puts them back together in order`, () => {
    const n = 2 * SNAPSHOT_PAGE + 500;
    const { ports, snap } = hub(many(n));
    const p = sink();
    ports.connect(TAB, p.s);
    expect(p.messages.map((m) => m.name)).toEqual(['snapshot', 'snapshot', 'snapshot', 'findings']);
    const pages = p.messages.filter((m): m is PortMessage<'snapshot'> => m.name === 'snapshot').map((m) => m.payload);
    expect(pages.map((x) => [x.part, x.parts, x.rows.length])).toEqual([[0, 3, SNAPSHOT_PAGE], [1, 3, SNAPSHOT_PAGE], [2, 3, 500]]);
    expect(pages.every((x) => x.summary === snap.summary && x.settings === snap.settings)).toBe(true);
    // No full entry travels: the rows are what toExchangeRow makes.
    expect(pages[0]!.rows[0]).toEqual(toExchangeRow(snap.entries[0]!));
    expect(JSON.stringify(pages[0]!.rows[0])).not.toContain('requestHeaders');

    const store = createPanelStore();
    for (const m of p.messages) applyPortMessage(store, m);
    expect(store.live.value).toHaveLength(n);
    expect(store.live.value.map((r) => r.data.seq)).toEqual(snap.entries.map((e) => e.seq));
    expect(store.connection.value.state).toBe('live');
  });

  it('an empty log is one page with no rows, which empties what the page held', () => {
    const { ports } = hub([]);
    const p = sink();
    ports.connect(TAB, p.s);
    const snaps = p.messages.filter((m): m is PortMessage<'snapshot'> => m.name === 'snapshot');
    expect(snaps.map((m) => [m.payload.part, m.payload.parts, m.payload.rows.length])).toEqual([[0, 1, 0]]);
    const store = createPanelStore();
    applyPortMessage(store, snapshotMessage(snapshot([simple('old', 1)])));
    expect(store.live.value).toHaveLength(1);
    applyPortMessage(store, snaps[0]!);
    expect(store.live.value).toEqual([]);
  });

  it('a second snapshot (a reconnect) replaces the rows from its first page on', () => {
    const { ports, snap } = hub(many(SNAPSHOT_PAGE + 1));
    const store = createPanelStore();
    const first = sink();
    ports.connect(TAB, first.s);
    for (const m of first.messages) applyPortMessage(store, m);
    snap.entries.splice(0, 2);
    const second = sink();
    ports.connect(TAB, second.s);
    for (const m of second.messages) applyPortMessage(store, m);
    expect(store.live.value.map((r) => r.id)).toEqual(snap.entries.map((e) => e.exchange.id));
  });

  it('batches changed entries into one upsert of rows per flush, and makes a row once per entry version', () => {
    const a = simple('a', 1);
    const { ports, scheduled } = hub([a]);
    const p = sink();
    ports.connect(TAB, p.s);
    const before = p.messages.length;
    const b1 = preflightedPut('b', 2);
    const b2 = blockedTrailingSlash('b', 2);
    ports.entry(TAB, b1);
    ports.entry(TAB, b2);
    ports.entry(TAB, simple('c', 3));
    expect(scheduled()).toBeGreaterThan(0);
    ports.flush();
    const sent = p.messages.slice(before);
    expect(sent.map((m) => m.name)).toEqual(['upsert']);
    const up = sent[0] as PortMessage<'upsert'>;
    expect(up.payload.rows.map((r) => [r.id, r.kind])).toEqual([['b', 'blocked'], ['c', 'simple']]);

    // The same entry object sent again (another port's snapshot) is the same row, not a new one.
    const q = sink();
    ports.connect(TAB, q.s);
    const r1 = (p.messages[0] as PortMessage<'snapshot'>).payload.rows[0];
    const r2 = (q.messages[0] as PortMessage<'snapshot'>).payload.rows[0];
    expect(r2).toBe(r1);
  });
});
