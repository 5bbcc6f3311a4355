/**
 * The `webRequest` adapter over the `browser` namespace of src/shared/browser.ts. Node has no extension, so
 * the real webextension-polyfill is loaded over a stand-in `chrome` carrying Chromium's shapes: its proxies
 * must hand the enums and events through as they are (`extraHeaders` is feature-detected from the
 * `OnBeforeSendHeadersOptions` enum; Firefox has none and throws on the option), and the worker's
 * onMessage contract (the answer is the returned promise) must reach Chromium's `sendResponse`.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { isFirefox, observerFor } from '../../../../src/background/chrome-apis';
import { browserWebRequest } from '../../../../src/background/capture/web-request';

const EVENT_NAMES = ['onBeforeRequest', 'onSendHeaders', 'onHeadersReceived', 'onBeforeRedirect', 'onResponseStarted', 'onCompleted', 'onErrorOccurred'] as const;

type Listener = (...args: unknown[]) => unknown;

/** An event as Chromium has it: listeners in a set, fired by the test. */
function chromeEvent() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (cb: Listener) => { listeners.add(cb); },
    removeListener: (cb: Listener) => { listeners.delete(cb); },
    hasListener: (cb: Listener) => listeners.has(cb),
  };
}

const ENUMS = {
  OnBeforeSendHeadersOptions: { REQUEST_HEADERS: 'requestHeaders', BLOCKING: 'blocking', EXTRA_HEADERS: 'extraHeaders' },
  ResourceType: { MAIN_FRAME: 'main_frame', XMLHTTPREQUEST: 'xmlhttprequest', OTHER: 'other' },
};

/** Chromium's `chrome`, as much of it as the adapters touch. */
function fakeChrome() {
  const webRequest: Record<string, unknown> = Object.fromEntries(EVENT_NAMES.map((n) => [n, chromeEvent()]));
  webRequest.handlerBehaviorChanged = () => {};
  Object.assign(webRequest, ENUMS);
  const onMessage = chromeEvent();
  return {
    webRequest,
    onMessage,
    chrome: { runtime: { id: 'lens', lastError: undefined, onMessage, getURL: (p: string) => `chrome-extension://lens/${p}` }, webRequest },
  };
}

// Node loads the polyfill once (its module is cached), so there is one stand-in, changed in place by the tests.
const fake = fakeChrome();

/** src/shared/browser.ts over the stand-in `chrome`. */
async function loadBrowser() {
  vi.stubGlobal('chrome', fake.chrome);
  return (await import('../../../../src/shared/browser')).browser;
}

afterAll(() => { vi.unstubAllGlobals(); });

describe('webRequest through the polyfill, in Chromium', () => {
  it('hands the enums through: extraHeaders is detected, the resource types are listed', async () => {
    const browser = await loadBrowser();
    const api = browserWebRequest(browser.webRequest, isFirefox(browser.runtime));
    expect(api.browser).toBe('chromium');
    expect(api.extraHeaders).toBe(true);
    expect(api.resourceTypes).toEqual(['main_frame', 'xmlhttprequest', 'other']);
    expect(observerFor(api)).toMatchObject({ browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true });
  });

  it('without the enum there is no extraHeaders (an older Chromium): preflights are not visible', async () => {
    const browser = await loadBrowser();
    delete fake.webRequest.OnBeforeSendHeadersOptions;
    delete fake.webRequest.ResourceType;
    try {
      const api = browserWebRequest(browser.webRequest, isFirefox(browser.runtime));
      expect([api.extraHeaders, api.resourceTypes]).toEqual([false, null]);
      expect(observerFor(api)).toMatchObject({ preflightsVisible: false, fullRequestHeaders: false });
    } finally {
      Object.assign(fake.webRequest, ENUMS);
    }
  });

  it("adds and removes our listeners on Chromium's own events", async () => {
    const browser = await loadBrowser();
    const api = browserWebRequest(browser.webRequest, false);
    const seen: unknown[] = [];
    const cb = (d: unknown) => { seen.push(d); };
    for (const name of EVENT_NAMES) api.events[name].addListener(cb, { urls: ['<all_urls>'] }, ['extraHeaders']);
    const completed = fake.webRequest.onCompleted as ReturnType<typeof chromeEvent>;
    expect(completed.listeners.has(cb)).toBe(true);
    for (const l of completed.listeners) l({ requestId: '1' });
    expect(seen).toEqual([{ requestId: '1' }]);
    for (const name of EVENT_NAMES) api.events[name].removeListener(cb);
    expect(EVENT_NAMES.map((n) => (fake.webRequest[n] as ReturnType<typeof chromeEvent>).listeners.size)).toEqual(EVENT_NAMES.map(() => 0));
  });

  it("answers a page's message with the listener's promise, and leaves others' messages unanswered", async () => {
    const browser = await loadBrowser();
    browser.runtime.onMessage.addListener((message: unknown, _sender: Runtime.MessageSender) =>
      (message === 'ours' ? Promise.resolve({ ok: true }) : undefined));
    const [wrapped] = fake.onMessage.listeners;
    const answers: unknown[] = [];
    const answered = new Promise<void>((resolve) => {
      expect(wrapped!('ours', {}, (r: unknown) => { answers.push(r); resolve(); })).toBe(true);
    });
    expect(wrapped!('theirs', {}, (r: unknown) => answers.push(r))).toBe(false);
    await answered;
    expect(answers).toEqual([{ ok: true }]);
  });
});

describe('webRequest in Firefox', () => {
  it('Firefox is told by its runtime (getBrowserInfo); no extraHeaders even if an enum appeared', () => {
    const runtime = { getBrowserInfo: async () => ({ name: 'Firefox' }) } as unknown as Runtime.Static;
    expect(isFirefox(runtime)).toBe(true);
    const api = browserWebRequest(fake.webRequest as unknown as Parameters<typeof browserWebRequest>[0], isFirefox(runtime));
    expect([api.browser, api.extraHeaders]).toEqual(['firefox', false]);
    expect(observerFor(api)).toMatchObject({ browser: 'firefox', preflightsVisible: true, fullRequestHeaders: true });
  });
});
