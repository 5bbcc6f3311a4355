/**
 * The request's origin: the initiator webRequest reported, else the Origin header the browser sent
 * on the first hop, else the origin of the document that made it. `undefined` when nothing says.
 */
import type { Exchange } from '../model/exchange';
import type { RequestScan } from './request-scan';
import { OPAQUE_ORIGIN, originOf } from '../http/origin';

const seen = new Map<string, string | undefined>();

/** `scan` is the facts of `ex.requestHeaders` (header-facts.ts). */
export function requestOrigin(ex: Exchange, scan: Readonly<RequestScan>): string | undefined {
  const initiator = ex.initiator;
  if (typeof initiator === 'string' && initiator.length > 0) {
    // Pages have few initiators: remember their serializations.
    const hit = seen.get(initiator);
    if (hit !== undefined || seen.has(initiator)) return hit;
    const value = initiatorOrigin(initiator);
    if (seen.size >= 256) seen.clear();
    if (initiator.length <= 1024) seen.set(initiator, value);
    return value;
  }
  const sent = scan.origin;
  if (sent !== null && sent.length > 0) return sent === OPAQUE_ORIGIN ? OPAQUE_ORIGIN : originOf(sent) ?? undefined;
  if (typeof ex.documentUrl === 'string' && ex.documentUrl.length > 0) return originOf(ex.documentUrl) ?? undefined;
  return undefined;
}

function initiatorOrigin(initiator: string): string | undefined {
  if (initiator === OPAQUE_ORIGIN) return OPAQUE_ORIGIN;
  if (isExtensionOrigin(initiator)) return initiator.replace(/\/+$/, '');
  return originOf(initiator) ?? undefined;
}

/** Browser extension pages and workers (CORS is bypassed for hosts they have permission for). */
export function isExtensionOrigin(origin: string): boolean {
  return /^(chrome|moz|safari-web|ms-browser)-extension:/.test(origin);
}
