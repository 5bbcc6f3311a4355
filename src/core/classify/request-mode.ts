/**
 * The request's fetch mode, for an exchange already sanitised (the classifier sanitises once);
 * mode.ts explains the evidence, in order.
 */
import type { Exchange } from '../model/exchange';
import type { ModeInfo, RequestMode } from './mode';
import { requestFacts } from './header-facts';
import type { RequestScan } from './request-scan';

/** A Sec-Fetch-Mode value's mode (case-insensitive), or null for a value we do not know. */
function secFetchMode(value: string): RequestMode | null {
  // Browsers send the value in lower case: the common ones are told without making a lower-case copy.
  switch (value) {
    case 'cors': return 'cors';
    case 'no-cors': return 'no-cors';
  }
  switch (value.toLowerCase()) {
    case 'cors': return 'cors';
    case 'no-cors': return 'no-cors';
    case 'same-origin': return 'same-origin';
    case 'navigate': case 'nested-navigate': return 'navigate';
    case 'websocket': case 'webtransport': return 'websocket';
  }
  return null;
}

const info = (mode: RequestMode, certain: boolean, basisId: string, basisKey: string | null = null, basisValue = ''): ModeInfo =>
  ({ mode, certain, basisId, basisKey, basisValue });

/** `scan` is the facts of `ex.requestHeaders` (header-facts.ts), read once for every question the classifier asks. */
export function requestMode(ex: Exchange, scan: Readonly<RequestScan>): ModeInfo {
  if (ex.type === 'main_frame' || ex.type === 'sub_frame') return info('navigate', true, 'note_mode_navigation');
  if (ex.type === 'websocket' || ex.type === 'webtransport') return info('websocket', true, 'note_mode_socket', 'protocol', ex.type === 'websocket' ? 'WebSocket' : 'WebTransport');
  // After a redirect the final URL's headers say it too (a same-origin first hop sends no Origin).
  const final = requestFacts(ex.redirects.length > 0 ? ex.finalRequestHeaders : undefined);
  const sent = scan.secFetchMode ?? final.secFetchMode;
  if (sent !== null) {
    const mode = secFetchMode(sent);
    if (mode !== null) return info(mode, true, 'note_mode_sec_fetch', 'value', sent);
  }
  if (ex.preflights.length > 0) return info('cors', true, 'note_mode_preflight');
  const method = typeof ex.method === 'string' ? ex.method.toUpperCase() : '';
  const hasOrigin = scan.origin !== null || final.origin !== null;
  if (hasOrigin && (method === 'GET' || method === 'HEAD')) return info('cors', true, 'note_mode_origin_sent', 'method', method);
  if (ex.type === 'font') return info('cors', true, 'note_mode_font');
  if (ex.type === 'xmlhttprequest') return info('cors', false, 'note_mode_fetch');
  if (ex.type === 'ping') return info('cors', false, 'note_mode_ping');
  if (ex.observer.fullRequestHeaders && !hasOrigin) return info('no-cors', true, 'note_mode_no_origin', 'type', ex.type);
  return info('no-cors', false, 'note_mode_default', 'type', ex.type);
}
