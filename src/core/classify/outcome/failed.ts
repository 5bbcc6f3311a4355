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
import { m, type Msg } from '../../i18n/msg';

const cookieSent = (): CredentialsInfo => ({ mode: 'include', basis: m('cred_cookie_sent') });

export function failedCorsVerdict(ctx: Context, primary: Evaluation, cookie: boolean, outcome: Extract<Outcome, { state: 'failed' }>): Verdict {
  const reported = outcome.corsError ?? null;
  if (primary.failures.length > 0) return headerFailureVerdict(ctx, primary, cookie, reported);
  if (!cookie) {
    const alt = evaluate(ctx, true);
    if (alt.failures.length > 0) {
      const credentials: CredentialsInfo = {
        mode: 'inferred-include',
        basis: m('cred_inferred_include'),
      };
      return blocked(ctx, alt, credentials, [m('note_inferred_credentials')], reported);
    }
  }
  return inconclusive(ctx, primary, outcome.error, reported);
}

/**
 * The visible headers fail CORS with the credentials we can prove: blocked, first failure first.
 * `extra` notes go after the evidence notes.
 */
export function headerFailureVerdict(ctx: Context, primary: Evaluation, cookie: boolean, reported: string | null, extra: Msg[] = []): Verdict {
  const notes: Msg[] = [];
  if (!cookie) {
    const altFirst = primary.credentialedFailure;
    if (altFirst !== null && altFirst !== primary.failures[0]!.def.code) {
      notes.push(m(ctx.ex.observer.browser === 'firefox' ? 'note_with_credentials_reason' : 'note_with_credentials_chrome', { code: altFirst }));
    }
  }
  return blocked(ctx, primary, cookie ? cookieSent() : unknownCredentials(), [...notes, ...extra], reported);
}

function blocked(ctx: Context, ev: Evaluation, credentials: CredentialsInfo, extra: Msg[], reported: string | null): Verdict {
  const failures = reconcile(ev.failures, reported, extra);
  const first = failures[0]!;
  const notes: Msg[] = [];
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
function reconcile(failures: Failure[], reported: string | null, notes: Msg[]): Failure[] {
  if (reported === null) return failures;
  const index = failures.findIndex((f) => f.def.code === reported);
  if (index === 0) return failures;
  if (index > 0) return [failures[index]!, ...failures.filter((_, i) => i !== index)];
  const def = reasonDef(reported);
  if (!def) return failures;
  notes.push(m('note_chrome_reported_other', { reported, code: failures[0]!.def.code }));
  return [{ def, evidence: { ...failures[0]!.evidence, received: null, param: '' } }, ...failures];
}

function inconclusive(ctx: Context, ev: Evaluation, error: string, reported: string | null): Verdict {
  const notes: Msg[] = [];
  let hidden = false;
  if (reported !== null) notes.push(m('note_reported_not_visible', { code: reported }));
  if (ev.preflightWithoutResponse) {
    hidden = true;
    notes.push(m('note_preflight_no_response'));
  }
  if (ev.unseen.length > 0) {
    hidden = true;
    notes.push(
      ctx.ex.observer.browser === 'chromium' && !ctx.ex.observer.fullRequestHeaders
        ? m('note_chrome_hides_rejected')
        : m('note_failing_headers_not_visible'),
    );
  }
  if (ev.preflight.required && !ev.preflight.observed && !ctx.ex.observer.preflightsVisible) {
    hidden = true;
    notes.push(m('note_preflight_maybe_failed'));
  }
  if (!hidden) {
    notes.push(m('note_every_check_passes'));
  }
  return verdict({
    kind: 'inconclusive',
    headline: m(hidden ? 'verdict_failed_hidden' : 'verdict_failed_unexplained', { error }),
    preflight: ev.preflight.cached && !ctx.ex.response ? { ...ev.preflight, cached: false } : ev.preflight,
    origin: ev.origin,
    tainted: ev.tainted,
    status: ev.status,
    notes,
  });
}
