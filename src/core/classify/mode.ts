/**
 * Which fetch mode a request was sent in, from what an observer can see (Fetch §2.2.5 request mode;
 * Chromium sets Sec-Fetch-Mode in services/network/sec_header_helpers.cc):
 * Sec-Fetch-Mode when present, else an observed preflight, an Origin header on GET/HEAD, the resource
 * type (fonts are always CORS; fetch/XHR default to it), else no-cors.
 */
import type { Exchange } from '../model/exchange';
import { firstHeader, hasHeader } from '../http/headers';
import { sanitize } from '../model/sanitize';

export type RequestMode = 'cors' | 'no-cors' | 'same-origin' | 'navigate' | 'websocket';

export interface ModeInfo {
  mode: RequestMode;
  /** Direct evidence (header, preflight) rather than a default for the resource type. */
  certain: boolean;
  /** In words, for notes. */
  basis: string;
}

const SEC_FETCH_MODES: Record<string, RequestMode> = {
  cors: 'cors',
  'no-cors': 'no-cors',
  'same-origin': 'same-origin',
  navigate: 'navigate',
  'nested-navigate': 'navigate',
  websocket: 'websocket',
  webtransport: 'websocket',
};

export function detectMode(input: Exchange): ModeInfo {
  const ex = sanitize(input);
  if (ex.type === 'main_frame' || ex.type === 'sub_frame') return { mode: 'navigate', certain: true, basis: 'it is a page navigation' };
  if (ex.type === 'websocket' || ex.type === 'webtransport') return { mode: 'websocket', certain: true, basis: `it is a ${ex.type === 'websocket' ? 'WebSocket' : 'WebTransport'} connection` };
  // After a redirect the final URL's headers say it too (a same-origin first hop sends no Origin).
  const final = ex.redirects.length > 0 ? ex.finalRequestHeaders : undefined;
  const secFetchMode = firstHeader(ex.requestHeaders, 'sec-fetch-mode') ?? firstHeader(final, 'sec-fetch-mode');
  if (secFetchMode !== null) {
    const mode = SEC_FETCH_MODES[secFetchMode.toLowerCase()];
    if (mode) return { mode, certain: true, basis: `the browser sent Sec-Fetch-Mode: ${secFetchMode}` };
  }
  if (ex.preflights.length > 0) return { mode: 'cors', certain: true, basis: 'the browser sent a preflight for it' };
  const method = typeof ex.method === 'string' ? ex.method.toUpperCase() : '';
  const hasOrigin = hasHeader(ex.requestHeaders, 'origin') || hasHeader(final, 'origin');
  if (hasOrigin && (method === 'GET' || method === 'HEAD')) {
    return { mode: 'cors', certain: true, basis: `the browser sent an Origin header on a ${method} request` };
  }
  if (ex.type === 'font') return { mode: 'cors', certain: true, basis: 'fonts are always fetched in cors mode' };
  if (ex.type === 'xmlhttprequest') return { mode: 'cors', certain: false, basis: 'fetch() and XMLHttpRequest use cors mode unless told otherwise' };
  if (ex.type === 'ping') return { mode: 'cors', certain: false, basis: 'keepalive fetches and beacons with non-simple bodies use cors mode' };
  if (ex.observer.fullRequestHeaders && !hasOrigin) {
    return { mode: 'no-cors', certain: true, basis: `no Origin header was sent, so the ${ex.type} was loaded without crossorigin` };
  }
  return { mode: 'no-cors', certain: false, basis: `a ${ex.type} load without a crossorigin attribute uses no-cors mode` };
}
