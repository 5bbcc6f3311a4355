/**
 * `classify(exchange)`: the verdict for one exchange. Pure, total (never throws) and linear in the
 * size of its input. The browser's own outcome decides pass/fail; the checks explain it. Except in
 * Firefox, whose webRequest reports a response its CORS check rejected as completed: there a
 * completed outcome only means a response arrived, and the checks decide (outcome-firefox.ts).
 */
import type { Exchange, Outcome } from '../model/exchange';
import type { Verdict } from '../model/verdict';
import { sanitize } from '../model/sanitize';
import { schemeOf } from '../http/url';
import { requestMode } from './request-mode';
import { requestFacts, startCall } from './header-facts';
import { modeBasis } from './mode';
import { requestOrigin } from './initiator';
import { exchangeSteps } from './steps';
import { evaluate, type Context } from './evaluate';
import { cookieSentCrossOrigin } from './credentials';
import { errorClass } from './errors';
import { verdict } from '../model/make-verdict';
import { m } from '../i18n/msg';
import { localNetworkVerdict } from './outcome/lna';
import { failedCorsVerdict } from './outcome/failed';
import { completedCorsVerdict } from './outcome/completed';
import { firefoxCompletedVerdict, firefoxRefusedVerdict } from './outcome/firefox';
import { networkErrorVerdict, nonCorsVerdict, pendingOutcomeVerdict, plainNetworkError, unknownModeFailure } from './outcome/other';
import { opaqueRedirectVerdict, stoppedAtRedirect } from './outcome/redirect';

export function classify(exchange: Exchange): Verdict {
  try {
    startCall();
    return classifyExchange(sanitize(exchange));
  } catch {
    return verdict({
      kind: 'inconclusive',
      headline: m('verdict_unreadable_record'),
      notes: [m('note_unreadable_record')],
    });
  }
}

function classifyExchange(ex: Exchange): Verdict {
  const outcome: Outcome = ex.outcome;
  const failedError = outcome.state === 'failed' ? outcome.error : null;
  // A javascript: URL is never fetched: the page runs it, and Fetch's scheme fetch answers it with a
  // network error. Nothing crossed the network, so CORS did not judge it (whatever a hand-written HAR says).
  if (schemeOf(ex.url) === 'javascript') {
    return nonCorsVerdict(ex, 'network-error', m('verdict_javascript_url'), failedError);
  }
  const scan = requestFacts(ex.requestHeaders);
  const origin = requestOrigin(ex, scan);
  if (outcome.state === 'failed') {
    const lna = localNetworkVerdict(ex, outcome, origin);
    if (lna) return lna;
  }
  if (failedError !== null && errorClass(failedError) === 'network' && !isCorsCandidate(ex, origin)) {
    return plainNetworkError(ex, failedError);
  }
  const mode = requestMode(ex, scan);
  if (mode.mode === 'navigate') return nonCorsVerdict(ex, 'same-origin', m('verdict_navigation'), failedError);
  if (mode.mode === 'websocket') {
    return nonCorsVerdict(ex, 'no-cors', m('verdict_websocket'), failedError);
  }
  if (origin === undefined) {
    return nonCorsVerdict(ex, 'same-origin', m('verdict_browser_initiated'), failedError);
  }
  const ctx: Context = { ex, mode, origin, steps: exchangeSteps(ex), scan };
  const cookie = cookieSentCrossOrigin(ex, ctx.steps, origin, scan);
  const primary = evaluate(ctx, cookie);
  if (outcome.state === 'pending') return pendingOutcomeVerdict(primary);
  if (failedError !== null && stoppedAtRedirect(ex, failedError)) {
    const opaque = opaqueRedirectVerdict(ctx, primary, cookie);
    if (opaque) return opaque;
  }
  if (failedError !== null && errorClass(failedError) === 'network') {
    const refused = ex.observer.browser === 'firefox' ? firefoxRefusedVerdict(ctx, primary, cookie, failedError) : null;
    return refused ?? networkErrorVerdict(ex, primary, failedError);
  }
  if (!primary.cors && primary.failures.length === 0) {
    const crossOrigin = ctx.steps.some((s) => s.origin !== origin || origin === 'null');
    if (crossOrigin && mode.mode === 'no-cors') {
      if (failedError !== null && !mode.certain && errorClass(failedError) === 'cors') return unknownModeFailure(ex, failedError);
      return nonCorsVerdict(ex, 'no-cors', m('verdict_no_cors'), failedError, modeBasis(mode));
    }
    return nonCorsVerdict(ex, 'same-origin', m('verdict_same_origin'), failedError);
  }
  if (outcome.state === 'failed') return failedCorsVerdict(ctx, primary, cookie, outcome);
  if (ex.observer.browser === 'firefox') return firefoxCompletedVerdict(ctx, primary, cookie);
  return completedCorsVerdict(ctx, primary, cookie);
}

/** Navigations, WebSockets and browser-initiated requests are never CORS-checked. */
function isCorsCandidate(ex: Exchange, origin: string | undefined): boolean {
  return origin !== undefined && ex.type !== 'main_frame' && ex.type !== 'sub_frame' && ex.type !== 'websocket' && ex.type !== 'webtransport';
}
