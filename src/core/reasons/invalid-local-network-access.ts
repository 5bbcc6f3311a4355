import { INCONSISTENT_SPACE_ERROR, networkEvidence, type NetworkInput } from './network-rules';
import { NO_HEADER_FIX, warn } from './texts';
import type { ReasonDef } from './types';

/** The target's address space changed between the check and the connection (DNS rebinding guard). */
export const invalidLocalNetworkAccess: ReasonDef<NetworkInput> = {
  code: 'InvalidLocalNetworkAccess',
  family: 'network',
  header: null,
  mdnSlug: null,
  mdnAbsence: 'MDN has no CORS error page for Local Network Access address-space mismatches.',
  firefoxKeys: [],
  firefoxAbsence: 'Firefox has no Local Network Access restriction of this kind.',
  label: 'local network mismatch',
  noHeaderFix: true,
  notes: () => [warn(`${NO_HEADER_FIX} The request declared a target address space (targetAddressSpace) that does not match where the server actually is: fix the fetch option in the page.`)],
  detect: (i) =>
    i.reported === 'InvalidLocalNetworkAccess' || (i.reported === null && i.error.includes(INCONSISTENT_SPACE_ERROR))
      ? networkEvidence(i, i.target)
      : null,
  short: () => 'the server\'s IP address space was not the one the request was allowed to reach',
  summary: (e) =>
    `The host resolved to an address in ${e.detail && e.detail !== 'unknown' ? `the ${e.detail} address space, not the one` : 'an address space other than the one'} the request was cleared for (for example after a DNS change), so Chrome refused the connection; this is not a CORS header problem.`,
  expected: () => 'the host resolves to the same kind of address (public, local or loopback) the request expects',
  chrome: (e) => `Request had a target IP address space of \`unknown\` yet the resource is in address space \`${e.detail ?? 'unknown'}\`.`,
  firefox: () => null,
};
