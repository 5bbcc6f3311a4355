import { m } from '../i18n/msg';
import { detectAccess, type AccessInput } from './access-rules';
import { ffMismatch } from './access-texts';
import { firefoxLine, q, quoted, warn, where } from './texts';
import type { ReasonDef } from './types';

/** ACAO holds a list (space or comma), or arrived on two header lines. */
export const multipleAllowOriginValues: ReasonDef<AccessInput> = {
  code: 'MultipleAllowOriginValues',
  family: 'access',
  header: 'Access-Control-Allow-Origin',
  mdnSlug: 'CORSMultipleAllowOriginNotAllowed',
  firefoxKeys: ['CORSMultipleAllowOriginNotAllowed', 'CORSAllowOriginNotMatchingOrigin'],
  label: m('reason_MultipleAllowOriginValues_label'),
  notes: (r) => [warn(m('reason_MultipleAllowOriginValues_note', { value: quoted(r.received ?? '') }))],
  detect: detectAccess('multiple'),
  short: (e) => m(twoLines(e) ? 'reason_MultipleAllowOriginValues_short_twice' : 'reason_MultipleAllowOriginValues_short', { where: where(e) }),
  summary: (e) =>
    twoLines(e)
      ? m('reason_MultipleAllowOriginValues_summary_lines', { where: where(e, true), lines: e.detail ?? '', value: q(e.received) })
      : m('reason_MultipleAllowOriginValues_summary', { where: where(e, true), value: q(e.received) }),
  expected: (e) => m('reason_MultipleAllowOriginValues_expected', { origin: e.origin }),
  chrome: (e) => `The 'Access-Control-Allow-Origin' header contains multiple values '${e.received ?? ''}', but only one is allowed.`,
  firefox: (e) =>
    twoLines(e)
      ? firefoxLine('CORSMultipleAllowOriginNotAllowed', e.url)
      : ffMismatch(e),
};

function twoLines(e: { detail?: string }): boolean {
  return Number(e.detail ?? '1') > 1;
}
