import { m } from '../i18n/msg';
import { INCONSISTENT_SPACE_ERROR, networkEvidence, type NetworkInput } from './network-rules';
import { NO_HEADER_FIX, spaceWord, warn } from './texts';
import type { ReasonDef } from './types';

/** The target's address space changed between the check and the connection (DNS rebinding guard). */
export const invalidLocalNetworkAccess: ReasonDef<NetworkInput> = {
  code: 'InvalidLocalNetworkAccess',
  family: 'network',
  header: null,
  mdnSlug: null,
  mdnAbsence: m('reason_InvalidLocalNetworkAccess_mdn_absence'),
  firefoxKeys: [],
  firefoxAbsence: m('reason_InvalidLocalNetworkAccess_firefox_absence'),
  label: m('reason_InvalidLocalNetworkAccess_label'),
  noHeaderFix: true,
  notes: () => [warn(m('reason_InvalidLocalNetworkAccess_note', { no_fix: NO_HEADER_FIX }))],
  detect: (i) =>
    i.reported === 'InvalidLocalNetworkAccess' || (i.reported === null && i.error.includes(INCONSISTENT_SPACE_ERROR))
      ? networkEvidence(i, i.target)
      : null,
  short: () => m('reason_InvalidLocalNetworkAccess_short'),
  summary: (e) =>
    e.detail && e.detail !== 'unknown'
      ? m('reason_InvalidLocalNetworkAccess_summary', { space: spaceWord(e.detail, 'unknown') })
      : m('reason_InvalidLocalNetworkAccess_summary_unknown'),
  expected: () => m('reason_InvalidLocalNetworkAccess_expected'),
  chrome: (e) => `Request had a target IP address space of \`unknown\` yet the resource is in address space \`${e.detail ?? 'unknown'}\`.`,
  firefox: () => null,
};
