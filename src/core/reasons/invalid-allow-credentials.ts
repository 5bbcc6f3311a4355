import { m } from '../i18n/msg';
import { detectAccess, type AccessInput } from './access-rules';
import { firefoxLine, info, q, where } from './texts';
import type { ReasonDef } from './types';

/** Credentialed request, ACAO matches, but Access-Control-Allow-Credentials is not exactly `true`. */
export const invalidAllowCredentials: ReasonDef<AccessInput> = {
  code: 'InvalidAllowCredentials',
  family: 'access',
  header: 'Access-Control-Allow-Credentials',
  mdnSlug: 'CORSMissingAllowCredentials',
  firefoxKeys: ['CORSMissingAllowCredentials'],
  label: m('reason_InvalidAllowCredentials_label'),
  notes: () => [info(m('reason_InvalidAllowCredentials_note'))],
  detect: detectAccess('credentials'),
  short: (e) =>
    e.received === null
      ? m('reason_InvalidAllowCredentials_short_absent', { where: where(e) })
      : m('reason_InvalidAllowCredentials_short', { where: where(e), value: q(e.received) }),
  summary: (e) =>
    m(e.received === null ? 'reason_InvalidAllowCredentials_summary_absent' : 'reason_InvalidAllowCredentials_summary', {
      where: where(e), where_cap: where(e, true), value: q(e.received),
    }),
  expected: () => m('reason_InvalidAllowCredentials_expected'),
  chrome: (e) =>
    `The value of the 'Access-Control-Allow-Credentials' header in the response is '${e.received ?? ''}' which must be 'true' when the request's credentials mode is 'include'.`,
  firefox: (e) => firefoxLine('CORSMissingAllowCredentials', e.url),
};
