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
    headline: `Allowed, redirect not followed: the ${status} passed the CORS check and the page got it as an opaque redirect (fetch redirect: "manual")`,
    status,
    notes: [
      `The page received an opaque-redirect response: type "opaqueredirect", status 0, no headers and no body readable. ${hop.location} was never requested.`,
      'This is what fetch(url, {redirect: "manual"}) gets. The extension cannot tell it from redirect: "error" (there the fetch rejects instead) or from a script aborting the request just after the redirect: all end the same way here.',
      'Manual mode does not skip CORS: had the redirect response lacked a matching Access-Control-Allow-Origin, the browser would have blocked it with a CORS error.',
      ...passed.notes,
    ],
  };
}
