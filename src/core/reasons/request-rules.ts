/** Inputs for the checks Chromium makes before a request (or a redirected hop) is sent. */
import type { StepRef } from '../model/verdict';
import type { RequestMode } from '../classify/mode';
import type { Evidence } from './types';

export interface RequestInput {
  step: StepRef;
  url: string;
  origin: string;
  credentialed: boolean;
  mode: RequestMode;
  /** The CORS flag: cors mode and a cross-origin URL (or a tainted origin). */
  corsFlag: boolean;
  /** Cross-origin relative to the request's origin (whatever the mode). */
  crossOrigin: boolean;
  scheme: string;
}

export function requestEvidence(i: RequestInput, received: string | null, param: string): Evidence {
  return { step: i.step, url: i.url, origin: i.origin, credentialed: i.credentialed, received, param, status: null };
}

/** Schemes Chromium allows CORS requests to (the embedder list; http and https in practice). */
export const CORS_ENABLED_SCHEMES = ['chrome', 'chrome-extension', 'chrome-untrusted', 'data', 'http', 'https', 'isolated-app'] as const;

/**
 * Whether one of the request checks could fail this step: only a same-origin mode request, or a CORS request to
 * a scheme other than http(s) (the schemes every page fetches), can. The classifier skips the checks' input and
 * their walk on every other step; a test holds this against each check's own `detect`.
 */
export function requestChecksApply(mode: RequestMode, corsFlag: boolean, scheme: string): boolean {
  return mode === 'same-origin' || (corsFlag && scheme !== 'http' && scheme !== 'https');
}
