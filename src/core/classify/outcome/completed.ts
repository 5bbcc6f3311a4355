/** A CORS request the browser completed: simple or preflighted, with what the headers tell about credentials. */
import type { CredentialsInfo, Verdict } from '../../model/verdict';
import type { Context, Evaluation } from '../evaluate';
import { verdict, unknownCredentials } from '../../model/make-verdict';
import { authorizationStarNote, browserDifferenceNotes, taintNote } from '../notes';
import { isExtensionOrigin } from '../initiator';
import { firstHeader, joinedHeader } from '../../http/headers';
import { preflightCacheSeconds } from '../max-age';

export function completedCorsVerdict(ctx: Context, primary: Evaluation, cookie: boolean): Verdict {
  if (primary.failures.length > 0 && !ctx.mode.certain) {
    return verdict({
      kind: 'no-cors',
      headline: 'No-cors request (inferred): the browser delivered a response CORS would have rejected, so it was not checked by CORS',
      status: primary.status,
      notes: [`The mode was only assumed (${ctx.mode.basis}); the outcome shows the request was made with mode "no-cors", and the page got an opaque response.`],
    });
  }
  const notes: string[] = [];
  const credentials = cookie ? { mode: 'include', basis: 'a Cookie header was sent with the cross-origin request' } satisfies CredentialsInfo : credentialsOf(primary);
  if (primary.failures.length > 0) {
    const f = primary.failures[0]!;
    notes.push(
      isExtensionOrigin(ctx.origin)
        ? 'An extension made this request; with host permission for this site, extensions are exempt from CORS.'
        : `The visible headers would fail CORS (${f.def.code}), but the browser delivered the response: it probably judged other headers than those visible here (a cached or service-worker response).`,
    );
  }
  const p = primary.preflight;
  if (p.required && p.cached) {
    notes.push('No preflight was seen: the browser reused a cached preflight result (Access-Control-Max-Age).');
    if (p.why.some((w) => w.subject === 'Authorization') && /^(basic|digest|ntlm|negotiate)\b/i.test(firstHeader(ctx.ex.requestHeaders, 'authorization') ?? '')) {
      notes.push('Or: this Authorization header came from the browser\'s own HTTP authentication (Basic, Digest, NTLM or Negotiate), which the browser adds after the CORS decision and which never needs a preflight.');
    }
  }
  if (p.required && !p.observed && !ctx.ex.observer.preflightsVisible) {
    notes.push('A preflight was needed; preflights are not visible to the extension in this setup.');
  }
  const reuse = reuseNote(ctx);
  if (reuse) notes.push(reuse);
  if (primary.notModified) notes.push('The server answered 304 Not Modified: the browser checked CORS on its cached copy.');
  const auth = authorizationStarNote(ctx.ex, primary, credentials.mode === 'include');
  if (auth) notes.push(auth);
  notes.push(...browserDifferenceNotes(ctx.ex));
  const taint = taintNote(primary);
  if (taint) notes.push(taint);
  const allowed = primary.passedByWildcard ? 'any origin (*)' : primary.origin === 'null' ? 'the opaque origin "null"' : primary.origin;
  const headline = p.required
    ? `Allowed after a preflight: ${p.why[0]?.text ?? 'the request was not simple'}${p.cached ? ' (the preflight came from the browser\'s cache)' : ''}`
    : `Allowed: a simple CORS request (no preflight needed), and the response allowed ${allowed}`;
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
    return { mode: 'omit', basis: 'the response allowed any origin (*) and the browser accepted it, which it never does for a request with credentials' };
  }
  if (primary.failures.length > 0 || primary.credentialedFailure === null) return unknownCredentials();
  return { mode: 'omit', basis: `inferred: with credentials this request would have failed (${primary.credentialedFailure}), yet the browser accepted it` };
}

/** How long the browser may skip the preflight next time (only when one was seen and passed). */
function reuseNote(ctx: Context): string | null {
  const pre = ctx.ex.preflights.find((p) => p.response !== undefined);
  if (!pre?.response) return null;
  const raw = joinedHeader(pre.response.headers, 'access-control-max-age');
  const browser = ctx.ex.observer.browser;
  const seconds = preflightCacheSeconds(raw, browser);
  const name = browser === 'firefox' ? 'Firefox' : 'Chrome';
  const header = raw === null ? 'no Access-Control-Max-Age' : `Access-Control-Max-Age: ${raw}`;
  return seconds === 0
    ? `${name} will not reuse this preflight (${header}): the next identical request sends a new one.`
    : `${name} may reuse this preflight for ${seconds} s (${header}); identical requests in that time send none.`;
}
