import { m } from '../i18n/msg';
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
  label: m('reason_InvalidAllowHeadersPreflightResponse_label'),
  notes: () => [info(m('reason_InvalidAllowHeadersPreflightResponse_note'))],
  detect: (p) => (p.headers.invalid === null ? null : preflightEvidence(p, p.acah, p.headers.invalid)),
  short: (e) => m('reason_InvalidAllowHeadersPreflightResponse_short', { value: e.param }),
  summary: (e) => m('reason_InvalidAllowHeadersPreflightResponse_summary', { received: q(e.received), value: e.param }),
  expected: () => m('reason_InvalidAllowHeadersPreflightResponse_expected'),
  chrome: () => 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.',
  firefox: (e) => firefoxLine('CORSInvalidAllowHeader', e.url, { value: e.param }),
};
