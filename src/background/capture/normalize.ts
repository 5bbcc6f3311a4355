/**
 * Turns one webRequest callback into a plain `CaptureEvent`. The details object is plain data the
 * browser made for this callback alone (no methods, no live view), so its header lists and the object
 * itself are kept where they already have our shape instead of being copied: the listener runs for
 * every event of the browser.
 */
import type { Header } from '../../core/model/exchange';
import { originOf } from '../../core/http/origin';
import { summarizeRequest, summarizeResponse } from '../../core/classify/header-facts';
import type { CaptureEvent, CompletedEvent, ErrorEvent, RequestEvent, RequestSource, StartedEvent } from './event';
import type { RawDetails, RawHeader, ListenedEventName } from './web-request';
import { toResourceType } from './resource-type';

/** Firefox has no `initiator`: the origin of `originUrl` (or `documentUrl`) stands in for it. */
function initiatorOf(d: Pick<RawDetails, 'initiator' | 'originUrl' | 'documentUrl'>): string | undefined {
  if (typeof d.initiator === 'string') return d.initiator;
  const from = d.originUrl ?? d.documentUrl;
  if (!from) return undefined;
  return originOf(from) ?? undefined;
}

/**
 * The browser's header list as plain records: order and duplicates kept as reported. The browser
 * builds a fresh list of `{name, value}` objects for each callback, and that is already our
 * `Header[]`: when every entry is one (the usual case) the list is taken as it is, with no copy.
 * Otherwise a copy is made, one small object per header; `binaryValue` (non-UTF-8 bytes) is decoded
 * only when a header has no string value, and entries with no name are left out.
 */
function toHeaders(raw: RawHeader[] | undefined): Header[] {
  if (!raw) return [];
  const n = raw.length;
  let i = 0;
  for (; i < n; i++) {
    const h = raw[i];
    if (h == null || typeof h.name !== 'string' || typeof h.value !== 'string' || h.binaryValue !== undefined) break;
  }
  if (i === n) return raw as Header[];
  const out: Header[] = [];
  for (i = 0; i < n; i++) {
    const h = raw[i];
    if (h == null) continue;
    const name = h.name;
    if (typeof name !== 'string') continue;
    const value = h.value;
    out.push({ name, value: typeof value === 'string' ? value : binaryText(h.binaryValue) });
  }
  return out;
}

function binaryText(bytes: ArrayLike<number> | undefined): string {
  return bytes ? Array.from(bytes, (c) => String.fromCharCode(c)).join('') : '';
}

/** "HTTP/1.1 404 Not Found" → "Not Found"; undefined when the line carries no text. */
function statusTextOf(statusLine: string | undefined): string | undefined {
  if (!statusLine) return undefined;
  return /^\S+\s+\d{3}\s+(.+)$/.exec(statusLine.trim())?.[1];
}

/**
 * The top-level document behind a request (Chromium's `documentId`s): the requesting document
 * itself in the main frame, its parent for a direct child frame, unknown deeper down.
 */
function topDocumentOf(d: Pick<RawDetails, 'frameId' | 'parentFrameId' | 'documentId' | 'parentDocumentId'>): string | undefined {
  if (d.frameId === 0) return d.documentId;
  if (d.parentFrameId === 0) return d.parentDocumentId;
  return undefined;
}

/** The request event, from onBeforeRequest's details or from the fields a later event repeated. */
export function requestEventOf(id: string, time: number, url: string, d: RequestSource): RequestEvent {
  const ev: RequestEvent = { kind: 'request', id, time, url, method: d.method, type: toResourceType(d.type), tabId: d.tabId, frameId: d.frameId };
  const initiator = initiatorOf(d);
  if (initiator !== undefined) ev.initiator = initiator;
  if (d.documentUrl) ev.documentUrl = d.documentUrl;
  const top = topDocumentOf(d);
  if (top) ev.topDocument = top;
  return ev;
}

/**
 * Plain assignments rather than object spreads: this runs for every event of the browser. A later
 * event keeps its request's own fields (`from`) as the details object itself, not a copy: the browser
 * makes a fresh plain object for each callback, and those fields are read only when the request's
 * onBeforeRequest never reached us (early-events.ts), which is rare, and for the tab of an event held
 * while the capture scope is read (scope/capture-scope.ts).
 */
export function normalize(event: ListenedEventName, d: RawDetails): CaptureEvent {
  const ev = normalizeOnly(event, d);
  if (ev.kind !== 'request') ev.from = d;
  return ev;
}

function normalizeOnly(event: ListenedEventName, d: RawDetails): CaptureEvent {
  const id = String(d.requestId);
  const time = d.timeStamp;
  const url = d.url;
  switch (event) {
    case 'onBeforeRequest':
      return requestEventOf(id, time, url, d);
    case 'onSendHeaders':
      // The list's facts (what the classifier asks of it) are made now, while the list is fresh in cache.
      return { kind: 'send-headers', id, time, url, method: d.method, headers: summarizeRequest(toHeaders(d.requestHeaders), d.method !== 'OPTIONS') };
    case 'onHeadersReceived': {
      const ev: CaptureEvent = { kind: 'headers', id, time, url, status: d.statusCode ?? 0, headers: summarizeResponse(toHeaders(d.responseHeaders)) };
      const statusText = statusTextOf(d.statusLine);
      if (statusText !== undefined) ev.statusText = statusText;
      if (d.fromCache !== undefined) ev.fromCache = d.fromCache;
      return ev;
    }
    case 'onResponseStarted':
      return net<StartedEvent>({ kind: 'started', id, time, url, status: d.statusCode ?? 0 }, d);
    case 'onCompleted':
      return net<CompletedEvent>({ kind: 'completed', id, time, url, status: d.statusCode ?? 0 }, d);
    case 'onErrorOccurred':
      return net<ErrorEvent>({ kind: 'error', id, time, url, error: d.error ?? 'unknown error' }, d);
  }
}

function net<T extends { ip?: string; fromCache?: boolean }>(ev: T, d: RawDetails): T {
  if (d.ip) ev.ip = d.ip;
  if (d.fromCache !== undefined) ev.fromCache = d.fromCache;
  return ev;
}
