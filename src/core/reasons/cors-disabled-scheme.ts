import { CORS_ENABLED_SCHEMES, requestEvidence, type RequestInput } from './request-rules';
import { firefoxLine, NO_HEADER_FIX, warn } from './texts';
import type { ReasonDef } from './types';

/** A CORS request to a scheme that does not support CORS (file:, ftp:, custom schemes). */
export const corsDisabledScheme: ReasonDef<RequestInput> = {
  code: 'CorsDisabledScheme',
  family: 'request',
  header: null,
  mdnSlug: 'CORSRequestNotHttp',
  firefoxKeys: ['CORSRequestNotHttp'],
  label: 'scheme not http(s)',
  noHeaderFix: true,
  notes: () => [warn(`${NO_HEADER_FIX} CORS only works over http and https: serve the resource over HTTP(S) instead of file: or a custom scheme.`)],
  detect: (i) =>
    i.corsFlag && !(CORS_ENABLED_SCHEMES as readonly string[]).includes(i.scheme) ? requestEvidence(i, i.scheme, i.scheme) : null,
  short: (e) => `${e.param || 'this'}: URLs cannot be fetched cross-origin`,
  summary: (e) => `The request went to a ${e.param || 'non-HTTP'}: URL; cross-origin requests only work over HTTP and HTTPS.`,
  expected: () => 'an http: or https: URL (serve the file from a local web server instead of file:)',
  chrome: () => `Cross origin requests are only supported for protocol schemes: ${CORS_ENABLED_SCHEMES.join(', ')}.`,
  firefox: (e) => firefoxLine('CORSRequestNotHttp', e.url, 'CORS request not HTTP).'),
};
