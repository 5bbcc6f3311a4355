/**
 * The worker's side of the security and cost lens: findings over the whole log (every tab), delivered
 * per tab in summaries and on the port, recomputed on a throttle only when someone listens.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify/classify';
import { dispatch } from '../../../src/background/messaging';
import { DEFAULT_DELAYS } from '../../../src/background/session';
import type { PortMessage, TabFindings, TabSummary } from '../../../src/shared/protocol';
import { requestMessage, type EventSink } from '../../../src/shared/transport';
import type { Timers } from '../../../src/background/timers';
import { harness, TAB } from './harness';

/** Timers run by hand, remembering the delay each one asked for. */
class RecordingTimers implements Timers {
  private next = 1;
  readonly due = new Map<number, { fn: () => void; ms: number }>();
  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { fn, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }
  /** Runs the timers due that asked for at most `maxMs` (and those they schedule), letting promises settle. */
  async run(maxMs: number): Promise<void> {
    for (let round = 0; round < 10; round++) {
      const now = [...this.due].filter(([, t]) => t.ms <= maxMs);
      if (now.length === 0) return;
      for (const [id, t] of now) {
        this.due.delete(id);
        t.fn();
      }
      for (let i = 0; i < 20; i++) await Promise.resolve();
    }
  }
}

const APP = 'https://app.example';
const EVIL = 'https://evil.test';
const API = 'https://api.example.net';
const OTHER_TAB_ID = 8;
const cors: [string, string] = ['Sec-Fetch-Mode', 'cors'];

type H = ReturnType<typeof harness>;

/** A GET from `origin` in `tabId` that the server answers by echoing the origin (with Vary: Origin). */
function echo(h: H, id: string, origin: string, tabId: number, path = '/me'): void {
  const url = `${API}${path}`;
  const ctx = { tabId, initiator: origin };
  h.t.request(id, url, 'GET', ctx).sent(id, url, [['Origin', origin], cors], 'GET', ctx)
    .received(id, url, 200, [['Access-Control-Allow-Origin', origin], ['Vary', 'Origin']], 'GET', ctx)
    .completed(id, url, 200, 'GET', ctx);
}

/** A port sink that records what it is sent. */
function sink() {
  const messages: PortMessage[] = [];
  const s = { send: (m: PortMessage) => { messages.push(structuredClone(m)); }, onClose: () => () => undefined } as unknown as EventSink;
  return {
    s, messages,
    findings: (): TabFindings[] => messages.filter((m): m is PortMessage<'findings'> => m.name === 'findings').map((m) => m.payload),
    last: (): TabFindings | undefined => messages.filter((m): m is PortMessage<'findings'> => m.name === 'findings').at(-1)?.payload,
  };
}

const ids = (v: { findings: { id: string }[] } | undefined) => (v?.findings ?? []).map((f) => f.id);

async function summaryOf(h: H, tabId: number): Promise<TabSummary> {
  const r = await dispatch(h.session.handlers(), requestMessage('get-summary', { tabId }));
  if (!r?.ok) throw new Error(r?.error ?? 'no answer');
  return r.result as TabSummary;
}

describe('findings in the worker', () => {
  it('a reflected origin across two tabs is found in both, with the other tab\'s evidence kept', async () => {
    const h = harness({ classify });
    echo(h, 'a1', APP, TAB);
    echo(h, 'b1', EVIL, OTHER_TAB_ID);
    await h.session.settle();
    const a = h.session.findings.forTab(TAB);
    const b = h.session.findings.forTab(OTHER_TAB_ID);
    expect(ids(a)).toEqual(['origin-reflected']);
    expect(ids(b)).toEqual(['origin-reflected']);
    // The same finding, resting on both tabs' exchanges.
    expect(a.findings[0]!.exchangeIds).toEqual(['a1', 'b1']);
    expect(b.findings[0]!.exchangeIds).toEqual(['a1', 'b1']);
    expect(a.findings[0]!.severity).toBe('medium');
    const s = await summaryOf(h, TAB);
    expect(s.findings).toMatchObject({ total: 1, worst: 'medium', counts: { high: 0, medium: 1, low: 0, info: 0 } });
    expect(s.findings!.top.map((f) => f.id)).toEqual(['origin-reflected']);
    // One whole-log computation served both tabs and the summary.
    expect(h.session.findings.stats.computed).toBe(1);
  });

  it('one tab alone echoing one origin is no reflection; a third tab without those exchanges sees nothing', async () => {
    const h = harness({ classify });
    echo(h, 'a1', APP, TAB);
    await h.session.settle();
    expect(ids(h.session.findings.forTab(TAB))).toEqual([]);
    echo(h, 'b1', EVIL, OTHER_TAB_ID);
    await h.session.settle();
    expect(ids(h.session.findings.forTab(9))).toEqual([]);
    expect((await summaryOf(h, 9)).findings).toMatchObject({ total: 0, worst: null, top: [] });
  });

  it('findings update on the port when new exchanges arrive (after the throttle, once, and only when they changed)', async () => {
    const timers = new RecordingTimers();
    const h = harness({ classify, timers });
    await h.session.start();
    const p = sink();
    await h.session.connectPort(TAB, p.s);
    // The snapshot is followed by the tab's findings, at once.
    expect(p.messages.map((m) => m.name)).toEqual(['snapshot', 'findings']);
    expect(ids(p.last())).toEqual([]);
    echo(h, 'a1', APP, TAB);
    await timers.run(DEFAULT_DELAYS.ports);
    // An upsert went out, but no findings before their own throttle.
    expect(p.messages.at(-1)?.name).toBe('upsert');
    expect(p.findings()).toHaveLength(1);
    await timers.run(DEFAULT_DELAYS.findings);
    // Nothing changed for this tab (one origin echoed is no finding): nothing sent again.
    expect(p.findings()).toHaveLength(1);
    echo(h, 'b1', EVIL, OTHER_TAB_ID);
    await timers.run(DEFAULT_DELAYS.findings);
    // Another tab's exchange changed this tab's findings.
    expect(p.findings()).toHaveLength(2);
    expect(ids(p.last())).toEqual(['origin-reflected']);
    expect(p.last()!.summary.findings.worst).toBe('medium');
    // A later upsert summary carries the latest computed blocks.
    echo(h, 'a2', APP, TAB, '/other');
    await timers.run(DEFAULT_DELAYS.ports);
    const upsert = p.messages.filter((m): m is PortMessage<'upsert'> => m.name === 'upsert').at(-1)!;
    expect(upsert.payload.summary.findings?.total).toBe(1);
  });

  it('a second panel opened before the throttle does not keep the first one from its update', async () => {
    const timers = new RecordingTimers();
    const h = harness({ classify, timers });
    await h.session.start();
    const first = sink();
    await h.session.connectPort(TAB, first.s);
    echo(h, 'a1', APP, TAB);
    echo(h, 'b1', EVIL, OTHER_TAB_ID);
    await timers.run(0);
    // A second port connects before the findings throttle ran: it gets the fresh list at once...
    const second = sink();
    await h.session.connectPort(TAB, second.s);
    expect(ids(second.last())).toEqual(['origin-reflected']);
    // ...and the first port still gets its update when the throttle runs.
    await timers.run(DEFAULT_DELAYS.findings);
    expect(ids(first.last())).toEqual(['origin-reflected']);
  });

  it('clearing a tab removes its findings (and the other tab\'s reflection finding, which rested on them)', async () => {
    const h = harness({ classify });
    echo(h, 'a1', APP, TAB);
    echo(h, 'b1', EVIL, OTHER_TAB_ID);
    await h.session.settle();
    const p = sink();
    await h.session.connectPort(TAB, p.s);
    expect(ids(p.last())).toEqual(['origin-reflected']);
    await dispatch(h.session.handlers(), requestMessage('clear', { tabId: TAB }));
    // The reset's snapshot is followed by the fresh findings at once.
    expect(p.messages.slice(-3).map((m) => m.name)).toEqual(['reset', 'snapshot', 'findings']);
    expect(ids(p.last())).toEqual([]);
    expect(p.last()!.summary.findings.total).toBe(0);
    expect(ids(h.session.findings.forTab(OTHER_TAB_ID))).toEqual([]);
    expect((await summaryOf(h, TAB)).findings?.total).toBe(0);
  });

  it('nothing is computed when nobody asks: no port, no summary request, only a dirty flag', async () => {
    const timers = new RecordingTimers();
    const h = harness({ classify, timers });
    await h.session.start();
    for (let i = 0; i < 20; i++) echo(h, `x${i}`, i % 2 ? APP : EVIL, i % 3 ? TAB : OTHER_TAB_ID, `/p${i % 4}`);
    await timers.run(DEFAULT_DELAYS.badge);
    expect(h.entries(TAB).size + h.entries(OTHER_TAB_ID).size).toBe(20);
    expect(h.session.findings.stats).toMatchObject({ computed: 0, costs: 0 });
    expect(h.session.findings.dirty).toBe(true);
    // The popup asks: computed once; asked again with nothing new: reused.
    await summaryOf(h, TAB);
    await summaryOf(h, TAB);
    await summaryOf(h, OTHER_TAB_ID);
    expect(h.session.findings.stats.computed).toBe(1);
    expect(h.session.findings.dirty).toBe(false);
  });

  it('the summary carries the preflight cost of the tab (the top endpoints and totals)', async () => {
    const h = harness({ classify });
    const url = `${API}/items`;
    for (let i = 0; i < 3; i++) {
      const pre = `p${i}`;
      const main = `m${i}`;
      h.t.request(pre, url, 'OPTIONS').sent(pre, url, [['Origin', APP], ['Access-Control-Request-Method', 'PUT'], cors], 'OPTIONS')
        .received(pre, url, 204, [['Access-Control-Allow-Origin', APP], ['Access-Control-Allow-Methods', 'PUT'], ['Vary', 'Origin']], 'OPTIONS')
        .completed(pre, url, 204, 'OPTIONS');
      h.t.request(main, url, 'PUT').sent(main, url, [['Origin', APP], cors], 'PUT')
        .received(main, url, 200, [['Access-Control-Allow-Origin', APP], ['Vary', 'Origin']], 'PUT').completed(main, url, 200, 'PUT');
    }
    await h.session.settle();
    const s = await summaryOf(h, TAB);
    expect(s.cost).toMatchObject({ preflights: 3, endpoints: 1 });
    expect(s.cost!.top[0]!.endpoint).toBe(`${API}/items`);
    expect(s.cost!.top[0]!.maxAge.treatment).toBe('default');
  });

  it('get-summary at 5,000 entries computes the whole-log findings once, then reuses them (timings: npm run bench)', async () => {
    const h = harness({ classify });
    const n = 5000;
    for (let i = 0; i < n; i++) {
      const tabId = i % 2 ? TAB : OTHER_TAB_ID;
      const origin = i % 3 ? APP : EVIL;
      const url = `${API}/r${i % 50}`;
      const ctx = { tabId, initiator: origin };
      const id = `n${i}`;
      const acao: [string, string][] = i % 7 ? [['Access-Control-Allow-Origin', origin]] : [['Access-Control-Allow-Origin', 'null'], ['Access-Control-Allow-Credentials', 'true']];
      h.t.request(id, url, 'GET', ctx).sent(id, url, [['Origin', origin], cors], 'GET', ctx)
        .received(id, url, 200, acao, 'GET', ctx).completed(id, url, 200, 'GET', ctx);
    }
    await h.session.settle();
    expect(h.entries(TAB).size + h.entries(OTHER_TAB_ID).size).toBe(n);
    const first = await summaryOf(h, TAB);
    const again = await summaryOf(h, TAB);
    expect(first.findings!.total).toBeGreaterThan(0);
    expect(first.findings!.top.length).toBeLessThanOrEqual(5);
    expect(again.findings).toEqual(first.findings);
    expect(h.session.findings.stats.computed).toBe(1);
  }, 60_000);
});
