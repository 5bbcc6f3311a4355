/** Plain-sentence observations attached to a verdict: the real status, browser differences, taint. */
import type { Exchange } from '../model/exchange';
import type { Evaluation } from './evaluate';
import type { Failure } from '../reasons';
import { CHROMIUM_ONLY_SAFELISTED } from '../http/safelist';
import { joinedHeader } from '../http/headers';
import { lowerName } from '../http/names';
import { parseTokenList } from '../http/tokens';
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

const CHROMIUM_ONLY: ReadonlySet<string> = new Set(CHROMIUM_ONLY_SAFELISTED);
/** Bit n set when one of those names has n characters. */
const CHROMIUM_ONLY_LENGTHS = CHROMIUM_ONLY_SAFELISTED.reduce((mask, name) => mask | (1 << name.length), 0);

/** Chromium-only safelisted names: fine in Chrome, a preflight in Firefox (and per the standard). */
export function browserDifferenceNotes(ex: Exchange): Msg[] {
  const names: string[] = [];
  for (const h of ex.requestHeaders) {
    // Lower-casing never shortens a name, and no other letter lower-cases to these ASCII names: a name of
    // another length cannot be one of them.
    const length = h.name.length;
    if (length > 31 || ((CHROMIUM_ONLY_LENGTHS >>> length) & 1) === 0) continue;
    if (CHROMIUM_ONLY.has(lowerName(h.name)) && !names.includes(h.name)) names.push(h.name);
  }
  if (names.length === 0) return [];
  return [m('note_chromium_only_safelisted', { names: names.join(', '), count: names.length })];
}

/** `Access-Control-Allow-Headers: *` let Authorization through (browsers allow it; the standard does not). */
export function authorizationStarNote(ex: Exchange, ev: Evaluation, credentialed: boolean): Msg | null {
  if (credentialed || !ev.preflight.observed) return null;
  for (const pre of ex.preflights) {
    if (!pre.response) continue;
    const acrh = joinedHeader(pre.requestHeaders, 'access-control-request-headers') ?? '';
    if (!/(^|,)\s*authorization\s*(,|$)/i.test(acrh)) continue;
    const allowed = parseTokenList(joinedHeader(pre.response.headers, 'access-control-allow-headers')).items.map((s) => s.toLowerCase());
    if (allowed.includes('*') && !allowed.includes('authorization')) {
      return m('note_authorization_star');
    }
  }
  return null;
}

export function taintNote(ev: Evaluation): Msg | null {
  return ev.tainted ? m('note_tainted') : null;
}
