/**
 * Wording shared by each Access-Control-Allow-Origin reason and its preflight twin. A preflight twin
 * reuses the plain texts with "the response to the preflight" and Chromium's preflight prefix.
 */
import type { AccessInput } from './access-rules';
import { firefoxLine, PREFLIGHT_PREFIX, where } from './texts';
import type { Evidence, FirefoxText, ReasonDef } from './types';
import type { CorsErrorCode } from '../model/verdict';

export type AccessTexts = Pick<ReasonDef<AccessInput>, 'short' | 'summary' | 'expected' | 'chrome' | 'firefox'>;

/** Derive the preflight variant of an access reason: same detection, preflight wording. */
export function preflightTwin<I>(
  plain: ReasonDef<AccessInput>,
  code: CorsErrorCode,
  detect: (input: I) => Evidence | null,
): ReasonDef<I> {
  return {
    ...plain,
    code,
    family: 'preflight',
    detect,
    chrome: (e) => PREFLIGHT_PREFIX + plain.chrome(e),
  };
}

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
