import { preflightEvidence, type PreflightInput } from './preflight-rules';
import { firefoxLine, info, q } from './texts';
import type { ReasonDef } from './types';

/** An Access-Control-Allow-Methods item is not an HTTP token. */
export const invalidAllowMethodsPreflightResponse: ReasonDef<PreflightInput> = {
  code: 'InvalidAllowMethodsPreflightResponse',
  family: 'preflight',
  header: 'Access-Control-Allow-Methods',
  mdnSlug: 'CORSInvalidAllowMethod',
  firefoxKeys: ['CORSInvalidAllowMethod'],
  label: 'invalid Allow-Methods',
  notes: () => [info('Access-Control-Allow-Methods must be a comma-separated list of method names (tokens), nothing else.')],
  detect: (p) => (p.methods.invalid === null ? null : preflightEvidence(p, p.acam, p.methods.invalid)),
  short: (e) => `the preflight's Access-Control-Allow-Methods could not be parsed ("${e.param}" is not a method name)`,
  summary: (e) =>
    `The preflight's Access-Control-Allow-Methods ${q(e.received)} contains "${e.param}", which is not a valid method name; the header must be a comma-separated list of methods.`,
  expected: () => 'Access-Control-Allow-Methods: a comma-separated list of method names, e.g. GET, POST, PUT',
  chrome: () => 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.',
  firefox: (e) => firefoxLine('CORSInvalidAllowMethod', e.url, `invalid token ‘${e.param}’ in CORS header ‘Access-Control-Allow-Methods’).`),
};
