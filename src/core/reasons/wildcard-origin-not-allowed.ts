import { detectAccess, type AccessInput } from './access-rules';
import { whereCap } from './access-texts';
import { firefoxLine, warn, where } from './texts';
import type { ReasonDef } from './types';

/** Also said of every credentialed fix (fix/notes.ts). */
export const WILDCARD_NOTE = warn('Never answer "Access-Control-Allow-Origin: *" to a credentialed request: browsers reject it. Echo the exact origin, add "Access-Control-Allow-Credentials: true" and "Vary: Origin".');

/** ACAO `*` on a request sent with credentials (cookies, HTTP auth, client certificates). */
export const wildcardOriginNotAllowed: ReasonDef<AccessInput> = {
  code: 'WildcardOriginNotAllowed',
  family: 'access',
  header: 'Access-Control-Allow-Origin',
  mdnSlug: 'CORSNotSupportingCredentials',
  firefoxKeys: ['CORSNotSupportingCredentials'],
  label: '* with credentials',
  notes: () => [WILDCARD_NOTE],
  detect: detectAccess('wildcard'),
  short: (e) => `${where(e)} allowed any origin (*), which is not allowed for a request with credentials`,
  summary: (e) =>
    `${whereCap(e)} allowed any origin with "Access-Control-Allow-Origin: *", but the request was sent with credentials (cookies or HTTP authentication), and then the browser requires the exact origin.`,
  expected: (e) => `Access-Control-Allow-Origin: ${e.origin} together with Access-Control-Allow-Credentials: true (or send the request without credentials)`,
  chrome: () =>
    "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
  firefox: (e) => firefoxLine('CORSNotSupportingCredentials', e.url, 'Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).'),
};
