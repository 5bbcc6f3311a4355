/**
 * The input model for one cross-origin exchange: everything the browser let us see about a request,
 * its redirect hops, its preflight(s) and how it ended. Filled by the live capture layer
 * (webRequest) and by the HAR reader alike; read by `classify`. Plain JSON: no classes, no Maps,
 * so it can be stored in `storage.session`, sent over a port and written to a report unchanged.
 */

/** One header line as seen on the wire. Order is kept and duplicates are separate entries. */
export interface Header {
  name: string;
  value: string;
}

/**
 * webRequest resource types (Chromium names; Firefox's extra names are mapped by the capture layer),
 * plus `preflight` for an OPTIONS request the browser sent on its own.
 */
export type ResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xmlhttprequest'
  | 'ping'
  | 'csp_report'
  | 'media'
  | 'websocket'
  | 'webtransport'
  | 'webbundle'
  | 'other';

/** A response received for one step (preflight, redirect hop or final request). */
export interface ResponseRecord {
  status: number;
  statusText?: string;
  headers: Header[];
  /** Remote IP when the browser reported it (used for Local Network Access explanations). */
  ip?: string;
  fromCache?: boolean;
  /** When the headers arrived (ms since epoch). */
  time?: number;
}

/** A redirect the request followed (or tried to follow): the 3xx response of one hop. */
export interface RedirectHop {
  /** URL requested at this hop (the first hop's URL equals `Exchange.url`). */
  url: string;
  /** Request headers as sent at this hop, when seen. */
  requestHeaders?: Header[];
  response: ResponseRecord;
  /** The target of the redirect (`Location`, resolved against `url`). */
  location: string;
  /** When the redirect was followed (ms since epoch). */
  time: number;
  /**
   * `false` when the browser did not follow this redirect: the request failed at this hop (Chromium
   * fires onHeadersReceived with the 3xx, then onErrorOccurred, and no onBeforeRedirect), so
   * `location` was never requested and there is no final response. Absent (or true): followed.
   */
  followed?: boolean;
}

/** An OPTIONS preflight the browser sent for this exchange. */
export interface PreflightRecord {
  /** Capture id (webRequest requestId, HAR entry index…); lets the UI link both ways. */
  id?: string;
  url: string;
  requestHeaders: Header[];
  /** Absent when no response arrived (network error, or still in flight). */
  response?: ResponseRecord;
  /** Browser error string if the preflight itself failed (`net::ERR_FAILED`, `NS_ERROR_…`). */
  error?: string;
  start: number;
  end?: number;
}

export type Outcome =
  /** The final response was handed to the page (or, for Chromium, at least not rejected). */
  | { state: 'completed'; status: number }
  /** The browser failed the request; `error` is its own string (`net::ERR_FAILED`, `NS_ERROR_DOM_BAD_URI`…). */
  | {
      state: 'failed';
      error: string;
      /**
       * The CORS error name the browser itself reported, when the source carries it (DevTools protocol
       * `Network.CorsError`, e.g. `MissingAllowOriginHeader`). webRequest and HAR do not; optional.
       */
      corsError?: string;
    }
  | { state: 'pending' };

/** What the observer could see: decides which absences mean something. */
export interface Observer {
  browser: 'chromium' | 'firefox' | 'unknown';
  /**
   * True when preflights would have been visible had they been sent (Chromium with `extraHeaders`,
   * Firefox, a HAR from DevTools). When false, a missing OPTIONS proves nothing.
   */
  preflightsVisible: boolean;
  /** True when request headers such as `Origin`, `Cookie` and `Sec-Fetch-*` are visible. */
  fullRequestHeaders: boolean;
  /** Where the record came from. */
  source: 'webRequest' | 'har' | 'test';
}

export interface Exchange {
  /** Stable id within its store (webRequest requestId, or HAR-derived). */
  id: string;
  /**
   * Serialized origin of the document or worker that made the request (`https://app.example`),
   * `null` (the string) for an opaque origin, undefined when not known.
   */
  initiator?: string;
  /** URL of the document that made the request, when known (Firefox `documentUrl`, HAR page). */
  documentUrl?: string;
  type: ResourceType;
  /** Method exactly as sent (case kept: `patch` and `PATCH` differ for CORS). */
  method: string;
  /** First URL requested. */
  url: string;
  /** Request headers of the first hop, in order, duplicates kept. */
  requestHeaders: Header[];
  /** Redirect hops in order; the final URL is the last hop's `location` (or `url` when none). */
  redirects: RedirectHop[];
  /**
   * Request headers as sent at the final URL, after the last redirect, when seen (absent without
   * redirects: then `requestHeaders` are those). They show what the browser really sent there:
   * `Origin: null` once the origin is tainted, a `Cookie` on the final hop, `Sec-Fetch-Mode`.
   */
  finalRequestHeaders?: Header[];
  /** Preflights seen for this exchange, in order (normally zero or one; a redirect may add another). */
  preflights: PreflightRecord[];
  /** The final response, when headers for it were seen (even if CORS then rejected it). */
  response?: ResponseRecord;
  outcome: Outcome;
  timings: { start: number; end?: number };
  observer: Observer;
  /** Tab and frame the request belongs to (-1: no tab). Informational; the classifier ignores them. */
  tabId?: number;
  frameId?: number;
}
