/**
 * The request's fetch mode, for an exchange already sanitised (the classifier sanitises once);
 * mode.ts explains the evidence, in order.
 */
import type { Exchange } from '../model/exchange';
import type { ModeInfo, RequestMode } from './mode';
import { firstHeader, hasHeader } from '../http/headers';
import { m } from '../i18n/msg';

const SEC_FETCH_MODES: Record<string, RequestMode> = {
  cors: 'cors',
  'no-cors': 'no-cors',
  'same-origin': 'same-origin',
  navigate: 'navigate',
  'nested-navigate': 'navigate',
  websocket: 'websocket',
  webtransport: 'websocket',
};

export function requestMode(ex: Exchange): ModeInfo {
  if (ex.type === 'main_frame' || ex.type === 'sub_frame') return { mode: 'navigate', certain: true, basis: m('note_mode_navigation') };
  if (ex.type === 'websocket' || ex.type === 'webtransport') return { mode: 'websocket', certain: true, basis: m('note_mode_socket', { protocol: ex.type === 'websocket' ? 'WebSocket' : 'WebTransport' }) };
  // After a redirect the final URL's headers say it too (a same-origin first hop sends no Origin).
  const final = ex.redirects.length > 0 ? ex.finalRequestHeaders : undefined;
  const secFetchMode = firstHeader(ex.requestHeaders, 'sec-fetch-mode') ?? firstHeader(final, 'sec-fetch-mode');
  if (secFetchMode !== null) {
    const mode = SEC_FETCH_MODES[secFetchMode.toLowerCase()];
    if (mode) return { mode, certain: true, basis: m('note_mode_sec_fetch', { value: secFetchMode }) };
  }
  if (ex.preflights.length > 0) return { mode: 'cors', certain: true, basis: m('note_mode_preflight') };
  const method = typeof ex.method === 'string' ? ex.method.toUpperCase() : '';
  const hasOrigin = hasHeader(ex.requestHeaders, 'origin') || hasHeader(final, 'origin');
  if (hasOrigin && (method === 'GET' || method === 'HEAD')) {
    return { mode: 'cors', certain: true, basis: m('note_mode_origin_sent', { method }) };
  }
  if (ex.type === 'font') return { mode: 'cors', certain: true, basis: m('note_mode_font') };
  if (ex.type === 'xmlhttprequest') return { mode: 'cors', certain: false, basis: m('note_mode_fetch') };
  if (ex.type === 'ping') return { mode: 'cors', certain: false, basis: m('note_mode_ping') };
  if (ex.observer.fullRequestHeaders && !hasOrigin) {
    return { mode: 'no-cors', certain: true, basis: m('note_mode_no_origin', { type: ex.type }) };
  }
  return { mode: 'no-cors', certain: false, basis: m('note_mode_default', { type: ex.type }) };
}
