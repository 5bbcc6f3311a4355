import { m } from '../i18n/msg';
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
  label: m('reason_InvalidAllowMethodsPreflightResponse_label'),
  notes: () => [info(m('reason_InvalidAllowMethodsPreflightResponse_note'))],
  detect: (p) => (p.methods.invalid === null ? null : preflightEvidence(p, p.acam, p.methods.invalid)),
  short: (e) => m('reason_InvalidAllowMethodsPreflightResponse_short', { value: e.param }),
  summary: (e) => m('reason_InvalidAllowMethodsPreflightResponse_summary', { received: q(e.received), value: e.param }),
  expected: () => m('reason_InvalidAllowMethodsPreflightResponse_expected'),
  chrome: () => 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.',
  firefox: (e) => firefoxLine('CORSInvalidAllowMethod', e.url, { value: e.param }),
};
