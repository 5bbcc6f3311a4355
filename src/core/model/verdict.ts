import type { Msg } from '../i18n/msg';

/**
 * What `classify` returns. Its sentences are messages (ids with values, see i18n/msg.ts) that each
 * surface renders in its reader's language. Stable strings: verdict kinds and reason codes appear in exported
 * reports, so they are never renamed.
 */

export type VerdictKind =
  /** CORS request that needed no preflight and passed. */
  | 'simple'
  /** CORS request that needed a preflight (seen, or served from the preflight cache) and passed. */
  | 'preflighted'
  /** CORS request the browser rejected; `reasons[0]` is the reason the browser reports. */
  | 'blocked'
  /** Not governed by CORS: same origin as the initiator (or a navigation). */
  | 'same-origin'
  /** Not governed by CORS: sent in no-cors mode (opaque response). */
  | 'no-cors'
  /** Failed before CORS could be judged (DNS, refused, TLS, aborted…). */
  | 'network-error'
  /** Still in flight. */
  | 'pending'
  /** The browser failed the request but nothing visible explains it; we do not guess. */
  | 'inconclusive';

/**
 * Every verdict kind, most severe first: what a summary lists and counts first (blocked, then failures
 * CORS could not judge, then allowed CORS requests, then what is not CORS, then what is still in flight).
 */
export const VERDICT_KINDS: readonly VerdictKind[] = [
  'blocked', 'network-error', 'inconclusive', 'preflighted', 'simple', 'no-cors', 'same-origin', 'pending',
];

/** Chromium DevTools protocol `Network.CorsError` names (plus Local Network Access ones). */
export type CorsErrorCode =
  | 'DisallowedByMode'
  | 'InvalidResponse'
  | 'WildcardOriginNotAllowed'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'
  | 'CorsDisabledScheme'
  | 'PreflightInvalidStatus'
  | 'PreflightDisallowedRedirect'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightInvalidAllowCredentials'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'RedirectContainsCredentials'
  | 'InsecureLocalNetwork'
  | 'InvalidLocalNetworkAccess'
  | 'LocalNetworkAccessPermissionDenied';

/** Which step of the exchange a reason or piece of evidence belongs to. */
export type StepRef =
  | { kind: 'preflight'; index: number }
  | { kind: 'redirect'; index: number }
  | { kind: 'response' };

export interface Reason {
  code: CorsErrorCode;
  /** Firefox `security.properties` key for the same failure, or null when Firefox has none. */
  firefox: string | null;
  /** Full MDN URL explaining the failure, or null when MDN has no page for it. */
  mdn: string | null;
  /** The header at fault (canonical case), or null when it is not about one header. */
  header: string | null;
  /** What was received (the header value, joined as the browser joins it), or null when absent. */
  received: string | null;
  /** What was needed, in words a developer can act on. */
  expected: Msg;
  /** One sentence that a web developer understands without knowing the spec. */
  summary: Msg;
  /** Where in the exchange it happened. */
  step: StepRef;
  /** Chromium's console text for this failure (after "has been blocked by CORS policy: "): English in every language, as Chrome prints it. */
  chromeMessage: string;
  /** Firefox's console text for this failure ("Cross-Origin Request Blocked: …"; French Firefox prints the French line), or null. */
  firefoxMessage: Msg | null;
}

type PreflightWhyKind = 'method' | 'header' | 'content-type' | 'header-too-long' | 'headers-total' | 'forced';

export interface PreflightWhy {
  kind: PreflightWhyKind;
  /** Header name or method concerned. */
  subject: string;
  /** In words: "PUT is not a simple method". */
  text: Msg;
}

export interface PreflightInfo {
  /** Whether the browser had to send a preflight for this request (per its visible headers). */
  required: boolean;
  why: PreflightWhy[];
  /** An OPTIONS for this exchange was observed. */
  observed: boolean;
  /** Required, not observed although it would have been visible: the browser used its preflight cache. */
  cached: boolean;
}

export type CredentialsMode = 'include' | 'omit' | 'inferred-include' | 'unknown';

export interface CredentialsInfo {
  mode: CredentialsMode;
  /** What the mode rests on, in words ("a Cookie header was sent", "inferred: …"). */
  basis: Msg;
}

export interface Verdict {
  kind: VerdictKind;
  /** For `blocked`: first is the one the browser reports; later ones would fail next. */
  reasons: Reason[];
  /** One sentence, e.g. "Blocked: the response to the preflight had no Access-Control-Allow-Origin header". */
  headline: Msg;
  preflight: PreflightInfo;
  credentials: CredentialsInfo;
  /** The Origin the browser sent (or would send) at the step that decided: `null` once tainted. */
  origin: string | null;
  /** The origin became `null` after a cross-origin redirect. */
  tainted: boolean;
  /** The real HTTP status behind the outcome, when one was received. */
  status: number | null;
  /** Further observations in plain sentences (status behind a failure, LNA, Authorization under `*`…). */
  notes: Msg[];
}

/** Verdict kinds of requests CORS did not govern: same origin, sent without CORS, or failed before CORS judged them. */
export const NON_CORS_KINDS: ReadonlySet<VerdictKind> = new Set<VerdictKind>(['same-origin', 'no-cors', 'network-error']);
