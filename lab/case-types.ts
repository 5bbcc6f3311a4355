/**
 * Types of the lab's case list (lab/cases.ts) and the URL builder for the lab's `/cors` endpoint.
 *
 * Every case makes exactly one "subject" request (the one whose verdict is checked); its URL carries
 * `cid=<case id>` so it can be found in the server log, in the DevTools protocol and in the extension's
 * store. `expect` is what Chromium itself decides (checked against the DevTools protocol by
 * test/e2e/lab-ground-truth.test.ts) and what CORS Lens must therefore say.
 *
 * A case may first run `prepare` requests (filling the browser's HTTP or preflight cache, or making the same
 * endpoint answer other origins): they are preparation, never the subject. They use the subject's very URL when
 * the case needs a cache hit or the same endpoint, so the subject is the request to its URL that comes after
 * `preparedBefore(case)` others (see `preparedBefore`).
 */
import type { CorsErrorCode, VerdictKind } from '../src/core/model/verdict';

export interface LabOrigins {
  /** Origin serving the gallery (the initiator of every case). */
  page: string;
  /** The API origin most cases talk to. */
  api: string;
  /** A third origin, used as a redirect target. */
  third: string;
  /** An origin on a loopback port nothing listens on (network error). */
  closed: string;
  /**
   * The third origin's server under another site's name (`http://localhost:<third port>`): 127.0.0.1's ports are
   * all one site, and telling reflection from an allowlist takes two sites. Absent: `third` is used.
   */
  crossSite?: string;
}

export interface FetchInit {
  method?: string;
  headers?: [string, string][];
  body?: string;
  credentials?: 'omit' | 'same-origin' | 'include';
  mode?: 'cors' | 'no-cors' | 'same-origin';
  keepalive?: boolean;
  redirect?: 'follow' | 'manual' | 'error';
}

export type Action =
  | { kind: 'fetch'; url: string; init?: FetchInit }
  | { kind: 'xhr'; url: string; method: string; headers?: [string, string][]; withCredentials?: boolean }
  /** `navigator.sendBeacon(url, new Blob([body], {type: contentType}))`: always credentialed, webRequest type `ping`. */
  | { kind: 'beacon'; url: string; contentType: string; body: string }
  | { kind: 'img'; url: string; crossOrigin: 'anonymous' | 'use-credentials' | null }
  | { kind: 'font'; url: string }
  | { kind: 'import'; url: string }
  | { kind: 'module-script'; url: string }
  | { kind: 'stylesheet'; url: string }
  | { kind: 'eventsource'; url: string; withCredentials?: boolean }
  | { kind: 'worker-fetch'; url: string; init?: FetchInit }
  | { kind: 'sandbox-fetch'; url: string; init?: FetchInit }
  /** fetch() from a (non-sandboxed) iframe served by `origin` (`/lab/frame` on any lab origin): Origin is `origin`. */
  | { kind: 'frame-fetch'; origin: string; url: string; init?: FetchInit };

/** Finding ids of CORS Lens's security and cost lens (src/core/findings), as the lab's cases expect them. */
export type FindingId =
  | 'null-origin-allowed' | 'insecure-origin-trusted' | 'origin-reflected' | 'origin-echo-without-vary' | 'wildcard-with-credentials'
  | 'wildcard-lists-with-credentials' | 'private-network-broadly-allowed' | 'max-age-over-browser-cap' | 'preflight-not-cached'
  | 'public-suffix-origin-trusted' | 'cached-answer-for-other-origin';

export type ExpectedKind = Exclude<VerdictKind, 'pending' | 'inconclusive'>;

export interface Expect {
  /** Chromium's outcome, in CORS Lens's words. */
  kind: ExpectedKind;
  /** For `blocked`: the DevTools protocol `Network.CorsError` Chromium reports. */
  code?: CorsErrorCode;
  /** Whether a preflight happened: sent on the wire, answered from Chromium's preflight cache, or none. */
  preflight: 'sent' | 'cached' | 'none';
  /**
   * Whether Chromium answered the subject from its HTTP cache (`true`: the server never saw it, only the
   * preparation's request; `false`: it went to the network although a cacheable answer was stored, e.g. `Vary:
   * Origin` told the cache apart). Absent: not asserted.
   */
  fromCache?: boolean;
}

export interface LabCase {
  id: string;
  group: string;
  title: string;
  /** What the case does, in one sentence. */
  does: string;
  action: Action;
  expect: Expect;
  /** Requests run, in order, before the subject (preparation: never checked as the subject). */
  prepare?: Action[];
  /**
   * The exact set of findings CORS Lens must report for the subject request (any severity); `[]`: the subject
   * must be clean. Absent: the case is not about findings and is not checked for them.
   */
  findings?: FindingId[];
}

/** Query parameters understood by the lab's `/cors` endpoint (see lab/server.ts). */
export interface CorsParams {
  acao?: string | string[];
  acac?: string;
  aceh?: string;
  status?: number;
  redirect?: string;
  rstatus?: number;
  pacao?: string | string[];
  pacac?: string;
  pstatus?: number;
  predirect?: string;
  acam?: string;
  acah?: string;
  maxage?: number;
  type?: 'text' | 'json' | 'js' | 'css' | 'font' | 'img' | 'sse';
  setcookie?: string;
  hold?: string;
  /** Allowlist: the request's Origin is echoed (both responses) only when listed; replaces `acao`. */
  allow?: string | string[];
  /** `Vary` on both responses. */
  vary?: string;
  /** `Cache-Control` on both responses, instead of the default `no-store` (e.g. `max-age=600`: cacheable). */
  cache?: string;
  /** `Access-Control-Allow-Private-Network` on both responses. */
  acapn?: string;
  /** Shared-cache markers on both responses: `Age`, `X-Cache`. */
  age?: number;
  xcache?: string;
  /**
   * The lab plays a shared cache (CDN) that ignores Origin: the first actual request's ACAO is replayed to every
   * later request of the same URL, with `X-Cache: HIT` and `Age`.
   */
  shared?: 1;
}

/**
 * Builds a lab `/cors` URL on `origin`. `cid` tags the request so every observer can find it. `path` gives the
 * case an endpoint of its own (`/cors/<name>`, same behaviour).
 */
export function corsUrl(origin: string, cid: string, params: CorsParams = {}, path = '/cors'): string {
  const u = new URL(path, origin);
  u.searchParams.set('cid', cid);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) u.searchParams.append(k, String(item));
  }
  return u.href;
}

/** The case id a lab URL carries, or null. */
export function caseIdOf(url: string): string | null {
  try {
    return new URL(url).searchParams.get('cid');
  } catch {
    return null;
  }
}

/**
 * How many of the case's preparation requests go to the subject's own URL: in one run, the subject is the
 * request to that URL that comes after this many (observers pair requests with cases by URL, in order).
 */
export function preparedBefore(c: Pick<LabCase, 'action' | 'prepare'>): number {
  return (c.prepare ?? []).filter((p) => p.url === c.action.url).length;
}
