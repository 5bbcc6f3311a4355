/** The pages' requests about capture scope, answered by the real session with a scope: get-summary, set-settings, set-capture. */
import { describe, expect, it } from 'vitest';
import { createCapture } from '../../../../src/background/capture/listeners';
import { dispatch } from '../../../../src/background/messaging';
import { CaptureScope } from '../../../../src/background/scope/capture-scope';
import { requestMessage } from '../../../../src/shared/transport';
import { FakeStorageArea } from '../../../support/fake-storage-area';
import { FakeWebRequest } from '../../../support/fake-web-request';
import { harness, TAB } from '../harness';

function setup() {
  const h = harness();
  const wr = new FakeWebRequest();
  const scope = new CaptureScope({
    make: (where, sink) => createCapture(wr, sink, where),
    sink: () => {},
    sessionArea: new FakeStorageArea(),
    localArea: new FakeStorageArea(),
    tabs: { all: async () => [{ id: TAB, url: 'https://app.example/' }], url: async () => 'https://app.example/' },
    mode: async () => { await h.session.start(); return h.session.getSettings().capture ?? 'everywhere'; },
  });
  scope.capture.start();
  return { h, wr, scope, handlers: h.session.handlers(scope) };
}

describe('capture scope requests', () => {
  it('get-summary says whether the tab is captured and why', async () => {
    const { handlers } = setup();
    expect(await dispatch(handlers, requestMessage('get-summary', { tabId: TAB }))).toMatchObject({
      ok: true, result: { capture: { tabId: TAB, why: 'everywhere', site: 'https://app.example' }, settings: { capture: 'everywhere' } },
    });
  });

  it('set-settings { capture: chosen } applies the mode at once: no listener until a tab is turned on', async () => {
    const { handlers, wr } = setup();
    expect(await dispatch(handlers, requestMessage('set-settings', { capture: 'chosen' }))).toMatchObject({ ok: true, result: { capture: 'chosen' } });
    expect(wr.listenerCount()).toBe(0);
    expect(await dispatch(handlers, requestMessage('set-capture', { tabId: TAB, tab: true }))).toEqual({
      ok: true, result: { tabId: TAB, why: 'tab', tab: true, site: 'https://app.example', siteOn: false },
    });
    expect(wr.listenerCount()).toBeGreaterThan(0);
  });

  it('refuses a mistyped change or mode, and changes nothing', async () => {
    const { handlers, wr } = setup();
    expect(await dispatch(handlers, requestMessage('set-settings', { capture: 'some' as never }))).toEqual({
      ok: false, error: 'setting "capture" must be one of everywhere, chosen',
    });
    expect(await dispatch(handlers, requestMessage('set-capture', { tabId: TAB, tab: 'yes' as never }))).toEqual({
      ok: false, error: 'payload.tab must be true or false',
    });
    expect(await dispatch(handlers, requestMessage('get-summary', { tabId: TAB }))).toMatchObject({ ok: true, result: { capture: { why: 'everywhere', tab: false } } });
    expect(wr.listenerCount()).toBeGreaterThan(0);
  });
});
