/**
 * Types of `cors-lens/playwright` (the package's `playwright.d.ts`): standalone, so that the package needs no
 * type package. The one declaration of the helper's shapes: src/playwright uses them as they are. Its `Exchange`
 * lists the fields of the core's record a user reads; test/unit/playwright/public-types.test.ts fails when the
 * code no longer fits what is declared here.
 */

/** One header line as sent or received (order kept, duplicates kept). */
export interface Header {
  name: string;
  value: string;
}

/** A response of one step. */
export interface ResponseRecord {
  status: number;
  statusText?: string;
  headers: Header[];
  ip?: string;
  fromCache?: boolean;
  time?: number;
}

/** The exchange as recorded: every raw header of every step (preflights, redirect hops, final request). */
export interface Exchange {
  id: string;
  /** Serialized origin of the document or worker that made the request, when known. */
  initiator?: string;
  documentUrl?: string;
  type: string;
  method: string;
  /** First URL requested. */
  url: string;
  /** Raw request headers of the first hop (Origin, Cookie, Sec-Fetch-* included). */
  requestHeaders: Header[];
  redirects: { url: string; requestHeaders?: Header[]; response: ResponseRecord; location: string; time: number; followed?: boolean }[];
  /** Raw request headers of the final hop after redirects. */
  finalRequestHeaders?: Header[];
  preflights: { id?: string; url: string; requestHeaders: Header[]; response?: ResponseRecord; error?: string; start: number; end?: number }[];
  /** The final response, when its headers were seen (even if CORS then rejected it). */
  response?: ResponseRecord;
  outcome: { state: 'completed'; status: number } | { state: 'failed'; error: string; corsError?: string } | { state: 'pending' };
  timings: { start: number; end?: number };
}

export type VerdictKind = 'simple' | 'preflighted' | 'blocked' | 'same-origin' | 'no-cors' | 'network-error' | 'pending' | 'inconclusive';

export type Step = 'preflight' | 'redirect' | 'response';

/** What the verdict rests on: the header at fault at one step, what it carried and what was needed. */
export interface CorsEvidence {
  step: Step;
  header: string | null;
  received: string | null;
  expected: string;
}

/** The response headers the server must send at one step. */
export interface CorsFixStep {
  step: Step;
  url: string;
  /** What the status must be, in words, or null when any status works. */
  status: string | null;
  /** `Name: value` lines. */
  headers: string[];
}

export interface CorsFix {
  /** `server-fix`, `no-header-fix`, `nothing-to-fix`, `unknown` or `network-failure`. */
  status: string;
  summary: string;
  steps: CorsFixStep[];
  notes: string[];
}

/** A security or cost finding about the server configuration behind an exchange. */
export interface CorsFinding {
  id: string;
  severity: 'high' | 'medium' | 'low' | 'info';
  endpoint: string;
  title: string;
  summary: string;
  fix: string;
}

/** One request of the page (its preflights and redirect hops included), judged by CORS Lens. */
export interface CorsVerdict {
  url: string;
  method: string;
  kind: VerdictKind;
  /** CORS Lens's code for a blocked request (Chromium's `Network.CorsError` names), else null. */
  code: string | null;
  /** The code Chromium itself reported (DevTools protocol `corsErrorStatus`), for cross-checking; else null. */
  chromiumCode: string | null;
  headline: string;
  /** One sentence on why it was blocked, else null. */
  explanation: string | null;
  evidence: CorsEvidence[];
  fix: CorsFix;
  findings: CorsFinding[];
  exchange: Exchange;
}

export interface JudgeOptions {
  /** Language of the sentences (default English). */
  lang?: 'en' | 'fr';
  /** How long to wait for in-flight requests to be decided, in ms (default 10000); then they are judged `pending`. */
  settleTimeoutMs?: number;
}

export interface WaitOptions extends JudgeOptions {
  /** How long to wait for the condition, in ms (default 30000). */
  timeoutMs?: number;
}

export interface AttachOptions {
  /** Language of the not-Chromium error (default English). */
  lang?: 'en' | 'fr';
}

/** Playwright's `CDPSession`, as far as the helper uses it. */
export interface CdpSession {
  send(method: string, params?: object): Promise<unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- DevTools protocol payloads are untyped JSON
  on(event: string, listener: (params: Record<string, any>) => void): unknown;
  detach(): Promise<void>;
}

/** A Playwright `Page` of a Chromium browser (taken structurally: Playwright is not a dependency). */
export interface PageLike {
  context(): { newCDPSession(page: never): Promise<CdpSession> };
  url(): string;
}

export interface CorsLens {
  /** Every request of the page (same-origin ones included), judged, once in-flight requests are decided. */
  exchanges(options?: JudgeOptions): Promise<CorsVerdict[]>;
  /** The page's requests that CORS governs (or might: every kind but `same-origin`), judged, once in-flight requests are decided. */
  verdicts(options?: JudgeOptions): Promise<CorsVerdict[]>;
  /** Resolves with `exchanges()` once every request seen is decided and `until` holds over them. */
  waitFor(until: (verdicts: CorsVerdict[]) => boolean, options?: WaitOptions): Promise<CorsVerdict[]>;
  /** Throws an Error naming every blocked request with its code, explanation and fix. */
  expectNoCorsErrors(options?: JudgeOptions): Promise<void>;
  /** Stops recording. */
  detach(): Promise<void>;
}

/** Starts recording `page` through the DevTools protocol (Chromium only: other browsers get a clear error). */
export function attachCorsLens(page: PageLike, options?: AttachOptions): Promise<CorsLens>;
