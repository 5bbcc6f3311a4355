/**
 * Adds and removes our webRequest listeners. Each listener does one thing: turn the callback into a
 * plain record and hand it to the sink. Correlation, classification and storage happen later, off
 * the event path, in batches.
 *
 * Minimal set: onBeforeRequest, onSendHeaders (final request headers), onHeadersReceived (status and
 * headers, for CORS-rejected responses too when `extraHeaders` is on), onBeforeRedirect,
 * onResponseStarted (in Chromium it fires only for a response the CORS check let through, so a
 * stream that never completes — EventSource, a streamed fetch — still gets its verdict),
 * onCompleted, onErrorOccurred. onBeforeSendHeaders adds nothing onSendHeaders does not give.
 * Only onSendHeaders and onHeadersReceived ask for headers (and `extraHeaders`). Top-level
 * navigations (`main_frame`) are filtered out by the browser.
 */
import type { CaptureEvent } from './event';
import { normalize } from './normalize';
import { captureTypes } from './resource-type';
import type { RawListener, RequestFilter, WebRequestApi, WebRequestEvent, WebRequestEventName } from './web-request';
import { debug } from '../../shared/debug';

export interface Capture {
  /** Adds the listeners (no-op when already added). Must run synchronously at worker start. */
  start(): void;
  /** Removes them: a paused CORS Lens costs what an idle extension costs. */
  stop(): void;
  readonly active: boolean;
}

/** extraInfoSpec per event: only what we read. */
function specs(extra: boolean): Record<WebRequestEventName, string[]> {
  const x = extra ? ['extraHeaders'] : [];
  return {
    onBeforeRequest: [],
    onSendHeaders: ['requestHeaders', ...x],
    onHeadersReceived: ['responseHeaders', ...x],
    onBeforeRedirect: [],
    onResponseStarted: [],
    onCompleted: [],
    onErrorOccurred: [],
  };
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
  const spec = specs(api.extraHeaders);
  const names = Object.keys(spec) as WebRequestEventName[];
  const listeners = new Map<WebRequestEventName, RawListener>();
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
          add(api.events[name], listener, filter, spec[name]);
        } catch (err) {
          // A browser that rejects one of the type names: listen to every type, skip main_frame ourselves.
          debug.warn('capture', `${name}: the type filter was refused, listening without it`, err);
          add(api.events[name], listener, { urls: filter.urls, ...tab }, spec[name]);
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
