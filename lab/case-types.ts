/**
 * Types of the lab's case list (lab/cases.ts) and the URL builder for the lab's `/cors` endpoint.
 *
 * Every case makes exactly one "subject" request (the one whose verdict is checked); its URL carries
 * `cid=<case id>` so it can be found in the server log, in the DevTools protocol and in the extension's
 * store. `expect` is what Chromium itself decides (checked against the DevTools protocol by
 * test/e2e/lab-ground-truth.test.ts) and what CORS Lens must therefore say.
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
  | { kind: 'sandbox-fetch'; url: string; init?: FetchInit };

export type ExpectedKind = Exclude<VerdictKind, 'pending' | 'inconclusive'>;

export interface Expect {
  /** Chromium's outcome, in CORS Lens's words. */
  kind: ExpectedKind;
  /** For `blocked`: the DevTools protocol `Network.CorsError` Chromium reports. */
  code?: CorsErrorCode;
  /** Whether a preflight happened: sent on the wire, answered from Chromium's preflight cache, or none. */
  preflight: 'sent' | 'cached' | 'none';
}

export interface LabCase {
  id: string;
  group: string;
  title: string;
  /** What the case does, in one sentence. */
  does: string;
  action: Action;
  expect: Expect;
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
}

/** Builds a lab `/cors` URL on `origin`. `cid` tags the request so every observer can find it. */
export function corsUrl(origin: string, cid: string, params: CorsParams = {}): string {
  const u = new URL('/cors', origin);
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
