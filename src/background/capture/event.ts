/**
 * A webRequest callback turned into a plain JSON record at once (headers kept in order, duplicates
 * kept). Everything after the listener works on these; what they share with the callback's details
 * (header lists, `from`) is plain data the browser made for that callback alone (normalize.ts).
 */
import type { Header, ResourceType } from '../../core/model/exchange';
import type { RawDetails } from './web-request';

interface Base {
  /** webRequest requestId. */
  id: string;
  time: number;
  url: string;
}

/**
 * The request's own fields, as the browser repeats them in every callback: kept raw (the callback's
 * details object itself, not a copy: normalize.ts), so a request whose onBeforeRequest never reached
 * us (lost while the browser stopped the worker) can still be started from a later event
 * (`requestEventOf` in normalize.ts).
 */
export type RequestSource = Pick<RawDetails,
  'method' | 'type' | 'tabId' | 'frameId' | 'initiator' | 'originUrl' | 'documentUrl' | 'documentId' | 'parentDocumentId' | 'parentFrameId'>;

interface LaterBase extends Base {
  from?: RequestSource;
}

export interface RequestEvent extends Base {
  kind: 'request';
  method: string;
  type: ResourceType;
  tabId: number;
  frameId: number;
  initiator?: string;
  documentUrl?: string;
  /** Chromium: the tab's top-level document this request belongs to, when known. */
  topDocument?: string;
}

export interface SendHeadersEvent extends LaterBase {
  kind: 'send-headers';
  method: string;
  headers: Header[];
}

export interface HeadersEvent extends LaterBase {
  kind: 'headers';
  status: number;
  statusText?: string;
  headers: Header[];
  fromCache?: boolean;
}

/** The response is being handed to the page (Chromium: it passed the CORS check). */
export interface StartedEvent extends LaterBase {
  kind: 'started';
  status: number;
  ip?: string;
  fromCache?: boolean;
}

export interface CompletedEvent extends LaterBase {
  kind: 'completed';
  status: number;
  ip?: string;
  fromCache?: boolean;
}

export interface ErrorEvent extends LaterBase {
  kind: 'error';
  error: string;
  ip?: string;
  fromCache?: boolean;
}

export type CaptureEvent =
  | RequestEvent | SendHeadersEvent | HeadersEvent | StartedEvent | CompletedEvent | ErrorEvent;
