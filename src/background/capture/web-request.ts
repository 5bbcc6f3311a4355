/**
 * The part of the `webRequest` API we use, behind an interface of our own so that tests can replay
 * event sequences (test/support/fake-web-request.ts) and so that Chromium and Firefox differences
 * stay in one place. Shapes are the union of what both browsers send; everything optional that one
 * of them leaves out.
 */
import type { WebRequest } from 'webextension-polyfill';

export interface RawHeader {
  name: string;
  value?: string;
  binaryValue?: ArrayLike<number>;
}

/** Fields every event carries (Chromium names; Firefox adds `originUrl`/`documentUrl`). */
export interface RawDetails {
  requestId: string;
  url: string;
  method: string;
  type: string;
  tabId: number;
  frameId: number;
  timeStamp: number;
  /** Chromium: origin of the initiator (`null` for opaque origins). */
  initiator?: string;
  /** Firefox: URL of the resource that triggered the request. */
  originUrl?: string;
  /** Firefox: URL of the document the request belongs to. */
  documentUrl?: string;
  /** Chromium: the document that made the request, and its frame's parent document. */
  documentId?: string;
  parentDocumentId?: string;
  parentFrameId?: number;
  requestHeaders?: RawHeader[];
  responseHeaders?: RawHeader[];
  statusCode?: number;
  statusLine?: string;
  ip?: string;
  fromCache?: boolean;
  redirectUrl?: string;
  error?: string;
}

export type RawListener = (details: RawDetails) => void;

export interface RequestFilter {
  urls: string[];
  types?: string[];
  /** Only this tab's requests. */
  tabId?: number;
}

/** One webRequest event: what `browser.webRequest.onX` offers, reduced to what we call. */
export interface WebRequestEvent {
  addListener(cb: RawListener, filter: RequestFilter, extraInfoSpec?: string[]): void;
  removeListener(cb: RawListener): void;
}

export type WebRequestEventName =
  | 'onBeforeRequest'
  | 'onSendHeaders'
  | 'onHeadersReceived'
  | 'onBeforeRedirect'
  | 'onResponseStarted'
  | 'onCompleted'
  | 'onErrorOccurred';

/** The events listeners.ts may listen to: onBeforeRedirect is not one (main-events.ts rebuilds a redirect). */
export type ListenedEventName = Exclude<WebRequestEventName, 'onBeforeRedirect'>;

export interface WebRequestApi {
  events: Record<WebRequestEventName, WebRequestEvent>;
  /** Every resource type the browser knows (its `ResourceType` enum), when it exposes one. */
  resourceTypes: string[] | null;
  /** True when `extraHeaders` may be passed (Chromium); Firefox throws on it. */
  extraHeaders: boolean;
  browser: 'chromium' | 'firefox';
}

/**
 * The browser's `webRequest` namespace (`browser.webRequest`: the polyfill passes Chromium's events and enums
 * through untouched), with the enum objects the polyfill's types leave out: Chromium has both, Firefox neither.
 */
type WebRequestNamespace = Pick<WebRequest.Static, WebRequestEventName> & {
  OnBeforeSendHeadersOptions?: { EXTRA_HEADERS?: string };
  ResourceType?: Record<string, string>;
};

/**
 * Wraps the browser's own `webRequest` namespace. `extraHeaders` is feature-detected from the
 * `OnBeforeSendHeadersOptions.EXTRA_HEADERS` enum (Firefox has no such enum and throws on the option).
 */
export function browserWebRequest(api: WebRequestNamespace, isFirefox: boolean): WebRequestApi {
  const ev = (e: unknown) => e as WebRequestEvent;
  return {
    events: {
      onBeforeRequest: ev(api.onBeforeRequest),
      onSendHeaders: ev(api.onSendHeaders),
      onHeadersReceived: ev(api.onHeadersReceived),
      onBeforeRedirect: ev(api.onBeforeRedirect),
      onResponseStarted: ev(api.onResponseStarted),
      onCompleted: ev(api.onCompleted),
      onErrorOccurred: ev(api.onErrorOccurred),
    },
    resourceTypes: api.ResourceType ? Object.values(api.ResourceType) : null,
    extraHeaders: !isFirefox && api.OnBeforeSendHeadersOptions?.EXTRA_HEADERS === 'extraHeaders',
    browser: isFirefox ? 'firefox' : 'chromium',
  };
}
