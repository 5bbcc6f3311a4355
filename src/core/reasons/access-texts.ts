/**
 * Wording shared by each Access-Control-Allow-Origin reason and its preflight twin. A preflight twin
 * reuses the plain texts with "the response to the preflight" and Chromium's preflight prefix.
 */
import type { AccessInput } from './access-rules';
import { firefoxLine, info, PREFLIGHT_PREFIX, where } from './texts';
import type { Evidence, FirefoxText, ReasonDef } from './types';
import type { CorsErrorCode } from '../model/verdict';

/**
 * Derive the preflight variant of an access reason: same detection, preflight wording, label
 * "preflight: <plain label>"; `own` holds the twin's words that differ (its label, its fix notes).
 */
export function preflightTwin<I>(
  plain: ReasonDef<AccessInput>,
  code: CorsErrorCode,
  detect: (input: I) => Evidence | null,
  own: Partial<Pick<ReasonDef<I>, 'label' | 'notes'>> = {},
): ReasonDef<I> {
  return {
    ...plain,
    code,
    family: 'preflight',
    detect,
    label: `preflight: ${plain.label}`,
    chrome: (e) => PREFLIGHT_PREFIX + plain.chrome(e),
    ...own,
  };
}

/** Fix note of every reason where the origin did not match (or could not). */
export const EXACT_ORIGIN_NOTE = info('Access-Control-Allow-Origin is compared as an exact string: a trailing slash, another port, http instead of https or different letter case all fail.');

export function whereCap(e: Evidence): string {
  const w = where(e);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export function expectedOrigin(e: Evidence): string {
  return e.credentialed
    ? `Access-Control-Allow-Origin: ${e.origin} (exactly; * is not allowed with credentials)`
    : `Access-Control-Allow-Origin: ${e.origin} (exactly) or *`;
}

export function ffMismatch(e: Evidence): FirefoxText {
  return firefoxLine('CORSAllowOriginNotMatchingOrigin', e.url, `CORS header ‘Access-Control-Allow-Origin’ does not match ‘${e.received ?? ''}’).`);
}
