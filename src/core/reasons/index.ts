/**
 * The reason registry: every CorsErrorCode's module, grouped by check family in the order Chromium
 * runs those checks. `REASONS` is the catalogue (one entry per code, the only home of its words);
 * `reasonDef` finds a code's module; `toReason` turns a detection into the `Reason` a verdict carries.
 */
import type { CorsErrorCode, Reason } from '../model/verdict';
import type { AccessInput } from './access-rules';
import type { NetworkInput } from './network-rules';
import type { PreflightInput } from './preflight-rules';
import type { RequestInput } from './request-rules';
import type { RedirectInput } from './redirect-contains-credentials';
import type { AnyReasonDef, Evidence, ReasonDef } from './types';
import { MDN_BASE } from './texts';

import { disallowedByMode } from './disallowed-by-mode';
import { corsDisabledScheme } from './cors-disabled-scheme';
import { wildcardOriginNotAllowed } from './wildcard-origin-not-allowed';
import { missingAllowOriginHeader } from './missing-allow-origin-header';
import { multipleAllowOriginValues } from './multiple-allow-origin-values';
import { invalidAllowOriginValue } from './invalid-allow-origin-value';
import { allowOriginMismatch } from './allow-origin-mismatch';
import { invalidAllowCredentials } from './invalid-allow-credentials';
import { preflightDisallowedRedirect } from './preflight-disallowed-redirect';
import { preflightWildcardOriginNotAllowed } from './preflight-wildcard-origin-not-allowed';
import { preflightMissingAllowOriginHeader } from './preflight-missing-allow-origin-header';
import { preflightMultipleAllowOriginValues } from './preflight-multiple-allow-origin-values';
import { preflightInvalidAllowOriginValue } from './preflight-invalid-allow-origin-value';
import { preflightAllowOriginMismatch } from './preflight-allow-origin-mismatch';
import { preflightInvalidAllowCredentials } from './preflight-invalid-allow-credentials';
import { preflightInvalidStatus } from './preflight-invalid-status';
import { invalidAllowMethodsPreflightResponse } from './invalid-allow-methods-preflight-response';
import { invalidAllowHeadersPreflightResponse } from './invalid-allow-headers-preflight-response';
import { methodDisallowedByPreflightResponse } from './method-disallowed-by-preflight-response';
import { headerDisallowedByPreflightResponse } from './header-disallowed-by-preflight-response';
import { redirectContainsCredentials } from './redirect-contains-credentials';
import { invalidLocalNetworkAccess } from './invalid-local-network-access';
import { insecureLocalNetwork } from './insecure-local-network';
import { localNetworkAccessPermissionDenied } from './local-network-access-permission-denied';
import { invalidResponse } from './invalid-response';

export type { Evidence, AnyReasonDef, NoteContext } from './types';
export { chromeConsoleLead, chromeConsoleLine } from './texts';

/** Checked before a request or redirected hop is sent. */
export const REQUEST_REASONS: readonly ReasonDef<RequestInput>[] = [disallowedByMode, corsDisabledScheme];

/** The CORS check on a response or redirect hop; the first match is the one Chromium reports. */
export const ACCESS_REASONS: readonly ReasonDef<AccessInput>[] = [
  wildcardOriginNotAllowed,
  missingAllowOriginHeader,
  multipleAllowOriginValues,
  invalidAllowOriginValue,
  allowOriginMismatch,
  invalidAllowCredentials,
];

/** The ACAO/ACAC group of the preflight: at most one of these applies. */
export const PREFLIGHT_ACCESS_REASONS: readonly ReasonDef<PreflightInput>[] = [
  preflightWildcardOriginNotAllowed,
  preflightMissingAllowOriginHeader,
  preflightMultipleAllowOriginValues,
  preflightInvalidAllowOriginValue,
  preflightAllowOriginMismatch,
  preflightInvalidAllowCredentials,
];

/** Preflight checks after the ACAO group, in Chromium's order. */
export const PREFLIGHT_LATER_REASONS: readonly ReasonDef<PreflightInput>[] = [
  preflightInvalidStatus,
  invalidAllowMethodsPreflightResponse,
  invalidAllowHeadersPreflightResponse,
  methodDisallowedByPreflightResponse,
  headerDisallowedByPreflightResponse,
];

export const REDIRECT_REASONS: readonly ReasonDef<RedirectInput>[] = [redirectContainsCredentials];

/** Decided by the browser's error (Local Network Access) or a code the source reported. */
export const NETWORK_REASONS: readonly ReasonDef<NetworkInput>[] = [
  invalidLocalNetworkAccess,
  insecureLocalNetwork,
  localNetworkAccessPermissionDenied,
  invalidResponse,
];

/** Every reason module, one per code. */
export const REASONS: readonly AnyReasonDef[] = [
  ...REQUEST_REASONS,
  preflightDisallowedRedirect,
  ...PREFLIGHT_ACCESS_REASONS,
  ...PREFLIGHT_LATER_REASONS,
  ...ACCESS_REASONS,
  ...REDIRECT_REASONS,
  ...NETWORK_REASONS,
] as readonly AnyReasonDef[];

export { preflightDisallowedRedirect };

const BY_CODE = new Map<CorsErrorCode, AnyReasonDef>(REASONS.map((r) => [r.code, r]));

/** The module for a code, or undefined for a name we do not know. */
export function reasonDef(code: string): AnyReasonDef | undefined {
  return BY_CODE.get(code as CorsErrorCode);
}

/** Full MDN URL for a reason, or null. */
export function mdnUrl(def: Pick<AnyReasonDef, 'mdnSlug'>): string | null {
  return typeof def === 'object' && def !== null && typeof def.mdnSlug === 'string' ? MDN_BASE + def.mdnSlug : null;
}

/** Build the verdict's `Reason` from a module and its evidence. */
export function toReason(def: AnyReasonDef, e: Evidence): Reason {
  const ff = def.firefox(e);
  return {
    code: def.code,
    firefox: ff ? ff.key : null,
    mdn: mdnUrl(def),
    header: def.header,
    received: e.received,
    expected: def.expected(e),
    summary: def.summary(e),
    step: e.step,
    chromeMessage: def.chrome(e),
    firefoxMessage: ff ? ff.message : null,
  };
}

/** A failed check: the reason module that matched and what it found. */
export interface Failure {
  def: AnyReasonDef;
  evidence: Evidence;
}

/** Run an ordered family: the first match, or null. */
export function firstMatch<I>(defs: readonly ReasonDef<I>[], input: I): Failure | null {
  for (const def of defs) {
    const evidence = def.detect(input);
    if (evidence) return { def: def as unknown as AnyReasonDef, evidence };
  }
  return null;
}
