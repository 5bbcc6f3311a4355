/**
 * The CORS check (Fetch "CORS check", Chromium `CheckAccess`) in Chromium's exact order, shared by
 * the response, redirect-hop and preflight variants of the Access-Control-Allow-Origin reasons:
 *   1. ACAO `*` with credentials → wildcard; `*` without credentials → pass
 *   2. ACAO absent → missing
 *   3. ACAO equal to the origin → pass unless credentialed and ACAC is not exactly `true`
 *   4. contains a space or comma → multiple; `null` → mismatch; not a URL → invalid; else mismatch
 * Values are the browser's combined header (lines joined with ", ", trimmed); no URL normalisation.
 */
import type { StepRef } from '../model/verdict';
import { parseUrl } from '../http/url';
import type { Evidence } from './types';

export type AccessFailure = 'wildcard' | 'missing' | 'multiple' | 'invalid' | 'mismatch' | 'credentials';

export interface AccessInput {
  step: StepRef;
  url: string;
  origin: string;
  credentialed: boolean;
  status: number | null;
  /** Combined Access-Control-Allow-Origin, or null when absent. */
  acao: string | null;
  /** How many ACAO header lines arrived (Firefox words two lines differently). */
  acaoLines: number;
  /** Combined Access-Control-Allow-Credentials, or null when absent. */
  acac: string | null;
  /** The first failing rule, computed once by `accessInput`. */
  failure: AccessFailure | null;
}

export function accessInput(f: Omit<AccessInput, 'failure'>): AccessInput {
  return {
    step: f.step, url: f.url, origin: f.origin, credentialed: f.credentialed, status: f.status,
    acao: f.acao, acaoLines: f.acaoLines, acac: f.acac,
    failure: accessFailure(f.acao, f.acac, f.origin, f.credentialed),
  };
}

export function accessFailure(acao: string | null, acac: string | null, origin: string, credentialed: boolean): AccessFailure | null {
  if (acao === '*') return credentialed ? 'wildcard' : null;
  if (acao === null) return 'missing';
  if (acao === origin) return credentialed && acac !== 'true' ? 'credentials' : null;
  if (/[ ,]/.test(acao)) return 'multiple';
  if (acao === 'null') return 'mismatch';
  if (parseUrl(acao) === null) return 'invalid';
  return 'mismatch';
}

/** Would Access-Control-Allow-Credentials fail once the origin problem is fixed? */
export function credentialsWouldFail(i: AccessInput): boolean {
  return i.credentialed && i.acac !== 'true';
}

function accessEvidence(i: AccessInput, received: string | null, param: string): Evidence {
  return {
    step: i.step,
    url: i.url,
    origin: i.origin,
    credentialed: i.credentialed,
    received,
    param,
    status: i.status,
    detail: String(i.acaoLines),
  };
}

/** Detector factory: this failure kind → evidence about ACAO (or ACAC for `credentials`). */
export function detectAccess(kind: AccessFailure): (i: AccessInput) => Evidence | null {
  return (i) => {
    if (i.failure !== kind) return null;
    if (kind === 'credentials') return accessEvidence(i, i.acac, i.acac ?? '');
    return accessEvidence(i, i.acao, i.acao ?? '');
  };
}

/** A classic near miss between a mismatching ACAO and the origin (the mismatch module words it). */
type NearMiss = 'slash' | 'case' | 'null' | 'scheme' | 'port';

/** Why a mismatching ACAO differs from the origin, when it is a classic near miss; null otherwise. */
export function nearMiss(received: string | null, origin: string): NearMiss | null {
  if (received === null) return null;
  if (received === origin + '/') return 'slash';
  if (received.toLowerCase() === origin.toLowerCase()) return 'case';
  if (origin === 'null') return 'null';
  const strip = (s: string) => s.replace(/^https?:\/\//i, '');
  if (strip(received) === strip(origin)) return 'scheme';
  if (received.replace(/:(80|443)$/, '') === origin) return 'port';
  return null;
}
