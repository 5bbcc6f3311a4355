import { rejectedHeaders } from '../fix/rejected';
import { cut, grouped, MAX_VALUE } from '../fix/bounds';
import { commentText } from '../fix/escape';
import { preflightEvidence, uncoveredHeaders, type PreflightInput } from './preflight-rules';
import { firefoxLine, info, q, quoted, refusedSubject } from './texts';
import type { ReasonDef } from './types';

/** `"x-a", "x-b"`: names the request sent, bounded. */
function namesText(names: readonly string[], more: boolean): string {
  const shown = names.slice(0, 10).map((n) => `"${commentText(cut(n, MAX_VALUE))}"`).join(', ');
  if (more) return `${shown} and more`;
  return names.length > 10 ? `${shown} and ${grouped(names.length - 10)} more` : shown;
}

/** A CORS-unsafe request header is not listed in Access-Control-Allow-Headers. */
export const headerDisallowedByPreflightResponse: ReasonDef<PreflightInput> = {
  code: 'HeaderDisallowedByPreflightResponse',
  family: 'preflight',
  header: 'Access-Control-Allow-Headers',
  mdnSlug: 'CORSMissingAllowHeaderFromPreflight',
  firefoxKeys: ['CORSMissingAllowHeaderFromPreflight2'],
  label: 'header not allowed',
  labelSubject: (r, exchange, verdict) => {
    const { names, more } = rejectedHeaders(exchange, verdict, r);
    return names.length === 0 ? null : refusedSubject(names.slice(0, 3).join(', ') + (more || names.length > 3 ? ', …' : ''), r.received);
  },
  notes: (r, { exchange, verdict, spec }) => {
    const { names, more } = rejectedHeaders(exchange, verdict, r);
    const what = names.length > 0 ? namesText(names, more) : 'each request header the page sends';
    const sent = r.received === null ? 'the preflight response had no Access-Control-Allow-Headers' : `the preflight response allowed only "${quoted(r.received)}"`;
    const star = r.received !== null && /(^|,)\s*\*\s*(,|$)/.test(r.received) && spec.credentials ? '; with credentials "*" is not a wildcard, so list each name' : '';
    return [info(`Add ${what} to Access-Control-Allow-Headers: the request sends ${names.length === 1 && !more ? 'it' : 'them'}, and ${sent}${star}.`)];
  },
  detect: (p) => {
    if (p.headers.invalid !== null) return null;
    const missing = uncoveredHeaders(p);
    return missing.length === 0 ? null : preflightEvidence(p, p.acah, missing[0]!, missing.join(', '));
  },
  short: (e) => `the preflight did not allow the request header ${e.param}`,
  summary: (e) =>
    `The request sends ${e.detail && e.detail !== e.param ? `the headers ${e.detail}` : `the header ${e.param}`}, but the preflight's Access-Control-Allow-Headers ${e.received === null ? 'was absent' : `is ${q(e.received)}`}${e.credentialed && (e.received ?? '').includes('*') ? ' ("*" is not a wildcard for a request with credentials)' : ''}.`,
  expected: (e) => `Access-Control-Allow-Headers listing ${e.detail ?? e.param}`,
  chrome: (e) => `Request header field ${e.param} is not allowed by Access-Control-Allow-Headers in preflight response.`,
  firefox: (e) =>
    firefoxLine('CORSMissingAllowHeaderFromPreflight2', e.url, `header ‘${e.param}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).`),
};
