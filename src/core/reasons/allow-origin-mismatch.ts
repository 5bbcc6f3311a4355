import { detectAccess, nearMiss, type AccessInput } from './access-rules';
import { EXACT_ORIGIN_NOTE, ffMismatch, whereCap } from './access-texts';
import { q, where } from './texts';
import type { ReasonDef } from './types';

/** ACAO names another origin (or `null`) than the one the browser sent. */
export const allowOriginMismatch: ReasonDef<AccessInput> = {
  code: 'AllowOriginMismatch',
  family: 'access',
  header: 'Access-Control-Allow-Origin',
  mdnSlug: 'CORSAllowOriginNotMatchingOrigin',
  firefoxKeys: ['CORSAllowOriginNotMatchingOrigin'],
  label: 'Allow-Origin mismatch',
  notes: () => [EXACT_ORIGIN_NOTE],
  detect: detectAccess('mismatch'),
  short: (e) => `${where(e)} allowed ${q(e.received)}, not ${e.origin}`,
  summary: (e) =>
    `${whereCap(e)} has Access-Control-Allow-Origin ${q(e.received)} but the request's origin is ${e.origin}; they must match exactly${nearMiss(e.received, e.origin)}.`,
  expected: (e) => `Access-Control-Allow-Origin: ${e.origin}`,
  chrome: (e) => `The 'Access-Control-Allow-Origin' header has a value '${e.received ?? ''}' that is not equal to the supplied origin.`,
  firefox: ffMismatch,
};
