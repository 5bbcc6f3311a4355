/**
 * Plain-language advice for a fix, on top of the header list. The advice for each reason lives in its
 * reason module (`notes`, src/core/reasons/), so it follows what the browser actually reported; this
 * file adds the notes that depend on the shape of the exchange. Received values are quoted cut (bounds.ts).
 */
import type { CorsErrorCode, Reason } from '../model/verdict';
import type { FixNote, FixSpec } from './types';
import { commentText } from './escape';
import { grouped } from './bounds';
import { REASONS, reasonDef, type NoteContext } from '../reasons';
import { info, warn } from '../reasons/texts';
import { WILDCARD_NOTE } from '../reasons/wildcard-origin-not-allowed';
import { PREFLIGHT_2XX_NOTE } from '../reasons/preflight-invalid-status';

/** Failures that no server header can cure (`noHeaderFix` in their reason module). */
export const NO_HEADER_FIX_CODES: ReadonlySet<CorsErrorCode> = new Set<CorsErrorCode>(
  REASONS.filter((r) => r.noHeaderFix).map((r) => r.code),
);

/** Each reason's notes, in order, each text once. */
export function reasonNotes(reasons: readonly Reason[], ctx: NoteContext): FixNote[] {
  const out: FixNote[] = [];
  for (const reason of reasons) {
    for (const note of reasonDef(reason.code)?.notes(reason, ctx) ?? []) {
      if (!out.some((n) => n.text === note.text)) out.push(note);
    }
  }
  return out;
}

/** Error responses need the headers too; a 5xx is often made outside the CORS configuration. Says where, not how: the snippet does that. */
function errorStatusNote(status: number, serverError: boolean): FixNote {
  const common = `The failing response had status ${status}. Error responses need the CORS headers too, or the page cannot even read the error`;
  return info(serverError
    ? `${common}. A server error is often generated outside the CORS configuration (an unhandled exception, a proxy's own 502 when the upstream is down), so the headers must be added on that path as well. The snippet for your stack covers the errors that server makes itself (paste all of it, where its comments say); an error made by another layer in front of it (a proxy, a load balancer) needs the headers there too: see the snippet's notes.`
    : `${common} (nginx needs "always" on add_header, Apache "Header always set"; in an application, CORS must run before authentication and error handling: the snippet's comments say where).`);
}

/** A value too long for a snippet: say so instead of writing a snippet that allows the wrong thing. */
export function cutNotes(spec: FixSpec): FixNote[] {
  const WORDS: Record<FixSpec['cut'][number]['field'], string> = {
    origin: 'The origin', method: 'The method', requestHeaders: 'The list of request headers', url: 'The URL',
  };
  const out: FixNote[] = [];
  for (const c of spec.cut) {
    if (c.field === 'url') {
      out.push(info(`The URL is ${grouped(c.length)} characters long; it is shown cut.`));
      continue;
    }
    out.push(warn(`${WORDS[c.field]} is ${grouped(c.length)} characters long: too long to put in a server configuration, so no snippet is given (a cut value would allow the wrong thing). Real values are short; check the capture, which may be edited or malformed.`));
  }
  return out;
}

/** Advice that depends on the shape of the exchange rather than on one reason. */
export function shapeNotes(spec: FixSpec, redirected: boolean, failingStep: string | null): FixNote[] {
  const out: FixNote[] = [];
  if (spec.origin === 'null') {
    out.push(warn('The browser sent "Origin: null", so only "Access-Control-Allow-Origin: null" matches. Allowing null is risky: sandboxed iframes, data: URLs and local files anywhere also send null. The better fix is to avoid the cross-origin redirect (call the final URL directly) so the real origin is kept.'));
  }
  if (!spec.originWellFormed) {
    out.push(warn(`The recorded origin "${commentText(spec.origin)}" is not a well-formed origin (it may come from an edited or malformed capture); check it before using these snippets.`));
  }
  // The either-way note already says "never *".
  if (spec.credentials && spec.credentialsBasis !== 'unknown-either-way') out.push(WILDCARD_NOTE);
  if (spec.errorStatus !== null) out.push(errorStatusNote(spec.errorStatus, spec.serverError));
  if (redirected) {
    out.push(info('A redirect hop is checked like a response: every cross-origin 3xx needs the CORS headers too. Calling the final URL directly avoids the extra hop.'));
  }
  if (spec.method !== spec.method.toUpperCase() && !spec.cut.some((c) => c.field === 'method')) {
    out.push(warn(`The method is sent as "${commentText(spec.method)}" (not upper case). Browsers compare it case-sensitively with Access-Control-Allow-Methods, and several frameworks upper-case what they send; the robust fix is to send "${commentText(spec.method.toUpperCase())}" from the page.`));
  }
  if (failingStep === 'preflight' && spec.preflight) out.push(PREFLIGHT_2XX_NOTE);
  return out;
}
