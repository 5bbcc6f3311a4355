import { m } from '../i18n/msg';
import { detectAccess, type AccessInput } from './access-rules';
import { EXACT_ORIGIN_NOTE, ffMismatch } from './access-texts';
import { info, q, where } from './texts';
import type { ReasonDef } from './types';

/** ACAO is empty or a single word that is not an origin. */
export const invalidAllowOriginValue: ReasonDef<AccessInput> = {
  code: 'InvalidAllowOriginValue',
  family: 'access',
  header: 'Access-Control-Allow-Origin',
  mdnSlug: 'CORSAllowOriginNotMatchingOrigin',
  firefoxKeys: ['CORSAllowOriginNotMatchingOrigin'],
  label: m('reason_InvalidAllowOriginValue_label'),
  notes: () => [EXACT_ORIGIN_NOTE, info(m('reason_InvalidAllowOriginValue_note'))],
  detect: detectAccess('invalid'),
  short: (e) => m('reason_InvalidAllowOriginValue_short', { where: where(e), value: q(e.received) }),
  summary: (e) => m('reason_InvalidAllowOriginValue_summary', { where: where(e, true), value: q(e.received) }),
  expected: (e) => m('reason_InvalidAllowOriginValue_expected', { origin: e.origin }),
  chrome: (e) => `The 'Access-Control-Allow-Origin' header contains the invalid value '${e.received ?? ''}'.`,
  firefox: ffMismatch,
};
