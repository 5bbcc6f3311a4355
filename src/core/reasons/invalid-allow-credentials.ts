import { detectAccess, type AccessInput } from './access-rules';
import { whereCap } from './access-texts';
import { firefoxLine, info, q, where } from './texts';
import type { ReasonDef } from './types';

/** Credentialed request, ACAO matches, but Access-Control-Allow-Credentials is not exactly `true`. */
export const invalidAllowCredentials: ReasonDef<AccessInput> = {
  code: 'InvalidAllowCredentials',
  family: 'access',
  header: 'Access-Control-Allow-Credentials',
  mdnSlug: 'CORSMissingAllowCredentials',
  firefoxKeys: ['CORSMissingAllowCredentials'],
  label: 'Allow-Credentials not true',
  notes: () => [info('With credentials, "Access-Control-Allow-Credentials" must be exactly "true" (lowercase) on every response the browser checks.')],
  detect: detectAccess('credentials'),
  short: (e) =>
    e.received === null
      ? `${where(e)} lacked Access-Control-Allow-Credentials: true for a request with credentials`
      : `${where(e)} had Access-Control-Allow-Credentials ${q(e.received)} instead of "true"`,
  summary: (e) =>
    `The request was sent with credentials, so ${where(e)} must also carry "Access-Control-Allow-Credentials: true"; ${e.received === null ? 'it had none' : `it had ${q(e.received)}`}. ${whereCap(e)} did allow the origin.`,
  expected: () => 'Access-Control-Allow-Credentials: true (exactly, lower case)',
  chrome: (e) =>
    `The value of the 'Access-Control-Allow-Credentials' header in the response is '${e.received ?? ''}' which must be 'true' when the request's credentials mode is 'include'.`,
  firefox: (e) => firefoxLine('CORSMissingAllowCredentials', e.url, 'expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).'),
};
