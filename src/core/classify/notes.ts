/** Plain-sentence observations attached to a verdict: the real status, browser differences, taint. */
import type { Exchange } from '../model/exchange';
import type { Evaluation } from './evaluate';
import type { Failure } from '../reasons';
import { CHROMIUM_ONLY_SAFELISTED } from '../http/safelist';
import { joinedHeader } from '../http/headers';
import { parseTokenList } from '../http/tokens';

/** The status behind a CORS failure: often the real problem. */
export function statusNote(first: Failure, status: number | null): string | null {
  if (status === null || status === 0) return null;
  if (first.def.statusNote) return first.def.statusNote(status);
  const code = first.def.code;
  const step = first.evidence.step.kind;
  if (step === 'preflight') {
    if (status >= 400) {
      return `The server answered the preflight (OPTIONS) with ${status}${code.includes('AllowOrigin') ? ' and no valid CORS headers' : ''}: it probably does not handle OPTIONS for this URL, so fix that first.`;
    }
    return `The preflight itself succeeded (HTTP ${status}), but its CORS headers did not allow this request, so the browser never sent it.`;
  }
  if (step === 'redirect') {
    return `The server answered ${status} (a redirect); browsers check the CORS headers on every redirect response, not only on the last one.`;
  }
  if (status >= 400 && code === 'MissingAllowOriginHeader') {
    return `The server answered ${status} without CORS headers; the CORS error is a symptom of that error (error responses often skip the CORS middleware).`;
  }
  if (status >= 400) return `The server answered ${status}; with valid CORS headers the page would have been able to read that error.`;
  return `The server answered ${status}: the response arrived, but the browser withheld it from the page because of its CORS headers.`;
}

/** Chromium-only safelisted names: fine in Chrome, a preflight in Firefox (and per the standard). */
export function browserDifferenceNotes(ex: Exchange): string[] {
  const names: string[] = [];
  for (const h of ex.requestHeaders) {
    const lower = h.name.toLowerCase();
    if ((CHROMIUM_ONLY_SAFELISTED as readonly string[]).includes(lower) && !names.includes(h.name)) names.push(h.name);
  }
  if (names.length === 0) return [];
  return [`Chrome treats ${names.join(', ')} as safelisted, but Firefox and the Fetch standard do not: in Firefox this request needs a preflight.`];
}

/** `Access-Control-Allow-Headers: *` let Authorization through (browsers allow it; the standard does not). */
export function authorizationStarNote(ex: Exchange, ev: Evaluation, credentialed: boolean): string | null {
  if (credentialed || !ev.preflight.observed) return null;
  for (const pre of ex.preflights) {
    const acrh = joinedHeader(pre.requestHeaders, 'access-control-request-headers') ?? '';
    if (!/(^|,)\s*authorization\s*(,|$)/i.test(acrh) || !pre.response) continue;
    const allowed = parseTokenList(joinedHeader(pre.response.headers, 'access-control-allow-headers')).items.map((s) => s.toLowerCase());
    if (allowed.includes('*') && !allowed.includes('authorization')) {
      return 'Access-Control-Allow-Headers: * let the Authorization header through, as Chrome and Firefox do today; the Fetch standard says * does not cover Authorization, so list it explicitly to stay safe.';
    }
  }
  return null;
}

export function taintNote(ev: Evaluation): string | null {
  return ev.tainted
    ? 'After a redirect to another origin the browser sent "Origin: null", so from then on only "Access-Control-Allow-Origin: null" or "*" could match.'
    : null;
}
