/**
 * How long a browser may reuse a successful preflight (Access-Control-Max-Age;
 * Fetch §4.9 CORS-preflight cache; Chromium: services/network/cors/preflight_result.cc).
 * Chromium: absent or not an integer → 5 s, negative → 0, capped at 7200 s. Firefox: absent → 5 s,
 * any non-digit → not cached, capped at 86400 s.
 */

export const CHROMIUM_MAX_AGE_CAP = 7200;
export const FIREFOX_MAX_AGE_CAP = 86400;
const DEFAULT_SECONDS = 5;

/** Seconds a preflight result stays reusable (0 = not reused). */
export function preflightCacheSeconds(maxAge: string | null, browser: 'chromium' | 'firefox' | 'unknown'): number {
  if (maxAge !== null && typeof maxAge !== 'string') return 0;
  if (browser === 'firefox') {
    if (maxAge === null) return DEFAULT_SECONDS;
    if (!isDigits(maxAge, false)) return 0;
    return Math.min(Number(maxAge), FIREFOX_MAX_AGE_CAP);
  }
  if (maxAge === null || !isDigits(maxAge, true)) return DEFAULT_SECONDS;
  const n = Number(maxAge);
  if (!Number.isFinite(n)) return DEFAULT_SECONDS;
  if (n < 0) return 0;
  return Math.min(n, CHROMIUM_MAX_AGE_CAP);
}

/**
 * One or more ASCII digits, after a `+` or `-` when `signed` (`/^[+-]?[0-9]+$/`): read for every preflight
 * that passed, so a loop rather than a regular expression.
 */
function isDigits(value: string, signed: boolean): boolean {
  let i = signed && (value.charCodeAt(0) === 0x2b || value.charCodeAt(0) === 0x2d) ? 1 : 0;
  if (i === value.length) return false;
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
