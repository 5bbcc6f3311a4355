import { isLnaError, networkEvidence, type NetworkInput } from './network-rules';
import { NO_HEADER_FIX, warn } from './texts';
import type { ReasonDef } from './types';

/** Chrome's Local Network Access permission was not granted for a public → local/loopback request. */
export const localNetworkAccessPermissionDenied: ReasonDef<NetworkInput> = {
  code: 'LocalNetworkAccessPermissionDenied',
  family: 'network',
  header: null,
  mdnSlug: null,
  mdnAbsence: 'MDN has no CORS error page for Local Network Access: it is a browser permission, not a CORS header.',
  firefoxKeys: [],
  firefoxAbsence: 'Firefox has no Local Network Access permission of this kind.',
  label: 'local network denied',
  noHeaderFix: true,
  notes: () => [warn(`${NO_HEADER_FIX} Chromium blocked a request from a public page to a local or loopback address because the user did not grant the Local Network Access permission. The user must allow "local network access" for the page (site settings), or the page must be served from the same network; CORS headers are still needed afterwards.`)],
  detect: (i) =>
    i.reported === 'LocalNetworkAccessPermissionDenied' || (i.reported === null && isLnaError(i.error) && i.initiatorSecure)
      ? networkEvidence(i, i.target)
      : null,
  short: (e) => `Chrome's Local Network Access permission blocked access to the ${e.detail ?? 'local'} network`,
  summary: (e) =>
    `The page tried to reach a device on the ${e.detail === 'unknown' ? 'local' : e.detail ?? 'local'} network and Chrome's Local Network Access permission was not granted; this happens before CORS, so no response arrived.`,
  expected: () => 'the user grants the site the local network access permission (or the request stays within the same network)',
  chrome: (e) => `Permission was denied for this request to access the \`${e.detail ?? 'unknown'}\` address space.`,
  firefox: () => null,
};
