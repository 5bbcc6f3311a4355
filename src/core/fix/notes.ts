/**
 * Plain-language advice for a fix, on top of the header list. The advice for each reason lives in its
 * reason module (`notes`, src/core/reasons/), so it follows what the browser actually reported; this
 * file adds the notes that depend on the shape of the exchange. Received values are quoted cut (bounds.ts).
 */
import type { CorsErrorCode, Reason } from '../model/verdict';
import type { FixNote, FixSpec } from './types';
import { commentText } from './escape';
import { REASONS, reasonDef, type NoteContext } from '../reasons';
import { info, warn } from '../reasons/texts';
import { WILDCARD_NOTE } from '../reasons/wildcard-origin-not-allowed';
import { PREFLIGHT_2XX_NOTE } from '../reasons/preflight-invalid-status';
import { m, type Msg } from '../i18n/msg';

/** A key that tells two notes apart by their words (ids and values), whatever the language. */
export function noteKey(text: Msg): string {
  return JSON.stringify(text);
}

/** Failures that no server header can cure (`noHeaderFix` in their reason module). */
export const NO_HEADER_FIX_CODES: ReadonlySet<CorsErrorCode> = new Set<CorsErrorCode>(
  REASONS.filter((r) => r.noHeaderFix).map((r) => r.code),
);

/** Each reason's notes, in order, each text once. */
export function reasonNotes(reasons: readonly Reason[], ctx: NoteContext): FixNote[] {
  const out: FixNote[] = [];
  for (const reason of reasons) {
    for (const note of reasonDef(reason.code)?.notes(reason, ctx) ?? []) {
      if (!out.some((n) => noteKey(n.text) === noteKey(note.text))) out.push(note);
    }
  }
  return out;
}

/** Error responses need the headers too; a 5xx is often made outside the CORS configuration. Says where, not how: the snippet does that. */
function errorStatusNote(status: number, serverError: boolean): FixNote {
  return info(m(serverError ? 'fix_error_status_server' : 'fix_error_status', { status: String(status) }));
}

/** A value too long for a snippet: say so instead of writing a snippet that allows the wrong thing. */
export function cutNotes(spec: FixSpec): FixNote[] {
  const IDS: Record<FixSpec['cut'][number]['field'], string> = {
    origin: 'fix_cut_origin', method: 'fix_cut_method', requestHeaders: 'fix_cut_request_headers', url: 'fix_cut_url',
  };
  const out: FixNote[] = [];
  for (const c of spec.cut) {
    const text = m(IDS[c.field], { length: c.length });
    out.push(c.field === 'url' ? info(text) : warn(text));
  }
  return out;
}

/** Advice that depends on the shape of the exchange rather than on one reason. */
export function shapeNotes(spec: FixSpec, redirected: boolean, failingStep: string | null): FixNote[] {
  const out: FixNote[] = [];
  if (spec.origin === 'null') {
    out.push(warn(m('fix_origin_null')));
  }
  if (!spec.originWellFormed) {
    out.push(warn(m('fix_origin_malformed', { origin: commentText(spec.origin) })));
  }
  // The either-way note already says "never *".
  if (spec.credentials && spec.credentialsBasis !== 'unknown-either-way') out.push(WILDCARD_NOTE);
  if (spec.errorStatus !== null) out.push(errorStatusNote(spec.errorStatus, spec.serverError));
  if (redirected) {
    out.push(info(m('fix_redirect_hop')));
  }
  if (spec.method !== spec.method.toUpperCase() && !spec.cut.some((c) => c.field === 'method')) {
    out.push(warn(m('fix_method_case', { method: commentText(spec.method), upper: commentText(spec.method.toUpperCase()) })));
  }
  if (failingStep === 'preflight' && spec.preflight) out.push(PREFLIGHT_2XX_NOTE);
  return out;
}
