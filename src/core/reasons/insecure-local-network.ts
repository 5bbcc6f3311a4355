import { m } from '../i18n/msg';
import { isLnaError, networkEvidence, type NetworkInput } from './network-rules';
import { NO_HEADER_FIX, spaceWord, warn } from './texts';
import type { ReasonDef } from './types';

/** A non-secure page (plain http on a non-loopback host) tried to reach the local network. */
export const insecureLocalNetwork: ReasonDef<NetworkInput> = {
  code: 'InsecureLocalNetwork',
  family: 'network',
  header: null,
  mdnSlug: null,
  mdnAbsence: m('reason_InsecureLocalNetwork_mdn_absence'),
  firefoxKeys: [],
  firefoxAbsence: m('reason_InsecureLocalNetwork_firefox_absence'),
  label: m('reason_InsecureLocalNetwork_label'),
  noHeaderFix: true,
  notes: () => [warn(m('reason_InsecureLocalNetwork_note', { no_fix: NO_HEADER_FIX }))],
  detect: (i) =>
    i.reported === 'InsecureLocalNetwork' || (i.reported === null && isLnaError(i.error) && !i.initiatorSecure)
      ? networkEvidence(i, i.target)
      : null,
  short: (e) => m('reason_InsecureLocalNetwork_short', { space: spaceWord(e.detail, 'local') }),
  summary: (e) =>
    m('reason_InsecureLocalNetwork_summary', { origin: e.origin, space: spaceWord(e.detail === 'unknown' ? 'local' : e.detail, 'local') }),
  expected: () => m('reason_InsecureLocalNetwork_expected'),
  chrome: (e) => `The request client is not a secure context and the resource is in more-private address space \`${e.detail ?? 'unknown'}\`.`,
  firefox: () => null,
};
