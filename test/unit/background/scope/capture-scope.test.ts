/** Capture scope over the fake webRequest: which listeners are registered, for which tabs, and what is recorded. */
import { describe, expect, it } from 'vitest';
import { createCapture } from '../../../../src/background/capture/listeners';
import type { CaptureEvent } from '../../../../src/background/capture/event';
import { CaptureScope, type ScopeTabs } from '../../../../src/background/scope/capture-scope';
import type { CaptureMode } from '../../../../src/shared/protocol';
import { FakeStorageArea } from '../../../support/fake-storage-area';
import { FakeWebRequest, Traffic } from '../../../support/fake-web-request';

const APP = 'https://app.example';
/** Where the choices are stored: the tabs in storage.session, the sites in storage.local. */
const SCOPE_TABS_KEY = 'scope.tabs';
const SCOPE_SITES_KEY = 'scope.sites';
const API = 'https://api.example/data';

class FakeTabs implements ScopeTabs {
  readonly urls = new Map<number, string>([[1, `${APP}/a`], [2, `${APP}/b`], [3, 'https://other.example/']]);
  async all() { return [...this.urls].map(([id, url]) => ({ id, url })); }
  async url(tabId: number) { return this.urls.get(tabId); }
}

function setup(mode: CaptureMode, areas = { session: new FakeStorageArea(), local: new FakeStorageArea() }, tabs = new FakeTabs()) {
  const wr = new FakeWebRequest();
  const got: CaptureEvent[] = [];
  let current = mode;
  const scope = new CaptureScope({
    make: (where, sink) => createCapture(wr, sink, where),
    sink: (e) => got.push(e),
    sessionArea: areas.session,
    localArea: areas.local,
    tabs,
    mode: async () => current,
  });
  const t = new Traffic(wr, { tabId: 1, frameId: 0, type: 'xmlhttprequest', initiator: APP });
  const fetchIn = (tabId: number, id: string) => t.sent(id, API, [['Origin', APP]], 'GET', { tabId });
  /** Tab ids the registered listeners are filtered to (`all`: no tab filter). */
  const filters = () => [...new Set(wr.events.onSendHeaders.listeners.map((l) => l.filter.tabId ?? 'all'))];
  return { wr, got, scope, areas, tabs, fetchIn, filters, setMode: (m: CaptureMode) => { current = m; scope.setMode(m); } };
}

/** How many listeners one unfiltered capture registers (whatever the minimal set is). */
function perSet(): number {
  const wr = new FakeWebRequest();
  createCapture(wr, () => {}).start();
  return wr.listenerCount();
}

describe('capture scope', () => {
  it('everywhere (the default): one set of listeners for every tab, as before', async () => {
    const s = setup('everywhere');
    s.scope.capture.start();
    await s.scope.ready();
    expect(s.wr.listenerCount()).toBe(perSet());
    expect(s.filters()).toEqual(['all']);
    expect(s.scope.describe(3)).toEqual({ tabId: 3, why: 'everywhere', tab: false, site: 'https://other.example', siteOn: false });
  });

  it('chosen with nothing on: no listener at all once the scope is read; what came before is dropped', async () => {
    const s = setup('chosen');
    s.scope.capture.start();
    expect(s.wr.listenerCount()).toBe(perSet()); // the first turn: every tab, held until the scope is known
    s.fetchIn(1, 'early');
    await s.scope.ready();
    expect(s.wr.listenerCount()).toBe(0);
    expect(s.got).toEqual([]);
    expect(s.scope.describe(1)).toMatchObject({ why: 'off', tab: false });
  });

  it('turning a tab on registers listeners filtered to it; other tabs stay off; turning it off removes them', async () => {
    const s = setup('chosen');
    s.scope.capture.start();
    await s.scope.ready();
    expect(await s.scope.set(2, { tab: true })).toEqual({ tabId: 2, why: 'tab', tab: true, site: APP, siteOn: false });
    expect(s.wr.listenerCount()).toBe(perSet());
    expect(s.filters()).toEqual([2]);
    expect(JSON.parse(s.areas.session.data.get(SCOPE_TABS_KEY)!)).toEqual([2]);
    await s.scope.set(3, { tab: true });
    expect(s.wr.listenerCount()).toBe(2 * perSet());
    expect(s.filters().sort()).toEqual([2, 3]);
    await s.scope.set(2, { tab: false });
    await s.scope.set(3, { tab: false });
    expect(s.wr.listenerCount()).toBe(0);
  });

  it('held records of the first turn are kept for chosen tabs only', async () => {
    const areas = { session: new FakeStorageArea(), local: new FakeStorageArea() };
    await areas.session.set({ [SCOPE_TABS_KEY]: [2] });
    const s = setup('chosen', areas);
    s.scope.capture.start();
    s.fetchIn(1, 'off-tab');
    s.fetchIn(2, 'on-tab');
    await s.scope.ready();
    expect(s.got.map((e) => e.id)).toEqual(['on-tab']);
    expect(s.filters()).toEqual([2]);
  });

  it('tab events keep their place among the records held before the scope is read', async () => {
    const s = setup('everywhere');
    const navigation = { id: 'navigation' } as CaptureEvent; // stands for session.push of a tab event
    s.scope.capture.start();
    s.fetchIn(1, 'before');
    s.scope.inOrder(() => s.got.push(navigation));
    s.fetchIn(1, 'after');
    expect(s.got).toEqual([]);
    await s.scope.ready();
    expect(s.got.map((e) => e.id)).toEqual(['before', 'navigation', 'after']);
  });

  it('a site turned on captures every tab showing it, and a tab that comes to it later', async () => {
    const s = setup('chosen');
    s.scope.capture.start();
    await s.scope.ready();
    expect(await s.scope.set(1, { site: true })).toEqual({ tabId: 1, why: 'site', tab: false, site: APP, siteOn: true });
    expect(s.filters().sort()).toEqual([1, 2]);
    expect(JSON.parse(s.areas.local.data.get(SCOPE_SITES_KEY)!)).toEqual([APP]);
    s.scope.showing(3, `${APP}/later`);
    expect(s.filters().sort()).toEqual([1, 2, 3]);
    s.scope.showing(3, 'https://elsewhere.example/');
    expect(s.filters().sort()).toEqual([1, 2]);
    expect(s.scope.describe(3).why).toBe('off');
  });

  it('a closed tab takes its choice with it', async () => {
    const s = setup('chosen');
    s.scope.capture.start();
    await s.scope.ready();
    await s.scope.set(3, { tab: true });
    s.scope.removed(3);
    expect(s.wr.listenerCount()).toBe(0);
    await s.scope.ready();
    expect(JSON.parse(s.areas.session.data.get(SCOPE_TABS_KEY)!)).toEqual([]);
  });

  it('pause removes every listener and resume brings the chosen ones back', async () => {
    const s = setup('chosen');
    s.scope.capture.start();
    await s.scope.ready();
    await s.scope.set(1, { tab: true });
    s.scope.capture.stop();
    expect(s.wr.listenerCount()).toBe(0);
    await s.scope.set(2, { tab: true }); // chosen while paused: still nothing registered
    expect(s.wr.listenerCount()).toBe(0);
    s.scope.capture.start();
    expect(s.filters().sort()).toEqual([1, 2]);
  });

  it('switching modes swaps every-tab listeners for the chosen tabs’ ones and back', async () => {
    const s = setup('everywhere');
    s.scope.capture.start();
    await s.scope.ready();
    await s.scope.set(2, { tab: true }); // remembered, though everywhere captures it anyway
    s.setMode('chosen');
    expect(s.filters()).toEqual([2]);
    s.setMode('everywhere');
    expect(s.filters()).toEqual(['all']);
    expect(s.wr.listenerCount()).toBe(perSet());
  });

  it('a new worker over the same storage listens to the same tabs and sites, forgetting tabs closed meanwhile', async () => {
    const first = setup('chosen');
    first.scope.capture.start();
    await first.scope.ready();
    await first.scope.set(3, { tab: true });
    await first.scope.set(1, { site: true });
    const tabs = new FakeTabs();
    tabs.urls.delete(3);
    const second = setup('chosen', first.areas, tabs);
    second.scope.capture.start();
    await second.scope.ready();
    expect(second.filters().sort()).toEqual([1, 2]);
    expect(second.scope.describe(1)).toMatchObject({ why: 'site', siteOn: true });
  });

  it('a page that is not a web page has no site to turn on', async () => {
    const tabs = new FakeTabs();
    tabs.urls.set(4, 'chrome://newtab/');
    const s = setup('chosen', undefined, tabs);
    s.scope.capture.start();
    await s.scope.ready();
    expect(await s.scope.set(4, { site: true })).toEqual({ tabId: 4, why: 'off', tab: false, site: null, siteOn: false });
    expect(s.wr.listenerCount()).toBe(0);
  });
});
