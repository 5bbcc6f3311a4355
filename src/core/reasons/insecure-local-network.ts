import { isLnaError, networkEvidence, type NetworkInput } from './network-rules';
import { NO_HEADER_FIX, warn } from './texts';
import type { ReasonDef } from './types';

/** A non-secure page (plain http on a non-loopback host) tried to reach the local network. */
export const insecureLocalNetwork: ReasonDef<NetworkInput> = {
  code: 'InsecureLocalNetwork',
  family: 'network',
  header: null,
  mdnSlug: null,
  mdnAbsence: 'MDN has no CORS error page for Local Network Access: it is a browser permission, not a CORS header.',
  firefoxKeys: [],
  firefoxAbsence: 'Firefox has no Local Network Access restriction of this kind.',
  label: 'insecure local network',
  noHeaderFix: true,
  notes: () => [warn(`${NO_HEADER_FIX} A page that is not a secure context (plain http) may not reach a more private address space: serve the page over HTTPS (then the user can grant the Local Network Access permission).`)],
  detect: (i) =>
    i.reported === 'InsecureLocalNetwork' || (i.reported === null && isLnaError(i.error) && !i.initiatorSecure)
      ? networkEvidence(i, i.target)
      : null,
  short: (e) => `a page that is not served over HTTPS may not reach the ${e.detail ?? 'local'} network`,
  summary: (e) =>
    `The page (${e.origin}) is not a secure context, and Chrome only lets HTTPS pages ask for access to the ${e.detail === 'unknown' ? 'local' : e.detail ?? 'local'} network; this happens before CORS.`,
  expected: () => 'serve the page over HTTPS (then the user can grant local network access)',
  chrome: (e) => `The request client is not a secure context and the resource is in more-private address space \`${e.detail ?? 'unknown'}\`.`,
  firefox: () => null,
};
