/**
 * A CORS request Firefox reported as completed. Firefox runs its CORS check after webRequest's
 * onResponseStarted, and a response the check rejects still ends with onCompleted, no error
 * (observed in Firefox 153: the page's fetch() throws, the extension sees a 200). So here
 * "completed" means "a response arrived", not "the page could read it": the headers decide.
 * (A failed preflight does show: the OPTIONS and the main request end with NS_ERROR_DOM_BAD_URI.)
 */
import type { Verdict } from '../../model/verdict';
import { evaluate, type Context, type Evaluation } from '../evaluate';
import { verdict, unknownCredentials } from '../../model/make-verdict';
import { completedCorsVerdict } from './completed';
import { headerFailureVerdict } from './failed';
import { isExtensionOrigin } from '../initiator';
import { reasonDef, type Failure } from '../../reasons';

const SILENT =
  'Firefox does not tell extensions when its CORS check rejects a response (webRequest reports it as completed), so this verdict comes from the response headers, which fail the check. In the page, fetch() rejected with "NetworkError when attempting to fetch resource".';

export function firefoxCompletedVerdict(ctx: Context, primary: Evaluation, cookie: boolean): Verdict {
  if (primary.failures.length > 0 && !isExtensionOrigin(ctx.origin)) {
    return ctx.mode.certain ? headerFailureVerdict(ctx, primary, cookie, null, [SILENT]) : modeUnknown(ctx, primary);
  }
  const passed = completedCorsVerdict(ctx, primary, cookie);
  if (cookie || primary.credentialedFailure === null || passed.kind === 'no-cors') return passed;
  const proof = preflightProvesOmit(ctx);
  if (proof !== null) {
    return { ...passed, credentials: { mode: 'omit', basis: `the preflight passed, which it would not have with credentials (${proof})` } };
  }
  // Passes without credentials, fails with them, and nothing shows which: say both.
  const code = primary.credentialedFailure;
  const key = reasonDef(code)?.firefoxKeys[0];
  return {
    ...passed,
    headline: passed.headline.replace(/^Allowed/, 'Allowed if sent without credentials'),
    credentials: unknownCredentials(),
    notes: [
      `Without credentials every check passes. If the request was sent with credentials (fetch credentials: "include", XMLHttpRequest withCredentials), Firefox blocked it: ${code}${key ? ` (Firefox: ${key})` : ''}. Firefox does not tell extensions which happened, and no Cookie header was visible.`,
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
  return headerFailureVerdict(ctx, primary, cookie, null, [
    `Firefox ended the request with ${error} rather than its usual CORS error (NS_ERROR_DOM_BAD_URI), but the headers it had received already fail the CORS check, which Firefox makes as they arrive.`,
  ]);
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
    headline: `Failed: ${first.def.short(first.evidence)} (${error})`,
    preflight: primary.preflight,
    origin: primary.origin,
    tainted: primary.tainted,
    status: primary.status,
    notes: [
      `Chrome blocks this as ${first.def.code}. Firefox has no CORS reason of its own for it: it stops the request and reports “CORS request did not succeed” (CORSDidNotSucceed2).`,
    ],
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
    headline: `Blocked if this was a CORS request: ${f.def.short(f.evidence)}`,
    preflight: primary.preflight,
    origin: primary.origin,
    tainted: primary.tainted,
    status: primary.status,
    notes: [
      `The visible headers fail CORS (${f.def.code}). The request mode is only assumed (${ctx.mode.basis}): in cors mode Firefox blocked the response; in no-cors mode the page got an opaque response it cannot read. Firefox does not tell extensions which.`,
    ],
  });
}
