/**
 * Types of the server-fix generator. A FixSet is computed from one exchange and its verdict: the exact
 * response headers the server must send at each step, plain-language notes, and a snippet per stack.
 */

/** Stable stack identifiers (they appear in saved settings and reports: never renamed). */
export type StackId =
  | 'express'
  | 'nginx'
  | 'apache'
  | 'caddy'
  | 'spring'
  | 'aspnet-core'
  | 'django'
  | 'fastapi'
  | 'go'
  | 'rails'
  | 'cloudflare-worker'
  | 's3';

/** One response header the server must send, with the reason it is needed. */
export interface HeaderLine {
  name: string;
  value: string;
  why: string;
}

/** The response headers (and status rule) for one step of the exchange. */
export interface StepFix {
  step: 'preflight' | 'redirect' | 'response';
  /** URL of the request this response answers. */
  url: string;
  /** What the status must be, in words ("any 2xx, 204 is usual; never a redirect"), or null when any status works. */
  status: string | null;
  headers: HeaderLine[];
}

export type FixStatus =
  /** The exchange passed (or CORS does not apply): the configuration shown keeps it working. */
  | 'nothing-to-fix'
  /** The server's CORS headers are at fault: the steps and snippets below fix it. */
  | 'server-fix'
  /** No response header can fix this failure (permission, request mode, scheme): see the notes. */
  | 'no-header-fix'
  /** The browser failed the request for a reason we could not see: the configuration below is what CORS needs. */
  | 'unknown';

export interface FixNote {
  level: 'info' | 'warning';
  text: string;
}

export interface Snippet {
  stack: StackId;
  label: string;
  /** Syntax name for highlighting: `javascript`, `nginx`, `apache`, `caddyfile`, `java`, `csharp`, `python`, `go`, `ruby`, `json`. */
  language: string;
  code: string;
  /** Remarks specific to this stack ("register before your auth middleware"). */
  notes: string[];
}

/** Everything a snippet generator needs, derived once from the exchange and its verdict. */
export interface FixSpec {
  /** The exact value Access-Control-Allow-Origin must carry (`null` when the origin was tainted or opaque). */
  origin: string;
  /** The origin is a well-formed serialized origin (or `null`); false means it came from untrusted, malformed input. */
  originWellFormed: boolean;
  /** Method exactly as the browser sent it (case kept). */
  method: string;
  /** GET, HEAD or POST: needs no Access-Control-Allow-Methods entry. */
  methodSafelisted: boolean;
  /** Names of the request headers the preflight asked about (lowercase, in the browser's order). */
  requestHeaders: string[];
  /** The request carried (or needs) credentials: cookies, HTTP auth or client certificates. */
  credentials: boolean;
  /** A preflight is (or would be) sent. */
  preflight: boolean;
  /** Suggested Access-Control-Max-Age in seconds. */
  maxAge: number;
  /** URL of the final request. */
  url: string;
  /** A conservative path prefix to scope location blocks (`/api/`, or `/`). */
  pathPrefix: string;
  /** HTTP status of the failing response when it was an error status (>= 400), else null. */
  errorStatus: number | null;
  /** Two layers (app and proxy) both add Access-Control-Allow-Origin. */
  duplicateAllowOrigin: boolean;
}

export interface FixSet {
  status: FixStatus;
  /** One sentence: what to do. */
  summary: string;
  spec: FixSpec;
  /** Steps in the order the browser meets them: preflight, redirect hops, final response. */
  steps: StepFix[];
  notes: FixNote[];
  snippets: Snippet[];
}

export interface StackInfo {
  id: StackId;
  label: string;
  generate(spec: FixSpec): Snippet;
}
