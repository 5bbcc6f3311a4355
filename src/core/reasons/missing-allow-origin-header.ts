import { detectAccess, type AccessInput } from './access-rules';
import { expectedOrigin, whereCap } from './access-texts';
import { firefoxLine, info, statusText, where } from './texts';
import type { ReasonDef } from './types';

/** No Access-Control-Allow-Origin header at all. */
export const missingAllowOriginHeader: ReasonDef<AccessInput> = {
  code: 'MissingAllowOriginHeader',
  family: 'access',
  header: 'Access-Control-Allow-Origin',
  mdnSlug: 'CORSMissingAllowOrigin',
  firefoxKeys: ['CORSMissingAllowOrigin2'],
  label: 'no Allow-Origin',
  notes: () => [info('The server sent no Access-Control-Allow-Origin at all: the CORS configuration is missing for this route, or another layer answered first.')],
  detect: detectAccess('missing'),
  short: (e) => `${where(e)} had no Access-Control-Allow-Origin header`,
  summary: (e) =>
    `${whereCap(e)} came without an Access-Control-Allow-Origin header, so the server did not allow ${e.origin} to read it.`,
  expected: expectedOrigin,
  chrome: () => "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
  firefox: (e) =>
    firefoxLine('CORSMissingAllowOrigin2', e.url, `CORS header ‘Access-Control-Allow-Origin’ missing). Status code: ${statusText(e)}.`),
};
