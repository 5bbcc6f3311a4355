import { networkEvidence, type NetworkInput } from './network-rules';
import type { ReasonDef } from './types';

/** Chromium's generic "invalid response" (reported by DevTools; not derivable from headers alone). */
export const invalidResponse: ReasonDef<NetworkInput> = {
  code: 'InvalidResponse',
  family: 'network',
  header: null,
  mdnSlug: null,
  mdnAbsence: 'MDN has no page for this generic Chromium code.',
  firefoxKeys: [],
  firefoxAbsence: 'Firefox has no equivalent reason.',
  label: 'invalid response',
  notes: () => [],
  detect: (i) => (i.reported === 'InvalidResponse' ? networkEvidence(i, 'InvalidResponse') : null),
  short: () => 'Chrome judged the response invalid for CORS',
  summary: () =>
    'Chrome reported the response as invalid for CORS (typically a preflight that failed with a network error); the visible headers do not say more.',
  expected: () => 'a complete HTTP response to the preflight and to the request',
  chrome: () => 'The response is invalid.',
  firefox: () => null,
};
