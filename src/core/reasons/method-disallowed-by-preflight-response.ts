import { m, type MsgValue } from '../i18n/msg';
import { commentText } from '../fix/escape';
import { rejectedMethod } from '../fix/rejected';
import { methodAllowed, preflightEvidence, type PreflightInput } from './preflight-rules';
import { firefoxLine, info, q, quoted, refusedSubject, STAR_NOT_WILDCARD } from './texts';
import type { ReasonDef } from './types';

/** The request's method is not in Access-Control-Allow-Methods (exact, case-sensitive match). */
export const methodDisallowedByPreflightResponse: ReasonDef<PreflightInput> = {
  code: 'MethodDisallowedByPreflightResponse',
  family: 'preflight',
  header: 'Access-Control-Allow-Methods',
  mdnSlug: 'CORSMethodNotFound',
  firefoxKeys: ['CORSMethodNotFound'],
  label: m('reason_MethodDisallowedByPreflightResponse_label'),
  labelSubject: (r, exchange) => refusedSubject(rejectedMethod(exchange, r), r.received),
  notes: (r, { spec }) => {
    const sent = r.received === null
      ? m('reason_MethodDisallowedByPreflightResponse_sent_none')
      : m('reason_MethodDisallowedByPreflightResponse_sent_only', { value: quoted(r.received) });
    return [info(m('reason_MethodDisallowedByPreflightResponse_note', { method: commentText(spec.method), sent }))];
  },
  detect: (p) => (p.methods.invalid !== null || methodAllowed(p) ? null : preflightEvidence(p, p.acam, p.method)),
  short: (e) => m('reason_MethodDisallowedByPreflightResponse_short', { method: e.param }),
  summary: (e) =>
    m('reason_MethodDisallowedByPreflightResponse_summary', { value: q(e.received), method: e.param, hint: hint(e.param, e.received, e.credentialed) }),
  expected: (e) => m('reason_MethodDisallowedByPreflightResponse_expected', { method: e.param }),
  chrome: (e) => `Method ${e.param} is not allowed by Access-Control-Allow-Methods in preflight response.`,
  firefox: (e) => firefoxLine('CORSMethodNotFound', e.url),
};

function hint(method: string, received: string | null, credentialed: boolean): MsgValue {
  const items = (received ?? '').split(',').map((s) => s.trim());
  if (items.some((x) => x !== method && x.toUpperCase() === method.toUpperCase())) {
    return m('reason_MethodDisallowedByPreflightResponse_case_hint');
  }
  if (credentialed && items.includes('*')) return STAR_NOT_WILDCARD;
  return '';
}
