import { describe, expect, it } from 'vitest';
import { createCapture } from '../../../../src/background/capture/listeners';
import type { CaptureEvent } from '../../../../src/background/capture/event';
import { FakeWebRequest, Traffic } from '../../../support/fake-web-request';

const url = 'https://api.example/data';

describe('capture scope', () => {
  it('one tab: every listener is filtered to it, and another tab’s requests reach nothing', () => {
    const wr = new FakeWebRequest();
    const got: CaptureEvent[] = [];
    const capture = createCapture(wr, (e) => got.push(e), { tabId: 7 });
    capture.start();
    expect(wr.listenerCount()).toBeGreaterThan(0);
    for (const list of Object.values(wr.events)) for (const l of list.listeners) expect(l.filter.tabId).toBe(7);
    const t = new Traffic(wr, { tabId: 3, frameId: 0, type: 'xmlhttprequest', initiator: 'https://app.example' });
    t.request('1', url).completed('1', url, 200);
    expect(got).toEqual([]);
    t.request('2', url, 'GET', { tabId: 7 }).completed('2', url, 200, 'GET', { tabId: 7 });
    expect(got.map((e) => e.kind)).toEqual(['request', 'started']); // Chromium: onResponseStarted, not onCompleted (listeners.ts)
    capture.stop();
    expect(wr.listenerCount()).toBe(0);
  });

  it('no scope: no tab filter', () => {
    const wr = new FakeWebRequest();
    createCapture(wr, () => undefined).start();
    for (const list of Object.values(wr.events)) for (const l of list.listeners) expect(l.filter).not.toHaveProperty('tabId');
  });

  it('the tab filter is kept when the type filter is refused', () => {
    const wr = new FakeWebRequest({ browser: 'firefox', exposeTypes: false });
    createCapture(wr, () => undefined, { tabId: 4 }).start();
    for (const list of Object.values(wr.events)) for (const l of list.listeners) expect(l.filter.tabId).toBe(4);
  });
});
