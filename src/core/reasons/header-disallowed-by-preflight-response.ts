import { rejectedHeaders } from '../fix/rejected';
import { cut, MAX_VALUE } from '../fix/bounds';
import { commentText } from '../fix/escape';
import { m, type Msg, type MsgValue } from '../i18n/msg';
import { preflightEvidence, uncoveredHeaders, type PreflightInput } from './preflight-rules';
import { firefoxLine, info, q, quoted, refusedSubject, STAR_NOT_WILDCARD } from './texts';
import type { ReasonDef } from './types';

/** `"x-a", "x-b"`: names the request sent, bounded. */
function namesText(names: readonly string[], more: boolean): MsgValue {
  const shown = names.slice(0, 10).map((n) => `"${commentText(cut(n, MAX_VALUE))}"`).join(', ');
  if (more) return m('reason_HeaderDisallowedByPreflightResponse_names_more', { names: shown });
  return names.length > 10 ? m('reason_HeaderDisallowedByPreflightResponse_names_and', { names: shown, count: names.length - 10 }) : shown;
}

/** A CORS-unsafe request header is not listed in Access-Control-Allow-Headers. */
export const headerDisallowedByPreflightResponse: ReasonDef<PreflightInput> = {
  code: 'HeaderDisallowedByPreflightResponse',
  family: 'preflight',
  header: 'Access-Control-Allow-Headers',
  mdnSlug: 'CORSMissingAllowHeaderFromPreflight',
  firefoxKeys: ['CORSMissingAllowHeaderFromPreflight2'],
  label: m('reason_HeaderDisallowedByPreflightResponse_label'),
  labelSubject: (r, exchange, verdict) => {
    const { names, more } = rejectedHeaders(exchange, verdict, r);
    return names.length === 0 ? null : refusedSubject(names.slice(0, 3).join(', ') + (more || names.length > 3 ? ', …' : ''), r.received);
  },
  notes: (r, { exchange, verdict, spec }) => {
    const { names, more } = rejectedHeaders(exchange, verdict, r);
    const what = names.length > 0 ? namesText(names, more) : m('reason_HeaderDisallowedByPreflightResponse_each');
    const sent: Msg = r.received === null
      ? m('reason_HeaderDisallowedByPreflightResponse_sent_none')
      : m('reason_HeaderDisallowedByPreflightResponse_sent_only', { value: quoted(r.received) });
    const star = r.received !== null && /(^|,)\s*\*\s*(,|$)/.test(r.received) && spec.credentials ? m('reason_HeaderDisallowedByPreflightResponse_star') : '';
    const sends = m(names.length === 1 && !more ? 'reason_HeaderDisallowedByPreflightResponse_sends_it' : 'reason_HeaderDisallowedByPreflightResponse_sends_them');
    return [info(m('reason_HeaderDisallowedByPreflightResponse_note', { what, sends, sent, star }))];
  },
  detect: (p) => {
    if (p.headers.invalid !== null) return null;
    const missing = uncoveredHeaders(p);
    return missing.length === 0 ? null : preflightEvidence(p, p.acah, missing[0]!, missing.join(', '));
  },
  short: (e) => m('reason_HeaderDisallowedByPreflightResponse_short', { header: e.param }),
  summary: (e) => m('reason_HeaderDisallowedByPreflightResponse_summary', {
    sent: e.detail && e.detail !== e.param
      ? m('reason_HeaderDisallowedByPreflightResponse_the_headers', { names: e.detail })
      : m('reason_HeaderDisallowedByPreflightResponse_the_header', { name: e.param }),
    allowed: e.received === null
      ? m('reason_HeaderDisallowedByPreflightResponse_was_absent')
      : m('reason_HeaderDisallowedByPreflightResponse_is', { value: q(e.received) }),
    hint: e.credentialed && (e.received ?? '').includes('*') ? STAR_NOT_WILDCARD : '',
  }),
  expected: (e) => m('reason_HeaderDisallowedByPreflightResponse_expected', { names: e.detail ?? e.param }),
  chrome: (e) => `Request header field ${e.param} is not allowed by Access-Control-Allow-Headers in preflight response.`,
  firefox: (e) => firefoxLine('CORSMissingAllowHeaderFromPreflight2', e.url, { value: e.param }),
};
