import { preflightEvidence, uncoveredHeaders, type PreflightInput } from './preflight-rules';
import { firefoxLine, q } from './texts';
import type { ReasonDef } from './types';

/** A CORS-unsafe request header is not listed in Access-Control-Allow-Headers. */
export const headerDisallowedByPreflightResponse: ReasonDef<PreflightInput> = {
  code: 'HeaderDisallowedByPreflightResponse',
  family: 'preflight',
  header: 'Access-Control-Allow-Headers',
  mdnSlug: 'CORSMissingAllowHeaderFromPreflight',
  firefoxKeys: ['CORSMissingAllowHeaderFromPreflight2'],
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
