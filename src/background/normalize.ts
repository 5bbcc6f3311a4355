/** Turns one webRequest callback into a plain `CaptureEvent` (no browser object survives this). */
import type { CaptureEvent } from './capture-event';
import type { RawDetails, WebRequestEventName } from './web-request';
import { statusTextOf, toHeaders } from './headers';
import { toResourceType } from './resource-type';

/** Firefox has no `initiator`: the origin of `originUrl` (or `documentUrl`) stands in for it. */
export function initiatorOf(d: RawDetails): string | undefined {
  if (typeof d.initiator === 'string') return d.initiator;
  const from = d.originUrl ?? d.documentUrl;
  if (!from) return undefined;
  try {
    return new URL(from).origin;
  } catch {
    return undefined;
  }
}

/**
 * The top-level document behind a request (Chromium's `documentId`s): the requesting document
 * itself in the main frame, its parent for a direct child frame, unknown deeper down.
 */
export function topDocumentOf(d: RawDetails): string | undefined {
  if (d.frameId === 0) return d.documentId;
  if (d.parentFrameId === 0) return d.parentDocumentId;
  return undefined;
}

export function normalize(event: WebRequestEventName, d: RawDetails): CaptureEvent {
  const base = { id: String(d.requestId), time: d.timeStamp, url: d.url };
  switch (event) {
    case 'onBeforeRequest': {
      const initiator = initiatorOf(d);
      const topDocument = topDocumentOf(d);
      return {
        ...base, kind: 'request', method: d.method, type: toResourceType(d.type), tabId: d.tabId, frameId: d.frameId,
        ...(initiator !== undefined ? { initiator } : {}),
        ...(d.documentUrl ? { documentUrl: d.documentUrl } : {}),
        ...(topDocument ? { topDocument } : {}),
      };
    }
    case 'onSendHeaders':
      return { ...base, kind: 'send-headers', method: d.method, headers: toHeaders(d.requestHeaders) };
    case 'onHeadersReceived': {
      const statusText = statusTextOf(d.statusLine);
      return {
        ...base, kind: 'headers', status: d.statusCode ?? 0, headers: toHeaders(d.responseHeaders),
        ...(statusText !== undefined ? { statusText } : {}),
        ...(d.fromCache !== undefined ? { fromCache: d.fromCache } : {}),
      };
    }
    case 'onBeforeRedirect':
      return {
        ...base, kind: 'redirect', status: d.statusCode ?? 0, redirectUrl: d.redirectUrl ?? '', ...netFields(d),
      };
    case 'onCompleted':
      return { ...base, kind: 'completed', status: d.statusCode ?? 0, ...netFields(d) };
    case 'onErrorOccurred':
      return { ...base, kind: 'error', error: d.error ?? 'unknown error', ...netFields(d) };
  }
}

function netFields(d: RawDetails): { ip?: string; fromCache?: boolean } {
  return {
    ...(d.ip ? { ip: d.ip } : {}),
    ...(d.fromCache !== undefined ? { fromCache: d.fromCache } : {}),
  };
}
