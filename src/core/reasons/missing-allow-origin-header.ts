import { m } from '../i18n/msg';
import { detectAccess, type AccessInput } from './access-rules';
import { expectedOrigin } from './access-texts';
import { firefoxLine, info, statusText, where } from './texts';
import type { ReasonDef } from './types';

/** No Access-Control-Allow-Origin header at all. */
export const missingAllowOriginHeader: ReasonDef<AccessInput> = {
  code: 'MissingAllowOriginHeader',
  family: 'access',
  header: 'Access-Control-Allow-Origin',
  mdnSlug: 'CORSMissingAllowOrigin',
  firefoxKeys: ['CORSMissingAllowOrigin2'],
  label: m('reason_MissingAllowOriginHeader_label'),
  notes: () => [info(m('reason_MissingAllowOriginHeader_note'))],
  detect: detectAccess('missing'),
  short: (e) => m('reason_MissingAllowOriginHeader_short', { where: where(e) }),
  summary: (e) => m('reason_MissingAllowOriginHeader_summary', { where: where(e, true), origin: e.origin }),
  expected: expectedOrigin,
  chrome: () => "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
  firefox: (e) => firefoxLine('CORSMissingAllowOrigin2', e.url, { status: statusText(e) }),
};
