import { m } from '../i18n/msg';
import { isOkStatus, preflightEvidence, type PreflightInput } from './preflight-rules';
import { firefoxLine, info, CHROME_PREFLIGHT_PREFIX, statusText } from './texts';
import type { ReasonDef } from './types';

/** Also said of a preflight that had no Allow-Origin, and of any fix whose failing step is the preflight (fix/notes.ts). */
export const PREFLIGHT_2XX_NOTE = info(m('reason_PreflightInvalidStatus_note'));

/** The preflight passed the origin check but its status was not 2xx. */
export const preflightInvalidStatus: ReasonDef<PreflightInput> = {
  code: 'PreflightInvalidStatus',
  family: 'preflight',
  header: null,
  mdnSlug: 'CORSPreflightDidNotSucceed',
  firefoxKeys: ['CORSPreflightDidNotSucceed3'],
  label: m('reason_PreflightInvalidStatus_label'),
  notes: () => [PREFLIGHT_2XX_NOTE],
  statusNote: (status) => m('reason_PreflightInvalidStatus_status_note', { status: String(status) }),
  detect: (p) => (isOkStatus(p.status) ? null : preflightEvidence(p, p.status === null ? null : String(p.status), String(p.status ?? ''))),
  short: (e) => m('reason_PreflightInvalidStatus_short', { status: statusText(e) }),
  summary: (e) => m('reason_PreflightInvalidStatus_summary', { status: statusText(e) }),
  expected: () => m('reason_PreflightInvalidStatus_expected'),
  chrome: () => CHROME_PREFLIGHT_PREFIX + 'It does not have HTTP ok status.',
  firefox: (e) => firefoxLine('CORSPreflightDidNotSucceed3', e.url, { status: statusText(e) }),
};
