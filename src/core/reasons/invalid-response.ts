import { m } from '../i18n/msg';
import { networkEvidence, type NetworkInput } from './network-rules';
import type { ReasonDef } from './types';

/** Chromium's generic "invalid response" (reported by DevTools; not derivable from headers alone). */
export const invalidResponse: ReasonDef<NetworkInput> = {
  code: 'InvalidResponse',
  family: 'network',
  header: null,
  mdnSlug: null,
  mdnAbsence: m('reason_InvalidResponse_mdn_absence'),
  firefoxKeys: [],
  firefoxAbsence: m('reason_InvalidResponse_firefox_absence'),
  label: m('reason_InvalidResponse_label'),
  notes: () => [],
  detect: (i) => (i.reported === 'InvalidResponse' ? networkEvidence(i, 'InvalidResponse') : null),
  short: () => m('reason_InvalidResponse_short'),
  summary: () => m('reason_InvalidResponse_summary'),
  expected: () => m('reason_InvalidResponse_expected'),
  chrome: () => 'The response is invalid.',
  firefox: () => null,
};
