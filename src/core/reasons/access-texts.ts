/**
 * Wording shared by each Access-Control-Allow-Origin reason and its preflight twin. A preflight twin
 * reuses the plain texts with "the response to the preflight" and Chromium's preflight prefix.
 */
import type { AccessInput } from './access-rules';
import { m, type Msg } from '../i18n/msg';
import { firefoxLine, info, CHROME_PREFLIGHT_PREFIX } from './texts';
import type { Evidence, FirefoxText, ReasonDef } from './types';
import type { CorsErrorCode } from '../model/verdict';

/**
 * Derive the preflight variant of an access reason: same detection, preflight wording; `own` holds the
 * twin's words that differ: its label ("preflight: <plain label>", its own message) and its fix notes.
 */
export function preflightTwin<I>(
  plain: ReasonDef<AccessInput>,
  code: CorsErrorCode,
  detect: (input: I) => Evidence | null,
  own: Pick<ReasonDef<I>, 'label'> & Partial<Pick<ReasonDef<I>, 'notes'>>,
): ReasonDef<I> {
  return {
    ...plain,
    code,
    family: 'preflight',
    detect,
    chrome: (e) => CHROME_PREFLIGHT_PREFIX + plain.chrome(e),
    ...own,
  };
}

/** Fix note of every reason where the origin did not match (or could not). */
export const EXACT_ORIGIN_NOTE = info(m('reason_exact_origin_note'));

export function expectedOrigin(e: Evidence): Msg {
  return m(e.credentialed ? 'reason_expected_origin_credentialed' : 'reason_expected_origin', { origin: e.origin });
}

export function ffMismatch(e: Evidence): FirefoxText {
  return firefoxLine('CORSAllowOriginNotMatchingOrigin', e.url, { value: e.received ?? '' });
}
