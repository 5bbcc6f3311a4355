/** A CORS request the browser completed: simple or preflighted, with what the headers tell about credentials. */
import { modeBasis } from '../mode';
import type { CredentialsInfo, Verdict } from '../../model/verdict';
import type { Context, Evaluation } from '../evaluate';
import { verdict, unknownCredentials } from '../../model/make-verdict';
import { authorizationStarNote, browserDifferenceNotes, taintNote } from '../notes';
import { isExtensionOrigin } from '../initiator';
import { responseFacts } from '../header-facts';
import { preflightCacheSeconds } from '../max-age';
import { m, type Msg } from '../../i18n/msg';

export function completedCorsVerdict(ctx: Context, primary: Evaluation, cookie: boolean): Verdict {
  if (primary.failures.length > 0 && !ctx.mode.certain) {
    return verdict({
      kind: 'no-cors',
      headline: m('verdict_no_cors_inferred'),
      status: primary.status,
      notes: [m('note_mode_assumed_no_cors', { basis: modeBasis(ctx.mode) })],
    });
  }
  const notes: Msg[] = [];
  const credentials = cookie ? { mode: 'include', basis: m('cred_cookie_sent') } satisfies CredentialsInfo : credentialsOf(primary);
  if (primary.failures.length > 0) {
    const f = primary.failures[0]!;
    notes.push(
      isExtensionOrigin(ctx.origin)
        ? m('note_extension_exempt')
        : m('note_delivered_despite_headers', { code: f.def.code }),
    );
  }
  const p = primary.preflight;
  if (p.required && p.cached) {
    notes.push(m('note_preflight_cached'));
    if (p.why.some((w) => w.subject === 'Authorization') && /^(basic|digest|ntlm|negotiate)\b/i.test(ctx.scan.authorization ?? '')) {
      notes.push(m('note_browser_http_auth'));
    }
  }
  if (p.required && !p.observed && !ctx.ex.observer.preflightsVisible) {
    notes.push(m('note_preflight_not_visible'));
  }
  const reuse = reuseNote(ctx);
  if (reuse) notes.push(reuse);
  if (primary.notModified) notes.push(m('note_not_modified'));
  const auth = authorizationStarNote(ctx.ex, primary, credentials.mode === 'include');
  if (auth) notes.push(auth);
  if (ctx.scan.chromiumOnly.length > 0) notes.push(...browserDifferenceNotes(ctx.scan));
  const taint = taintNote(primary);
  if (taint) notes.push(taint);
  const allowed = primary.passedByWildcard ? m('verdict_any_origin') : primary.origin === 'null' ? m('verdict_opaque_origin') : primary.origin;
  const headline = p.required
    ? m(p.cached ? 'verdict_allowed_preflight_cached' : 'verdict_allowed_preflight', { why: p.why[0]?.text ?? m('verdict_not_simple') })
    : m('verdict_allowed_simple', { allowed });
  return verdict({
    kind: p.required ? 'preflighted' : 'simple',
    headline,
    preflight: p,
    credentials,
    origin: primary.origin,
    tainted: primary.tainted,
    status: ctx.ex.outcome.state === 'completed' && ctx.ex.outcome.status > 0 ? ctx.ex.outcome.status : primary.status,
    notes,
  });
}

function credentialsOf(primary: Evaluation): CredentialsInfo {
  if (primary.passedByWildcard) {
    return { mode: 'omit', basis: m('cred_wildcard_accepted') };
  }
  if (primary.failures.length > 0 || primary.credentialedFailure === null) return unknownCredentials();
  return { mode: 'omit', basis: m('cred_inferred_omit', { code: primary.credentialedFailure }) };
}

/** How long the browser may skip the preflight next time (only when one was seen and passed). */
function reuseNote(ctx: Context): Msg | null {
  if (ctx.ex.preflights.length === 0) return null;
  const pre = ctx.ex.preflights.find((p) => p.response !== undefined);
  if (!pre?.response) return null;
  const raw = responseFacts(pre.response.headers).maxAge;
  const browser = ctx.ex.observer.browser;
  const seconds = preflightCacheSeconds(raw, browser);
  const name = browser === 'firefox' ? 'Firefox' : 'Chrome';
  const header = raw === null ? m('note_no_max_age') : `Access-Control-Max-Age: ${raw}`;
  return seconds === 0
    ? m('note_preflight_not_reused', { browser: name, header })
    : m('note_preflight_reused', { browser: name, seconds: String(seconds), header });
}
