/**
 * A redirect the page kept instead of following: `fetch(url, {redirect: 'manual'})`. The browser still
 * runs the CORS check on the 3xx itself; when it passes, the page gets the redirect as an
 * opaque-redirect response (`type: 'opaqueredirect'`, status 0, nothing readable) and the browser
 * abandons the load before the `Location` is requested. Chromium's webRequest shows the 3xx, its
 * onBeforeRedirect, then `net::ERR_ABORTED` with no request to the target. A 3xx that fails its check
 * ends with the browser's CORS error instead (a blocked verdict, not this one).
 */
import type { Exchange } from '../../model/exchange';
import type { Verdict } from '../../model/verdict';
import type { Context, Evaluation } from '../evaluate';
import { completedCorsVerdict } from './completed';
import { m } from '../../i18n/msg';

const ABORTED = /ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT/;

/** The request stopped, aborted, at a redirect it did not follow. */
export function stoppedAtRedirect(ex: Exchange, error: string): boolean {
  const last = ex.redirects.at(-1);
  return last !== undefined && last.followed === false && ABORTED.test(error);
}

/** Every visible check passed up to the unfollowed 3xx: the page got it as an opaque redirect. */
export function opaqueRedirectVerdict(ctx: Context, primary: Evaluation, cookie: boolean): Verdict | null {
  if (primary.failures.length > 0 || !primary.cors) return null;
  const passed = completedCorsVerdict(ctx, primary, cookie);
  const hop = ctx.ex.redirects.at(-1)!;
  const status = hop.response.status;
  return {
    ...passed,
    headline: m('verdict_opaque_redirect', { status: String(status) }),
    status,
    notes: [
      m('note_opaque_redirect', { location: hop.location }),
      m('note_manual_redirect_ambiguous'),
      m('note_manual_redirect_cors'),
      ...passed.notes,
    ],
  };
}
