import { m } from '../i18n/msg';
import { isLnaError, networkEvidence, type NetworkInput } from './network-rules';
import { NO_HEADER_FIX, spaceWord, warn } from './texts';
import type { ReasonDef } from './types';

/** Chrome's Local Network Access permission was not granted for a public → local/loopback request. */
export const localNetworkAccessPermissionDenied: ReasonDef<NetworkInput> = {
  code: 'LocalNetworkAccessPermissionDenied',
  family: 'network',
  header: null,
  mdnSlug: null,
  mdnAbsence: m('reason_LocalNetworkAccessPermissionDenied_mdn_absence'),
  firefoxKeys: [],
  firefoxAbsence: m('reason_LocalNetworkAccessPermissionDenied_firefox_absence'),
  label: m('reason_LocalNetworkAccessPermissionDenied_label'),
  noHeaderFix: true,
  notes: () => [warn(m('reason_LocalNetworkAccessPermissionDenied_note', { no_fix: NO_HEADER_FIX }))],
  detect: (i) =>
    i.reported === 'LocalNetworkAccessPermissionDenied' || (i.reported === null && isLnaError(i.error) && i.initiatorSecure)
      ? networkEvidence(i, i.target)
      : null,
  short: (e) => m('reason_LocalNetworkAccessPermissionDenied_short', { space: spaceWord(e.detail, 'local') }),
  summary: (e) =>
    m('reason_LocalNetworkAccessPermissionDenied_summary', { space: spaceWord(e.detail === 'unknown' ? 'local' : e.detail, 'local') }),
  expected: () => m('reason_LocalNetworkAccessPermissionDenied_expected'),
  chrome: (e) => `Permission was denied for this request to access the \`${e.detail ?? 'unknown'}\` address space.`,
  firefox: () => null,
};
