/**
 * Inputs and rules for judging a preflight response, in Chromium's order (Fetch §4.8 CORS-preflight fetch;
 * services/network/cors/preflight_controller.cc CheckPreflightAccess):
 * redirect → ACAO/ACAC (with the real request's credentials) → 2xx status → ACAM tokens → ACAH tokens
 * → method covered (exact, case-sensitive; GET/HEAD/POST always pass; `*` only without credentials)
 * → headers covered (case-insensitive; `*` only without credentials, and then it covers Authorization).
 */
import type { StepRef } from '../model/verdict';
import { isSafelistedMethod } from '../http/safelist';
import type { TokenList } from '../http/tokens';
import type { AccessInput } from './access-rules';
import type { Evidence } from './types';

export interface PreflightInput {
  step: StepRef;
  url: string;
  origin: string;
  credentialed: boolean;
  status: number | null;
  /** Redirect target when the preflight got a 3xx with a Location. */
  location: string | null;
  access: AccessInput;
  acam: string | null;
  acah: string | null;
  methods: TokenList;
  headers: TokenList;
  /** The real request's method (as the browser put it in Access-Control-Request-Method). */
  method: string;
  /** Lower-case CORS-unsafe header names the real request carries, in request order. */
  unsafeHeaders: readonly string[];
}

export function preflightEvidence(p: PreflightInput, received: string | null, param: string, detail?: string): Evidence {
  const e: Evidence = { step: p.step, url: p.url, origin: p.origin, credentialed: p.credentialed, received, param, status: p.status };
  if (detail !== undefined) e.detail = detail;
  return e;
}

export function methodAllowed(p: PreflightInput, credentialed = p.credentialed): boolean {
  if (isSafelistedMethod(p.method)) return true;
  const items = p.methods.items;
  if (items.includes(p.method)) return true;
  return !credentialed && items.includes('*');
}

/** Unsafe header names the preflight response does not cover, in request order. */
export function uncoveredHeaders(p: PreflightInput, credentialed = p.credentialed): string[] {
  const names = p.unsafeHeaders;
  if (names.length === 0) return [];
  const allowed = p.headers.lower;
  if (!credentialed && allowed.includes('*')) return [];
  const out: string[] = [];
  for (const name of names) if (!allowed.includes(name)) out.push(name);
  return out;
}

export function isOkStatus(status: number | null): boolean {
  return status !== null && status >= 200 && status <= 299;
}
