/** Grouping by tab, page sessions, keep-log, closed tabs, the per-tab bound and same-origin records. */
import { describe, expect, it } from 'vitest';
import { OTHER_TAB } from '../../../../src/shared/protocol';
import { API, APP, harness, TAB } from '../harness';

const api = (n: number | string) => `${API}/r/${n}`;

describe('grouping', () => {
  it('requests without a tab go to the OTHER_TAB group, which has no page and no badge', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', api(1), 'GET', { tabId: -1 }).failed('1', api(1), 'net::ERR_FAILED', 'GET', { tabId: -1 });
    await h.session.settle();
    expect(h.entries(OTHER_TAB).size).toBe(1);
    expect(h.session.store.summary(OTHER_TAB)).toMatchObject({ tabId: -1, page: null, total: 1, counts: { blocked: 1 } });
    expect(h.badge.texts.has(-1)).toBe(false);
    expect(h.entries(TAB).size).toBe(0);
  });
});

describe('page sessions', () => {
  it('a top-level navigation starts a new page session and drops the old one', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', api(1)).completed('1', api(1), 200);
    h.nav({ status: 'loading', url: `${APP}/page1` });
    h.t.request('2', api(2)).completed('2', api(2), 200);
    await h.session.settle();
    const firstPage = h.entry('2').pageId;
    h.nav({ status: 'loading', url: `${APP}/page2` });
    h.t.request('3', api(3)).completed('3', api(3), 200);
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['3']);
    const summary = h.session.store.summary(TAB);
    expect(summary.page?.url).toBe(`${APP}/page2`);
    expect(h.entry('3').pageId).not.toBe(firstPage);
    expect(summary.dropped).toBe(0); // a navigation is not a loss
  });

  it('a request in flight across a navigation does not come back into the new page', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('0', api(0)).completed('0', api(0), 200);
    h.t.request('1', api(1)).sent('1', api(1), []);
    await h.session.settle();
    h.nav({ status: 'loading', url: `${APP}/next` });
    h.t.failed('1', api(1), 'net::ERR_ABORTED');
    await h.session.settle();
    expect(h.entries().size).toBe(0);
    expect(h.classified).toEqual(['0', '1']);
  });

  it('keepLog keeps earlier pages; a fragment change or a reload-less status update starts nothing', async () => {
    const h = harness();
    await h.session.start();
    await h.session.setSettings({ keepLog: true });
    h.nav({ status: 'loading', url: `${APP}/a` });
    h.t.request('1', api(1)).completed('1', api(1), 200);
    h.nav({ status: 'loading', url: `${APP}/a#section` });
    h.nav({ url: `${APP}/a#other` });
    h.t.request('2', api(2)).completed('2', api(2), 200);
    h.nav({ status: 'loading', url: `${APP}/b` });
    h.t.request('3', api(3)).completed('3', api(3), 200);
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['1', '2', '3']);
    expect(h.entry('1').pageId).toBe(h.entry('2').pageId);
    expect(h.entry('3').pageId).not.toBe(h.entry('1').pageId);
    expect(h.session.store.peek(TAB)!.meta.pages.map((p) => p.url)).toEqual([`${APP}/a#other`, `${APP}/b`]);
  });

  it('repeated loading updates of one navigation do not wipe each other', async () => {
    const h = harness();
    await h.session.start();
    h.nav({ status: 'loading', tabUrl: `${APP}/old` });
    h.nav({ status: 'loading', url: `${APP}/new` });
    h.t.request('1', api(1)).completed('1', api(1), 200);
    await h.session.settle();
    expect(h.entries().size).toBe(1);
    expect(h.session.store.summary(TAB).page?.url).toBe(`${APP}/new`);
  });

  it('a tab without cross-origin traffic costs no storage; its URL names the page once traffic starts', async () => {
    const h = harness();
    await h.session.start();
    h.nav({ status: 'loading', url: `${APP}/quiet` }, 11);
    h.nav({ status: 'loading', url: `${APP}/busy` });
    await h.session.settle();
    expect(h.session.store.peek(11)).toBeUndefined();
    expect([...h.log.metas.keys()]).toEqual([]);
    h.t.request('1', api(1)).completed('1', api(1), 200);
    await h.session.settle();
    expect(h.session.store.summary(TAB).page?.url).toBe(`${APP}/busy`);
    expect(h.session.snapshot(11).summary.page?.url).toBe(`${APP}/quiet`);
  });

  it('a closed tab frees its data, in memory and in storage, and its in-flight requests', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', api(1)).completed('1', api(1), 200).request('2', api(2));
    await h.session.settle();
    expect(h.log.ids(TAB).length).toBeGreaterThan(0);
    h.session.push({ kind: 'tab-removed', tabId: TAB });
    h.t.completed('2', api(2), 200);
    await h.session.settle();
    expect(h.session.store.peek(TAB)).toBeUndefined();
    expect(h.log.ids(TAB)).toEqual([]);
    expect(h.log.metas.has(TAB)).toBe(false);
    expect(h.classified).toEqual(['1']);
  });

  it('tabs closed while the worker slept are forgotten after a wake', async () => {
    const first = harness();
    await first.session.start();
    first.t.request('1', api(1)).completed('1', api(1), 200);
    await first.session.settle();
    const second = harness({ area: first.area, log: first.log, tabs: { exists: async () => false } });
    await second.session.start();
    expect(second.session.store.peek(TAB)).toBeDefined();
    await second.session.settle();
    expect(second.session.store.peek(TAB)).toBeUndefined();
    expect(second.log.ids(TAB)).toEqual([]);
    expect(second.log.metas.has(TAB)).toBe(false);
  });
});

describe('same-origin requests', () => {
  it('are recorded as same-origin by default (sub_frame navigations too) and never counted as blocked', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', `${APP}/local`).completed('1', `${APP}/local`, 200)
      .request('2', `${API}/frame`, 'GET', { type: 'sub_frame' }).completed('2', `${API}/frame`, 200, 'GET', { type: 'sub_frame' });
    await h.session.settle();
    expect(h.entry('1').verdict.kind).toBe('same-origin');
    expect(h.entry('2').verdict.kind).toBe('same-origin');
    expect(h.session.store.summary(TAB).counts).toMatchObject({ 'same-origin': 2, blocked: 0 });
  });

  it('with recordSameOrigin off they are not kept, and never shown as pending; a redirect to another origin is', async () => {
    const h = harness();
    await h.session.start();
    await h.session.setSettings({ recordSameOrigin: false });
    h.t.request('1', `${APP}/local`);
    h.t.request('2', `${APP}/hop`).sent('2', `${APP}/hop`, []).received('2', `${APP}/hop`, 302, [['Location', api(2)]]).redirected('2', `${APP}/hop`, 302, api(2))
      .sent('2', api(2), []); // no onBeforeRedirect listener: the redirect shows when the next hop sends its headers
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['2']);
    h.t.completed('1', `${APP}/local`, 200).completed('2', api(2), 200);
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['2']);
    expect(h.entry('2').verdict.kind).toBe('simple');
  });
});

describe('per-tab bound', () => {
  it('drops the oldest first and counts every dropped exchange; dropped ones never return', async () => {
    const h = harness({ maxPerTab: 10 });
    await h.session.start();
    for (let i = 0; i < 15; i++) h.t.request(String(i), api(i)).sent(String(i), api(i), []);
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    for (let i = 0; i < 15; i++) h.t.failed(String(i), api(i), 'net::ERR_FAILED');
    await h.session.settle();
    const summary = h.session.store.summary(TAB);
    expect(summary).toMatchObject({ total: 10, dropped: 5, counts: { blocked: 10, pending: 0 } });
    expect([...h.entries().keys()]).toEqual(['5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    expect(summary.blocked.map((e) => e.exchange.id)).toEqual(['14', '13', '12', '11', '10', '9', '8', '7', '6', '5']);
  });

  it('clear empties the tab (counts, drop count) and in-flight requests of before do not reappear', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', api(1)).failed('1', api(1), 'net::ERR_FAILED').request('2', api(2)).sent('2', api(2), []);
    await h.session.settle();
    h.session.clear(TAB);
    h.t.failed('2', api(2), 'net::ERR_FAILED').request('3', api(3)).completed('3', api(3), 200);
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['3']);
    expect(h.session.store.summary(TAB)).toMatchObject({ total: 1, dropped: 0, counts: { blocked: 0, simple: 1 } });
  });
});
