/**
 * The typed dispatcher and sender check, and the live port over the loopback transport: the real
 * background session and a page-side client in one process.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, isOwnPage, type Handlers } from '../../../src/background/messaging';
import type { PortMessage, RequestName, RowsSnapshot } from '../../../src/shared/protocol';
import { REQUEST_NAMES } from '../../../src/shared/protocol';
import { loopback, requestMessage, type EventSink, type EventSource } from '../../../src/shared/transport';
import { API, APP, harness, TAB } from '../background/harness';

const url = `${API}/x`;
const ORIGIN = 'chrome-extension://abcdefghijklmnop/';

describe('sender check', () => {
  it.each([
    [{ id: 'abcdefghijklmnop', url: `${ORIGIN}src/panel/index.html` }, true],
    [{ id: 'abcdefghijklmnop', url: `${ORIGIN}src/popup/index.html?tab=3` }, true],
    [{ id: 'abcdefghijklmnop', url: 'https://evil.example/page' }, false], // a content script of ours in a web page
    [{ id: 'otherextension', url: 'chrome-extension://otherextension/x.html' }, false],
    [{ id: 'abcdefghijklmnop' }, false],
    [undefined, false],
  ])('%j → %s', (sender, ok) => {
    expect(isOwnPage(sender, 'abcdefghijklmnop', ORIGIN)).toBe(ok);
  });
});

describe('dispatcher', () => {
  it('has a handler for every request name and answers each through the session', async () => {
    const h = harness();
    const handlers = h.session.handlers();
    expect(Object.keys(handlers).sort()).toEqual([...REQUEST_NAMES].sort());
    h.t.request('1', url).failed('1', url, 'net::ERR_FAILED');
    const summary = await dispatch(handlers, requestMessage('get-summary', { tabId: TAB }));
    expect(summary).toMatchObject({ ok: true, result: { tabId: TAB, total: 1, counts: { blocked: 1 } } });
    const snap = await dispatch(handlers, requestMessage('get-snapshot', { tabId: TAB }));
    expect(snap).toMatchObject({ ok: true, result: { entries: [{ exchange: { id: '1' } }], settings: { paused: false } } });
    expect(await dispatch(handlers, requestMessage('set-settings', { keepLog: true }))).toMatchObject({ ok: true, result: { keepLog: true } });
    expect(await dispatch(handlers, requestMessage('get-settings', {}))).toMatchObject({ ok: true, result: { keepLog: true } });
    expect(await dispatch(handlers, requestMessage('clear', { tabId: TAB }))).toEqual({ ok: true, result: null });
    expect(h.session.store.summary(TAB).total).toBe(0);
  });

  it('answers the plain message an extension page (or an e2e test) sends', async () => {
    const h = harness();
    h.t.request('1', url).completed('1', url, 200);
    const answer = await dispatch(h.session.handlers(), { v: 1, name: 'get-snapshot', payload: { tabId: TAB } });
    expect(answer).toMatchObject({ ok: true, result: { summary: { total: 1 }, entries: [{ verdict: { kind: 'simple' } }] } });
  });

  it('ignores what is not our protocol, and turns bad payloads into clear errors', async () => {
    const h = harness();
    const handlers = h.session.handlers();
    expect(await dispatch(handlers, { v: 2, name: 'get-summary', payload: { tabId: 1 } })).toBeUndefined();
    expect(await dispatch(handlers, { v: 1, name: 'drop-tables', payload: {} })).toBeUndefined();
    expect(await dispatch(handlers, 'get-summary')).toBeUndefined();
    expect(await dispatch(handlers, { v: 1, name: 'get-summary', payload: { tabId: 'seven' } })).toEqual({
      ok: false, error: 'payload.tabId must be an integer tab id (or -1 for requests outside tabs)',
    });
    expect(await dispatch(handlers, { v: 1, name: 'set-settings', payload: { paused: 1 } })).toEqual({
      ok: false, error: 'setting "paused" must be true or false',
    });
  });

  it('a throwing handler becomes an error answer', async () => {
    const handlers = Object.fromEntries(REQUEST_NAMES.map((n) => [n, () => { throw new Error(`no ${n}`); }])) as unknown as Handlers;
    const name: RequestName = 'get-settings';
    expect(await dispatch(handlers, requestMessage(name, {}))).toEqual({ ok: false, error: 'no get-settings' });
  });
});

/** A page-side client: keeps the tab's entries from the port's messages. */
function client(source: EventSource) {
  const state = { snapshots: 0, resets: [] as string[], entries: new Map<string, string>(), total: -1, settings: null as unknown, closed: false };
  const apply = (snap: RowsSnapshot) => {
    if (snap.part === 0) state.entries = new Map();
    for (const r of snap.rows) state.entries.set(r.id, r.kind);
    if (snap.part === snap.parts - 1) state.snapshots++;
    state.total = snap.summary.total;
  };
  source.listen((m: PortMessage) => {
    switch (m.name) {
      case 'snapshot': return apply(m.payload);
      case 'upsert': {
        const p = m.payload;
        for (const r of p.rows) state.entries.set(r.id, r.kind);
        state.total = p.summary.total;
        return;
      }
      case 'reset': state.resets.push((m.payload as { reason: string }).reason); return;
      case 'settings': state.settings = m.payload; return;
    }
  });
  source.onClose(() => { state.closed = true; });
  return state;
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 1000 && !cond(); i++) await Promise.resolve();
  expect(cond()).toBe(true);
};

describe('live port over the loopback transport', () => {
  it('snapshot on connect, then batched upserts, reset + fresh snapshot, settings', async () => {
    const h = harness();
    h.t.request('0', url).completed('0', url, 200);
    const [bg, page] = loopback<PortMessage, never>() as unknown as [EventSink, EventSource];
    const c = client(page);
    await h.session.connectPort(TAB, bg);
    await until(() => c.snapshots === 1);
    expect([...c.entries]).toEqual([['0', 'simple']]);

    h.t.request('1', url).sent('1', url, []).request('2', url).sent('2', url, []); // in flight once their headers are sent
    await h.session.settle();
    await until(() => c.entries.size === 3);
    expect(c.entries.get('1')).toBe('pending');
    h.t.failed('1', url, 'net::ERR_FAILED').completed('2', url, 200);
    await h.session.settle();
    await until(() => c.entries.get('1') === 'blocked');
    expect(c.entries.get('2')).toBe('simple');
    expect(c.total).toBe(3);

    h.nav({ status: 'loading', url: `${APP}/next` });
    await h.session.settle();
    await until(() => c.resets.length === 1 && c.snapshots === 2);
    expect(c.resets).toEqual(['navigation']);
    expect(c.entries.size).toBe(0);

    await h.session.setSettings({ keepLog: true });
    await until(() => c.settings !== null);
    expect(c.settings).toMatchObject({ keepLog: true });

    h.session.push({ kind: 'tab-removed', tabId: TAB });
    await h.session.settle();
    await until(() => c.resets.length === 2);
    expect(c.resets[1]).toBe('closed');
  });

  it('one upsert message per flush for a burst, and a closed page stops receiving', async () => {
    const h = harness();
    const [bg, page] = loopback<PortMessage, never>() as unknown as [EventSink, EventSource];
    let upserts = 0;
    page.listen((m) => { if (m.name === 'upsert') upserts++; });
    await h.session.connectPort(TAB, bg);
    for (let i = 0; i < 50; i++) h.t.request(String(i), url).completed(String(i), url, 200);
    await h.session.settle();
    await until(() => upserts === 1);
    page.close();
    await until(() => h.session.ports.connections === 0);
    h.t.request('late', url).completed('late', url, 200);
    await h.session.settle();
    expect(upserts).toBe(1);
  });

  it('a port opened before rehydration gets the rehydrated snapshot', async () => {
    const first = harness();
    await first.session.start();
    first.t.request('1', url).failed('1', url, 'net::ERR_FAILED');
    await first.session.settle();
    const second = harness({ area: first.area, log: first.log });
    const [bg, page] = loopback<PortMessage, never>() as unknown as [EventSink, EventSource];
    const c = client(page);
    await second.session.connectPort(TAB, bg);
    await until(() => c.snapshots === 1);
    expect([...c.entries]).toEqual([['1', 'blocked']]);
  });
});
