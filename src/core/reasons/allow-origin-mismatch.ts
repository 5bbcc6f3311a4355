import { m } from '../i18n/msg';
import { detectAccess, nearMiss, type AccessInput } from './access-rules';
import { EXACT_ORIGIN_NOTE, ffMismatch } from './access-texts';
import { q, where } from './texts';
import type { ReasonDef } from './types';

/** ACAO names another origin (or `null`) than the one the browser sent. */
export const allowOriginMismatch: ReasonDef<AccessInput> = {
  code: 'AllowOriginMismatch',
  family: 'access',
  header: 'Access-Control-Allow-Origin',
  mdnSlug: 'CORSAllowOriginNotMatchingOrigin',
  firefoxKeys: ['CORSAllowOriginNotMatchingOrigin'],
  label: m('reason_AllowOriginMismatch_label'),
  notes: () => [EXACT_ORIGIN_NOTE],
  detect: detectAccess('mismatch'),
  short: (e) => m('reason_AllowOriginMismatch_short', { where: where(e), value: q(e.received), origin: e.origin }),
  summary: (e) => {
    const near = nearMiss(e.received, e.origin);
    return m('reason_AllowOriginMismatch_summary', {
      where: where(e, true), value: q(e.received), origin: e.origin, near_miss: near ? m(`reason_AllowOriginMismatch_near_${near}`) : '',
    });
  },
  expected: (e) => m('reason_AllowOriginMismatch_expected', { origin: e.origin }),
  chrome: (e) => `The 'Access-Control-Allow-Origin' header has a value '${e.received ?? ''}' that is not equal to the supplied origin.`,
  firefox: ffMismatch,
};
