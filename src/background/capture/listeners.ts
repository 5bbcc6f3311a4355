/**
 * Adds and removes our webRequest listeners. Each listener does one thing: turn the callback into a
 * plain record and hand it to the sink. Correlation, classification and storage happen later, off
 * the event path, in batches.
 *
 * Every listener is a message from the network stack to the worker on every request, so we register
 * only what a verdict needs (issue 12). What each event gives (cors-reference.md §4.3, §10; the
 * real-browser suites are the proof):
 * - onSendHeaders (`requestHeaders`, `extraHeaders`): the headers actually sent (Origin, Cookie,
 *   Sec-Fetch-*), the preflight's ACRM/ACRH. `extraHeaders` here also makes preflights visible. KEPT.
 * - onHeadersReceived (`responseHeaders`, `extraHeaders`): status and headers, for CORS-rejected
 *   responses too (Chromium fires it before its CORS check only with `extraHeaders`). KEPT.
 * - onErrorOccurred: every failure (net::ERR_FAILED for CORS, NS_ERROR_DOM_BAD_URI in Firefox), and the
 *   only event of a main request whose preflight failed; it repeats url, method, type, tab, frame and
 *   initiator, so it can start the request on its own. KEPT.
 * - Chromium onResponseStarted: fires only for a response the CORS check let through, so it is the
 *   verdict's "passed", even for a stream that never completes (EventSource, a streamed fetch: HR then
 *   nothing; waiting "a while" for an E that may be late under load would be a guess). It always comes
 *   before onCompleted, and carries the same status, ip and fromCache: KEPT, and onCompleted DROPPED.
 * - Firefox onCompleted: Firefox fires onResponseStarted before its own CORS check, so only the end
 *   tells: KEPT there, and onResponseStarted DROPPED (it only added the ip).
 * - onBeforeRequest: KEPT, though every later event repeats what it says (event.ts `RequestSource`) and
 *   the correlator can start a request from its first later event (correlate/early-events.ts; a
 *   preflight seen first waits, claimable, for its main request: preflight-events.ts `claimOrphan`).
 *   It is the only event fired when a fetch is made: a fetch queued behind others (six connections per
 *   host) sends its headers, gets its response and ends seconds later, and when Chromium stops the
 *   worker in that time it drops every later event. Without it such a fetch is lost altogether (seen
 *   in test/e2e/burst.test.ts: 1 of 2,000 lost); with it, it is recorded and said to be interrupted.
 *   Chromium wakes a stopped worker for our events (test/e2e/capture-scope.test.ts), but drops those it
 *   fires while it stops and restarts it, and no later event can stand in for the one fired before that
 *   window. Its price, measured side by side: about a tenth more CPU per burst than the four others alone
 *   (no headers, but one more dispatch per request and per preflight).
 * - onBeforeRedirect: DROPPED. A redirect is a 3xx with a Location in onHeadersReceived followed by an
 *   event of the same requestId on another URL (or sending headers again); a 3xx followed by an error
 *   on the same URL is a redirect Chromium refused (sequence J). main-events.ts `movedOn` rebuilds it.
 *   What is lost: the redirect hop's `ip` (only the LNA check reads it, and falls back to the host).
 * - onBeforeSendHeaders adds nothing onSendHeaders does not give.
 * Top-level navigations (`main_frame`) are filtered out by the browser.
 */
import type { CaptureEvent } from './event';
import { normalize } from './normalize';
import { captureTypes } from './resource-type';
import type { RawListener, RequestFilter, WebRequestApi, WebRequestEvent, ListenedEventName } from './web-request';
import { debug } from '../../shared/debug';

export interface Capture {
  /** Adds the listeners (no-op when already added). Must run synchronously at worker start. */
  start(): void;
  /** Removes them: a paused CORS Lens costs what an idle extension costs. */
  stop(): void;
  readonly active: boolean;
}

/** The events we listen to, with their extraInfoSpec: only what we read (see above). */
function specs(api: WebRequestApi): Partial<Record<ListenedEventName, string[]>> {
  const x = api.extraHeaders ? ['extraHeaders'] : [];
  const spec: Partial<Record<ListenedEventName, string[]>> = {
    onBeforeRequest: [],
    onSendHeaders: ['requestHeaders', ...x],
    onHeadersReceived: ['responseHeaders', ...x],
  };
  if (api.browser === 'chromium') spec.onResponseStarted = [];
  else spec.onCompleted = [];
  spec.onErrorOccurred = [];
  return spec;
}

/**
 * Web traffic only: `<all_urls>` would also match extension pages' own resources
 * (`chrome-extension://…`), which are not the page's cross-origin requests.
 */
const CAPTURE_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * Firefox rejects an empty extraInfoSpec ("Incorrect argument types") on events that take none
 * (onBeforeRequest, onErrorOccurred…): pass the third argument only when there is something in it.
 */
function add(event: WebRequestEvent, listener: RawListener, filter: RequestFilter, spec: string[]): void {
  if (spec.length > 0) event.addListener(listener, filter, spec);
  else event.addListener(listener, filter);
}

/** Where to listen: one tab only (`RequestFilter.tabId`), or every tab when left out. */
export interface CaptureScope {
  tabId?: number;
}

export function createCapture(api: WebRequestApi, sink: (event: CaptureEvent) => void, scope: CaptureScope = {}): Capture {
  const tab = scope.tabId !== undefined ? { tabId: scope.tabId } : {};
  const filter: RequestFilter = { urls: CAPTURE_URLS, types: captureTypes(api.resourceTypes), ...tab };
  const spec = specs(api);
  const names = Object.keys(spec) as ListenedEventName[];
  const listeners = new Map<ListenedEventName, RawListener>();
  for (const name of names) {
    listeners.set(name, (details) => {
      try {
        if (details.type === 'main_frame') return; // only when the type filter had to be dropped
        sink(normalize(name, details));
      } catch (err) {
        debug.warn('capture', `could not read a ${name} event`, err);
      }
    });
  }
  let active = false;
  return {
    get active() { return active; },
    start() {
      if (active) return;
      active = true;
      for (const name of names) {
        const listener = listeners.get(name)!;
        try {
          add(api.events[name], listener, filter, spec[name]!);
        } catch (err) {
          // A browser that rejects one of the type names: listen to every type, skip main_frame ourselves.
          debug.warn('capture', `${name}: the type filter was refused, listening without it`, err);
          add(api.events[name], listener, { urls: filter.urls, ...tab }, spec[name]!);
        }
      }
    },
    stop() {
      if (!active) return;
      active = false;
      for (const name of names) api.events[name].removeListener(listeners.get(name)!);
    },
  };
}
