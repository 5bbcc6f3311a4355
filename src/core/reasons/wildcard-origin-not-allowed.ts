import { m } from '../i18n/msg';
import { detectAccess, type AccessInput } from './access-rules';
import { firefoxLine, warn, where } from './texts';
import type { ReasonDef } from './types';

/** Also said of every credentialed fix (fix/notes.ts). */
export const WILDCARD_NOTE = warn(m('reason_WildcardOriginNotAllowed_note'));

/** ACAO `*` on a request sent with credentials (cookies, HTTP auth, client certificates). */
export const wildcardOriginNotAllowed: ReasonDef<AccessInput> = {
  code: 'WildcardOriginNotAllowed',
  family: 'access',
  header: 'Access-Control-Allow-Origin',
  mdnSlug: 'CORSNotSupportingCredentials',
  firefoxKeys: ['CORSNotSupportingCredentials'],
  label: m('reason_WildcardOriginNotAllowed_label'),
  notes: () => [WILDCARD_NOTE],
  detect: detectAccess('wildcard'),
  short: (e) => m('reason_WildcardOriginNotAllowed_short', { where: where(e) }),
  summary: (e) => m('reason_WildcardOriginNotAllowed_summary', { where: where(e, true) }),
  expected: (e) => m('reason_WildcardOriginNotAllowed_expected', { origin: e.origin }),
  chrome: () =>
    "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
  firefox: (e) => firefoxLine('CORSNotSupportingCredentials', e.url),
};
