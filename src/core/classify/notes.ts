/** Plain-sentence observations attached to a verdict: the real status, browser differences, taint. */
import type { Exchange } from '../model/exchange';
import type { Evaluation } from './evaluate';
import type { Failure } from '../reasons';
import type { RequestScan } from './request-scan';
import { requestFacts, responseFacts } from './header-facts';
import { tokenListOf } from '../http/tokens';
import { m, type Msg } from '../i18n/msg';

/** The status behind a CORS failure: often the real problem. */
export function statusNote(first: Failure, status: number | null): Msg | null {
  if (status === null || status === 0) return null;
  if (first.def.statusNote) return first.def.statusNote(status);
  const code = first.def.code;
  const step = first.evidence.step.kind;
  const values = { status: String(status) };
  if (step === 'preflight') {
    if (status >= 400) return m(code.includes('AllowOrigin') ? 'note_status_preflight_error_no_cors' : 'note_status_preflight_error', values);
    return m('note_status_preflight_passed', values);
  }
  if (step === 'redirect') return m('note_status_redirect', values);
  if (status >= 400 && code === 'MissingAllowOriginHeader') return m('note_status_error_no_cors', values);
  if (status >= 400) return m('note_status_error', values);
  return m('note_status_withheld', values);
}

/** Chromium-only safelisted names (found by `scanRequest`, header-facts.ts): fine in Chrome, a preflight in Firefox (and per the standard). */
export function browserDifferenceNotes(scan: Readonly<RequestScan>): Msg[] {
  const names = scan.chromiumOnly;
  if (names.length === 0) return [];
  return [m('note_chromium_only_safelisted', { names: names.join(', '), count: names.length })];
}

/** `Access-Control-Allow-Headers: *` let Authorization through (browsers allow it; the standard does not). */
export function authorizationStarNote(ex: Exchange, ev: Evaluation, credentialed: boolean): Msg | null {
  if (credentialed || !ev.preflight.observed) return null;
  for (const pre of ex.preflights) {
    if (!pre.response) continue;
    const acrh = requestFacts(pre.requestHeaders).acrh ?? '';
    if (!/(^|,)\s*authorization\s*(,|$)/i.test(acrh)) continue;
    const allowed = tokenListOf(responseFacts(pre.response.headers).acah).lower;
    if (allowed.includes('*') && !allowed.includes('authorization')) {
      return m('note_authorization_star');
    }
  }
  return null;
}

export function taintNote(ev: Evaluation): Msg | null {
  return ev.tainted ? m('note_tainted') : null;
}
