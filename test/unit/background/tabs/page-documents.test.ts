/**
 * Page sessions from Chromium's top-level documentIds and the tab's `loading` event, whichever
 * arrives first (seen in real Chromium: a fast page's first requests can precede the event).
 */
import { describe, expect, it } from 'vitest';
import { API, APP, harness, TAB } from '../harness';

const api = (n: number | string) => `${API}/r/${n}`;
const D1 = { documentId: 'DOC-1' };
const D2 = { documentId: 'DOC-2' };

describe('page sessions by top-level document', () => {
  it('first requests before the loading event are kept; the event only names the page', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', api(1), 'GET', D1).completed('1', api(1), 200, 'GET', D1);
    h.nav({ status: 'loading', url: `${APP}/one` });
    h.t.request('2', api(2), 'GET', D1).completed('2', api(2), 200, 'GET', D1);
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['1', '2']);
    expect(h.session.store.summary(TAB).page?.url).toBe(`${APP}/one`);
  });

  it('a new document starts a new page at once; its late loading event does not wipe it; the old document\'s stragglers are dropped', async () => {
    const h = harness();
    await h.session.start();
    h.nav({ status: 'loading', url: `${APP}/one` });
    h.t.request('1', api(1), 'GET', D1).completed('1', api(1), 200, 'GET', D1);
    h.t.request('slow', api('slow'), 'GET', D1);
    await h.session.settle();
    // Navigation: the new document's requests come before the loading event.
    h.t.request('2', api(2), 'GET', D2).completed('2', api(2), 200, 'GET', D2);
    h.nav({ status: 'loading', url: `${APP}/two` });
    h.t.request('3', api(3), 'GET', D2).completed('3', api(3), 200, 'GET', D2);
    h.t.failed('slow', api('slow'), 'net::ERR_ABORTED', 'GET', D1);
    h.t.request('4', api(4), 'GET', D1).completed('4', api(4), 200, 'GET', D1); // unload beacon of the old page
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['2', '3']);
    expect(h.session.store.summary(TAB).page?.url).toBe(`${APP}/two`);
    expect(h.session.store.peek(TAB)!.meta.pages).toHaveLength(1);
  });

  it('with keepLog, a late request of the old document is filed under the old page', async () => {
    const h = harness();
    await h.session.start();
    await h.session.setSettings({ keepLog: true });
    h.nav({ status: 'loading', url: `${APP}/one` });
    h.t.request('1', api(1), 'GET', D1).completed('1', api(1), 200, 'GET', D1);
    h.nav({ status: 'loading', url: `${APP}/two` });
    h.t.request('2', api(2), 'GET', D2).completed('2', api(2), 200, 'GET', D2);
    h.t.request('3', api(3), 'GET', D1).completed('3', api(3), 200, 'GET', D1);
    await h.session.settle();
    expect(h.entry('3').pageId).toBe(h.entry('1').pageId);
    expect(h.entry('2').pageId).not.toBe(h.entry('1').pageId);
  });

  it('requests of a direct child frame belong to the top document\'s page', async () => {
    const h = harness();
    await h.session.start();
    h.nav({ status: 'loading', url: `${APP}/one` });
    h.t.request('1', api(1), 'GET', D1).completed('1', api(1), 200, 'GET', D1);
    const child = { frameId: 5, parentFrameId: 0, documentId: 'CHILD', parentDocumentId: 'DOC-1' };
    h.t.request('2', api(2), 'GET', child).completed('2', api(2), 200, 'GET', child);
    await h.session.settle();
    expect(h.entry('2').pageId).toBe(h.entry('1').pageId);
  });

  it('a loading event long after the document was first seen, for another origin, is a real navigation', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', api(1), 'GET', D1).completed('1', api(1), 200, 'GET', D1);
    h.t.time += 60_000;
    h.nav({ status: 'loading', url: 'http://elsewhere.localhost/later' });
    h.t.request('2', api(2), 'GET', { ...D2, initiator: 'http://elsewhere.localhost' })
      .completed('2', api(2), 200, 'GET', { ...D2, initiator: 'http://elsewhere.localhost' });
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['2']);
    expect(h.session.store.summary(TAB).page?.url).toBe('http://elsewhere.localhost/later');
  });

  it('a late loading event of the same origin (a worker slow to wake) does not wipe the first requests', async () => {
    const h = harness();
    await h.session.start();
    h.t.request('1', api(1), 'GET', D1).completed('1', api(1), 200, 'GET', D1);
    h.t.time += 5_000;
    h.nav({ status: 'loading', url: `${APP}/one` });
    h.nav({ status: 'complete', tabUrl: `${APP}/one` });
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['1']);
    expect(h.session.store.summary(TAB).page?.url).toBe(`${APP}/one`);
    // …and the next document, even of the same origin, still starts its own page, named when it completes.
    h.t.time += 60_000;
    h.nav({ status: 'loading', url: `${APP}/two` });
    h.t.request('2', api(2), 'GET', D2).completed('2', api(2), 200, 'GET', D2);
    h.nav({ status: 'complete', tabUrl: `${APP}/two` });
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['2']);
    expect(h.session.store.summary(TAB).page?.url).toBe(`${APP}/two`);
  });
});
