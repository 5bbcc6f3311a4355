import { preflightEvidence, type PreflightInput } from './preflight-rules';
import { firefoxLine, info, q } from './texts';
import type { ReasonDef } from './types';

/** An Access-Control-Allow-Headers item is not an HTTP token. */
export const invalidAllowHeadersPreflightResponse: ReasonDef<PreflightInput> = {
  code: 'InvalidAllowHeadersPreflightResponse',
  family: 'preflight',
  header: 'Access-Control-Allow-Headers',
  mdnSlug: 'CORSInvalidAllowHeader',
  firefoxKeys: ['CORSInvalidAllowHeader'],
  label: 'invalid Allow-Headers',
  notes: () => [info('Access-Control-Allow-Headers must be a comma-separated list of header names (tokens), nothing else.')],
  detect: (p) => (p.headers.invalid === null ? null : preflightEvidence(p, p.acah, p.headers.invalid)),
  short: (e) => `the preflight's Access-Control-Allow-Headers could not be parsed ("${e.param}" is not a header name)`,
  summary: (e) =>
    `The preflight's Access-Control-Allow-Headers ${q(e.received)} contains "${e.param}", which is not a valid header name; the header must be a comma-separated list of names.`,
  expected: () => 'Access-Control-Allow-Headers: a comma-separated list of header names, e.g. Content-Type, Authorization',
  chrome: () => 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.',
  firefox: (e) => firefoxLine('CORSInvalidAllowHeader', e.url, `invalid token ‘${e.param}’ in CORS header ‘Access-Control-Allow-Headers’).`),
};
