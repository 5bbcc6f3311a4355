import { detectAccess, type AccessInput } from './access-rules';
import { EXACT_ORIGIN_NOTE, ffMismatch, whereCap } from './access-texts';
import { info, q, where } from './texts';
import type { ReasonDef } from './types';

/** ACAO is empty or a single word that is not an origin. */
export const invalidAllowOriginValue: ReasonDef<AccessInput> = {
  code: 'InvalidAllowOriginValue',
  family: 'access',
  header: 'Access-Control-Allow-Origin',
  mdnSlug: 'CORSAllowOriginNotMatchingOrigin',
  firefoxKeys: ['CORSAllowOriginNotMatchingOrigin'],
  label: 'invalid Allow-Origin',
  notes: () => [EXACT_ORIGIN_NOTE, info('The value must be one origin (scheme://host[:port]) or "*": not a list, a path or an empty string.')],
  detect: detectAccess('invalid'),
  short: (e) => `${where(e)} had an Access-Control-Allow-Origin value that is not an origin (${q(e.received)})`,
  summary: (e) =>
    `${whereCap(e)} has Access-Control-Allow-Origin ${q(e.received)}, which is not an origin; it must be the page's origin (scheme://host[:port]) or *.`,
  expected: (e) => `Access-Control-Allow-Origin: ${e.origin}`,
  chrome: (e) => `The 'Access-Control-Allow-Origin' header contains the invalid value '${e.received ?? ''}'.`,
  firefox: ffMismatch,
};
