/**
 * A CORS request the browser failed with its CORS signature (`net::ERR_FAILED`,
 * `NS_ERROR_DOM_BAD_URI`): find the visible cause, first assuming the credentials we can prove,
 * then inferring credentials; if nothing visible explains it, say so (inconclusive).
 */
import type { Outcome } from '../../model/exchange';
import type { CredentialsInfo, Verdict } from '../../model/verdict';
import type { Context, Evaluation } from '../evaluate';
import { evaluate } from '../evaluate';
import { blockedHeadline, reasonsOf, verdict, unknownCredentials } from '../../model/make-verdict';
import { reasonDef, type Failure } from '../../reasons';
import { statusNote, taintNote } from '../notes';

const cookieSent = (): CredentialsInfo => ({ mode: 'include', basis: 'a Cookie header was sent with the cross-origin request' });

export function failedCorsVerdict(ctx: Context, primary: Evaluation, cookie: boolean, outcome: Extract<Outcome, { state: 'failed' }>): Verdict {
  const reported = outcome.corsError ?? null;
  if (primary.failures.length > 0) return headerFailureVerdict(ctx, primary, cookie, reported);
  if (!cookie) {
    const alt = evaluate(ctx, true);
    if (alt.failures.length > 0) {
      const credentials: CredentialsInfo = {
        mode: 'inferred-include',
        basis: 'inferred: without credentials every visible check passes, yet the browser failed the request, so it must have been sent with credentials',
      };
      return blocked(ctx, alt, credentials, [
        'This verdict rests on an inference: no Cookie header was visible, but only a request with credentials (fetch credentials: "include", XMLHttpRequest withCredentials) fails these checks.',
      ], reported);
    }
  }
  return inconclusive(ctx, primary, outcome.error, reported);
}

/**
 * The visible headers fail CORS with the credentials we can prove: blocked, first failure first.
 * `extra` notes go after the evidence notes.
 */
export function headerFailureVerdict(ctx: Context, primary: Evaluation, cookie: boolean, reported: string | null, extra: string[] = []): Verdict {
  const notes: string[] = [];
  if (!cookie) {
    const altFirst = primary.credentialedFailure;
    if (altFirst !== null && altFirst !== primary.failures[0]!.def.code) {
      notes.push(ctx.ex.observer.browser === 'firefox'
        ? `If the request was sent with credentials (cookies), the reason would be ${altFirst} instead.`
        : `If the request was sent with credentials (cookies), Chrome would report ${altFirst} instead.`);
    }
  }
  return blocked(ctx, primary, cookie ? cookieSent() : unknownCredentials(), [...notes, ...extra], reported);
}

function blocked(ctx: Context, ev: Evaluation, credentials: CredentialsInfo, extra: string[], reported: string | null): Verdict {
  const failures = reconcile(ev.failures, reported, extra);
  const first = failures[0]!;
  const notes: string[] = [];
  const status = statusNote(first, first.evidence.status);
  if (status) notes.push(status);
  const taint = taintNote(ev);
  if (taint) notes.push(taint);
  notes.push(...extra);
  return verdict({
    kind: 'blocked',
    headline: blockedHeadline(first),
    reasons: reasonsOf(failures),
    preflight: ev.preflight.cached && !ctx.ex.response ? { ...ev.preflight, cached: false } : ev.preflight,
    credentials,
    origin: first.evidence.origin,
    tainted: ev.tainted,
    status: first.evidence.status,
    notes,
  });
}

/** The browser's own reported code wins the first place; ours stay as the explanation. */
function reconcile(failures: Failure[], reported: string | null, notes: string[]): Failure[] {
  if (reported === null) return failures;
  const index = failures.findIndex((f) => f.def.code === reported);
  if (index === 0) return failures;
  if (index > 0) return [failures[index]!, ...failures.filter((_, i) => i !== index)];
  const def = reasonDef(reported);
  if (!def) return failures;
  notes.push(`Chrome reported ${reported}; the visible headers point to ${failures[0]!.def.code}.`);
  return [{ def, evidence: { ...failures[0]!.evidence, received: null, param: '' } }, ...failures];
}

function inconclusive(ctx: Context, ev: Evaluation, error: string, reported: string | null): Verdict {
  const notes: string[] = [];
  let hidden = false;
  if (reported !== null) notes.push(`The browser reported the CORS error ${reported}, but the headers it judged were not visible.`);
  if (ev.preflightWithoutResponse) {
    hidden = true;
    notes.push('A preflight (OPTIONS) was sent but no response to it was seen.');
  }
  if (ev.unseen.length > 0) {
    hidden = true;
    notes.push(
      ctx.ex.observer.browser === 'chromium' && !ctx.ex.observer.fullRequestHeaders
        ? 'Chrome does not show the headers of a response that CORS rejected unless the extension listens with extraHeaders, so the exact reason cannot be shown.'
        : 'The response headers of the failing step were not visible, so the exact reason cannot be shown.',
    );
  }
  if (ev.preflight.required && !ev.preflight.observed && !ctx.ex.observer.preflightsVisible) {
    hidden = true;
    notes.push('A preflight was needed, and preflights are not visible in this setup: it may be the preflight that failed.');
  }
  if (!hidden) {
    notes.push(
      'Every visible CORS check passes, with or without credentials. Something not visible here decided (a header hidden from the extension, a service worker, a browser policy); no code is guessed.',
    );
  }
  return verdict({
    kind: 'inconclusive',
    headline: hidden
      ? `Failed, cause not visible: the browser rejected it (${error}) but the headers that would explain it were not visible`
      : `Failed, cause not visible: the browser rejected it (${error}) although every visible CORS check passes`,
    preflight: ev.preflight.cached && !ctx.ex.response ? { ...ev.preflight, cached: false } : ev.preflight,
    origin: ev.origin,
    tainted: ev.tainted,
    status: ev.status,
    notes,
  });
}
