/**
 * A CORS request Firefox reported as completed. Firefox runs its CORS check after webRequest's
 * onResponseStarted, and a response the check rejects still ends with onCompleted, no error
 * (observed in Firefox 153: the page's fetch() throws, the extension sees a 200). So here
 * "completed" means "a response arrived", not "the page could read it": the headers decide.
 * (A failed preflight does show: the OPTIONS and the main request end with NS_ERROR_DOM_BAD_URI.)
 */
import { modeBasis } from '../mode';
import type { Verdict } from '../../model/verdict';
import { evaluate, type Context, type Evaluation } from '../evaluate';
import { verdict, unknownCredentials } from '../../model/make-verdict';
import { completedCorsVerdict } from './completed';
import { headerFailureVerdict } from './failed';
import { isExtensionOrigin } from '../initiator';
import { reasonDef, type Failure } from '../../reasons';
import { m, type Msg } from '../../i18n/msg';

/** Headlines of an allowed verdict, each with its "if sent without credentials" twin (`<id>_if_omit`). */
const ALLOWED_HEADLINES: ReadonlySet<string> = new Set(['verdict_allowed_simple', 'verdict_allowed_preflight', 'verdict_allowed_preflight_cached']);

/** "Allowed…" becomes "Allowed if sent without credentials…". */
function ifWithoutCredentials(headline: Msg): Msg {
  return ALLOWED_HEADLINES.has(headline.id) ? m(`${headline.id}_if_omit`, { ...headline.values }) : headline;
}

export function firefoxCompletedVerdict(ctx: Context, primary: Evaluation, cookie: boolean): Verdict {
  if (primary.failures.length > 0 && !isExtensionOrigin(ctx.origin)) {
    return ctx.mode.certain ? headerFailureVerdict(ctx, primary, cookie, null, [m('note_firefox_silent')]) : modeUnknown(ctx, primary);
  }
  const passed = completedCorsVerdict(ctx, primary, cookie);
  if (cookie || primary.credentialedFailure === null || passed.kind === 'no-cors') return passed;
  const proof = preflightProvesOmit(ctx);
  if (proof !== null) {
    return { ...passed, credentials: { mode: 'omit', basis: m('cred_preflight_proves_omit', { code: proof }) } };
  }
  // Passes without credentials, fails with them, and nothing shows which: say both.
  const code = primary.credentialedFailure;
  const key = reasonDef(code)?.firefoxKeys[0];
  return {
    ...passed,
    headline: ifWithoutCredentials(passed.headline),
    credentials: unknownCredentials(),
    notes: [
      m('note_firefox_credentials_unknown', { code: key ? `${code} (Firefox: ${key})` : code }),
      ...passed.notes,
    ],
  };
}

/**
 * Firefox ends a request whose redirect its CORS check refused with NS_ERROR_UNEXPECTED rather than
 * NS_ERROR_DOM_BAD_URI (observed in Firefox 153: a 302 without ACAO; Firefox logs
 * CORSMissingAllowOrigin2 with status 302). When the headers received fail a check Firefox has a
 * reason for, that check decided; otherwise (null) it stays a network error.
 */
export function firefoxRefusedVerdict(ctx: Context, primary: Evaluation, cookie: boolean, error: string): Verdict | null {
  const first = primary.failures[0];
  if (!first || !ctx.mode.certain || isExtensionOrigin(ctx.origin)) return null;
  if (first.def.firefoxKeys.length === 0) return withoutFirefoxReason(primary, first, error);
  return headerFailureVerdict(ctx, primary, cookie, null, [m('note_firefox_refused', { error })]);
}

/**
 * A failure Chromium names (a redirect to a URL with a user name and password) for which Firefox has
 * no CORS reason: Firefox stops the request and logs "CORS request did not succeed" (observed in
 * Firefox 153, NS_ERROR_NET_ON_RECEIVING_FROM). Firefox's own category stays: a network error, whose
 * cause is named.
 */
function withoutFirefoxReason(primary: Evaluation, first: Failure, error: string): Verdict {
  return verdict({
    kind: 'network-error',
    headline: m('verdict_failed_clause', { clause: first.def.short(first.evidence), error }),
    preflight: primary.preflight,
    origin: primary.origin,
    tainted: primary.tainted,
    status: primary.status,
    notes: [m('note_firefox_no_reason', { code: first.def.code })],
  });
}

/**
 * Firefox fails a preflight it rejects (NS_ERROR_DOM_BAD_URI on the OPTIONS). A preflight that ended
 * without error, but would fail with credentials, proves the request had none. Returns that code.
 */
function preflightProvesOmit(ctx: Context): string | null {
  const first = evaluate(ctx, true).failures[0];
  if (first?.evidence.step.kind !== 'preflight') return null;
  const pre = ctx.ex.preflights[first.evidence.step.index];
  return pre?.response !== undefined && pre.error === undefined ? first.def.code : null;
}

/** The headers fail CORS, and the mode is only assumed: a blocked CORS request or a no-cors load. */
function modeUnknown(ctx: Context, primary: Evaluation): Verdict {
  const f = primary.failures[0]!;
  return verdict({
    kind: 'inconclusive',
    headline: m('verdict_blocked_if_cors', { clause: f.def.short(f.evidence) }),
    preflight: primary.preflight,
    origin: primary.origin,
    tainted: primary.tainted,
    status: primary.status,
    notes: [m('note_firefox_mode_unknown', { code: f.def.code, basis: modeBasis(ctx.mode) })],
  });
}
