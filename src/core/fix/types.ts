/**
 * Types of the server-fix generator. A FixSet is computed from one exchange and its verdict: the exact
 * response headers the server must send at each step, plain-language notes, and a snippet per stack.
 */
import type { Msg } from '../i18n/msg';

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
  why: Msg;
}

/** The response headers (and status rule) for one step of the exchange. */
export interface StepFix {
  step: 'preflight' | 'redirect' | 'response';
  /** URL of the request this response answers. */
  url: string;
  /** What the status must be, in words ("any 2xx, 204 is usual; never a redirect"), or null when any status works. */
  status: Msg | null;
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
  | 'unknown'
  /**
   * The request or its preflight failed at the network level (connection refused, DNS, TLS, cancelled…)
   * before CORS could judge it: no CORS header can help; the notes say what to check. No steps, no snippets.
   */
  | 'network-failure';

export interface FixNote {
  level: 'info' | 'warning';
  text: Msg;
}

export interface Snippet {
  stack: StackId;
  label: string;
  /** Syntax name for highlighting: `javascript`, `nginx`, `apache`, `caddyfile`, `java`, `csharp`, `python`, `go`, `ruby`, `json`. */
  language: string;
  code: string;
  /** Remarks specific to this stack ("register before your auth middleware"). */
  notes: Msg[];
}

/**
 * What the credentials choice rests on: a Cookie seen on the request; the outcome proving there were none
 * (the browser accepted what it rejects with credentials); an inference from the outcome; nothing (so the
 * fix works either way); or the user's answer.
 */
export type CredentialsBasis = 'seen-cookie' | 'seen-no-credentials' | 'inferred' | 'unknown-either-way' | 'user';

/** Choices the user makes in the panel. */
export interface FixOptions {
  /**
   * Does the request send cookies or HTTP authentication? true / false: the user's answer; `'unsure'`: the
   * variant that works either way; absent: what the capture shows (either way when it shows nothing).
   */
  credentials?: boolean | 'unsure';
}

/** A value too long to put in a snippet or a header line as is (see bounds.ts). */
export interface CutValue {
  field: 'origin' | 'method' | 'requestHeaders' | 'url';
  /** Its full length in characters (for the header list: the names joined with ", "). */
  length: number;
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
  /**
   * Allow credentials (cookies, HTTP auth or client certificates): the request carried them, needs them,
   * the user said so, or it is not known (then the fix works either way; see `credentialsBasis`).
   */
  credentials: boolean;
  /** What `credentials` rests on. */
  credentialsBasis: CredentialsBasis;
  /** What the capture shows about credentials, in words ("a Cookie header was sent…"). */
  credentialsEvidence: Msg;
  /** What the capture says: true (sent or inferred), false (proved absent), null (not known). Pre-sets the question. */
  credentialsCaptured: boolean | null;
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
  /**
   * The failing response was a server error (>= 500): often generated outside the CORS configuration
   * (an unhandled exception, a proxy's own 502), so the snippet must add the headers on that path too.
   */
  serverError: boolean;
  /** Two layers (app and proxy) both add Access-Control-Allow-Origin. */
  duplicateAllowOrigin: boolean;
  /**
   * Values cut because they were too long (shown with a "…[cut: N chars]" marker). A cut origin, method or
   * header list means no snippet is generated; a cut URL only shortens comments.
   */
  cut: CutValue[];
}

export interface FixSet {
  status: FixStatus;
  /** One sentence: what to do. */
  summary: Msg;
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
