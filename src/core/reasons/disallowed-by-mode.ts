import { m } from '../i18n/msg';
import { requestEvidence, type RequestInput } from './request-rules';
import { NO_HEADER_FIX, warn } from './texts';
import type { ReasonDef } from './types';

/** A `mode: 'same-origin'` request reached another origin (only observable after a redirect). */
export const disallowedByMode: ReasonDef<RequestInput> = {
  code: 'DisallowedByMode',
  family: 'request',
  header: null,
  mdnSlug: null,
  mdnAbsence: m('reason_DisallowedByMode_mdn_absence'),
  firefoxKeys: [],
  firefoxAbsence: m('reason_DisallowedByMode_firefox_absence'),
  label: m('reason_DisallowedByMode_label'),
  noHeaderFix: true,
  notes: () => [warn(m('reason_DisallowedByMode_note', { no_fix: NO_HEADER_FIX }))],
  detect: (i) => (i.mode === 'same-origin' && i.crossOrigin ? requestEvidence(i, i.url, 'same-origin') : null),
  short: (e) => m('reason_DisallowedByMode_short', { url: e.url }),
  summary: (e) => m('reason_DisallowedByMode_summary', { url: e.url }),
  expected: () => m('reason_DisallowedByMode_expected'),
  chrome: () => 'Cross origin requests are not allowed by request mode.',
  firefox: () => null,
};
