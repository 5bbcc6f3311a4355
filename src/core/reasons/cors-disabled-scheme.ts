import { m } from '../i18n/msg';
import { CORS_ENABLED_SCHEMES, requestEvidence, type RequestInput } from './request-rules';
import { firefoxLine, NO_HEADER_FIX, warn } from './texts';
import type { ReasonDef } from './types';

/** A CORS request to a scheme that does not support CORS (file:, ftp:, custom schemes). */
export const corsDisabledScheme: ReasonDef<RequestInput> = {
  code: 'CorsDisabledScheme',
  family: 'request',
  header: null,
  mdnSlug: 'CORSRequestNotHttp',
  firefoxKeys: ['CORSRequestNotHttp'],
  label: m('reason_CorsDisabledScheme_label'),
  noHeaderFix: true,
  notes: () => [warn(m('reason_CorsDisabledScheme_note', { no_fix: NO_HEADER_FIX }))],
  detect: (i) =>
    i.corsFlag && !(CORS_ENABLED_SCHEMES as readonly string[]).includes(i.scheme) ? requestEvidence(i, i.scheme, i.scheme) : null,
  short: (e) => (e.param ? m('reason_CorsDisabledScheme_short', { scheme: e.param }) : m('reason_CorsDisabledScheme_short_unnamed')),
  summary: (e) => (e.param ? m('reason_CorsDisabledScheme_summary', { scheme: e.param }) : m('reason_CorsDisabledScheme_summary_unnamed')),
  expected: () => m('reason_CorsDisabledScheme_expected'),
  chrome: () => `Cross origin requests are only supported for protocol schemes: ${CORS_ENABLED_SCHEMES.join(', ')}.`,
  firefox: (e) => firefoxLine('CORSRequestNotHttp', e.url),
};
