/**
 * The request's origin: the initiator webRequest reported, else the Origin header the browser sent
 * on the first hop, else the origin of the document that made it. `undefined` when nothing says.
 */
import type { Exchange } from './model';
import { firstHeader } from './headers';
import { OPAQUE_ORIGIN, originOf } from './origin';

export function requestOrigin(ex: Exchange): string | undefined {
  if (typeof ex.initiator === 'string' && ex.initiator.length > 0) {
    if (ex.initiator === OPAQUE_ORIGIN) return OPAQUE_ORIGIN;
    if (isExtensionOrigin(ex.initiator)) return ex.initiator.replace(/\/+$/, '');
    return originOf(ex.initiator) ?? undefined;
  }
  const sent = firstHeader(ex.requestHeaders, 'origin');
  if (sent !== null && sent.length > 0) return sent === OPAQUE_ORIGIN ? OPAQUE_ORIGIN : originOf(sent) ?? undefined;
  if (typeof ex.documentUrl === 'string' && ex.documentUrl.length > 0) return originOf(ex.documentUrl) ?? undefined;
  return undefined;
}

/** Browser extension pages and workers (CORS is bypassed for hosts they have permission for). */
export function isExtensionOrigin(origin: string): boolean {
  return /^(chrome|moz|safari-web|ms-browser)-extension:/.test(origin);
}
