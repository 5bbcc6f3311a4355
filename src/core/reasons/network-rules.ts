import { m, type Msg } from '../i18n/msg';
/** Inputs for failures decided by the browser's own error (Local Network Access, reported codes). */
import type { AddressSpace } from '../http/address-space';
import type { Evidence } from './types';

export interface NetworkInput {
  url: string;
  origin: string;
  credentialed: boolean;
  /** The browser's error string (`net::ERR_…`, `NS_ERROR_…`). */
  error: string;
  /** A CORS error name the source reported directly (DevTools protocol), if any. */
  reported: string | null;
  initiatorSecure: boolean;
  /** Address space of the target (from the remote IP or the host). */
  target: AddressSpace;
  status: number | null;
}

const LNA_ERROR = 'ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS';
export const INCONSISTENT_SPACE_ERROR = 'ERR_INCONSISTENT_IP_ADDRESS_SPACE';

export function isLnaError(error: string): boolean {
  return error.includes(LNA_ERROR);
}

export function networkEvidence(i: NetworkInput, param: string): Evidence {
  return {
    step: { kind: 'response' },
    url: i.url,
    origin: i.origin,
    credentialed: i.credentialed,
    received: i.error,
    param,
    status: i.status,
    detail: i.target,
  };
}

/** The verdict's note on every Local Network Access failure (classify/outcome/lna.ts). */
export const LNA_NOTE: Msg = m('reason_lna_note');
