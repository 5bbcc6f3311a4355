/** Requests that need no preflight and pass, plus the exchanges CORS does not govern. */
import { corsUrl, type LabCase, type LabOrigins } from '../case-types';
import { kase, SIMPLE } from './define';

export function simpleCases(o: LabOrigins): LabCase[] {
  const G = 'Simple requests';
  const N = 'Not governed by CORS';
  return [
    kase('simple-get', G, 'Simple GET', 'GET with Access-Control-Allow-Origin set to the page origin.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-get', { acao: o.page }) }, SIMPLE),
    kase('simple-get-wildcard', G, 'Simple GET, ACAO *', 'GET answered with Access-Control-Allow-Origin: *.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-get-wildcard', { acao: '*' }) }, SIMPLE),
    kase('simple-get-acao-spaces', G, 'ACAO surrounded by spaces', 'The page origin padded with spaces: browsers trim it.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-get-acao-spaces', { acao: `  ${o.page}  ` }) }, SIMPLE),
    kase('simple-get-wildcard-space', G, 'ACAO "* " (trailing space)', 'A wildcard with a trailing space still counts as *.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-get-wildcard-space', { acao: '* ' }) }, SIMPLE),
    kase('simple-get-404', G, '404 with ACAO', 'The status of the actual response does not matter to CORS.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-get-404', { acao: o.page, status: 404 }) }, SIMPLE),
    kase('simple-post-text', G, 'Simple POST text/plain', 'POST with Content-Type: text/plain.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-post-text', { acao: o.page }),
        init: { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'hello' } }, SIMPLE),
    kase('simple-post-text-upper', G, 'Content-Type TEXT/PLAIN', 'MIME types compare case-insensitively: still simple.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-post-text-upper', { acao: o.page }),
        init: { method: 'POST', headers: [['Content-Type', 'TEXT/PLAIN']], body: 'hello' } }, SIMPLE),
    kase('simple-post-form', G, 'Simple POST form-urlencoded', 'POST with application/x-www-form-urlencoded.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-post-form', { acao: o.page }),
        init: { method: 'POST', headers: [['Content-Type', 'application/x-www-form-urlencoded']], body: 'a=1' } }, SIMPLE),
    kase('simple-content-language', G, 'Content-Language fr;q=1', '";" and "=" are allowed bytes: the header stays safelisted.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-content-language', { acao: o.page }),
        init: { headers: [['Content-Language', 'fr;q=1']] } }, SIMPLE),
    kase('simple-range', G, 'Range bytes=0-', 'A single range with a start is safelisted.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-range', { acao: o.page }), init: { headers: [['Range', 'bytes=0-']] } }, SIMPLE),
    kase('simple-keepalive', G, 'keepalive fetch', 'fetch(…, {keepalive: true}) is judged like any fetch.',
      { kind: 'fetch', url: corsUrl(o.api, 'simple-keepalive', { acao: o.page }), init: { keepalive: true } }, SIMPLE),
    kase('simple-xhr', G, 'XMLHttpRequest GET', 'A plain XHR GET.',
      { kind: 'xhr', url: corsUrl(o.api, 'simple-xhr', { acao: o.page }), method: 'GET' }, SIMPLE),
    kase('same-origin-fetch', N, 'Same-origin fetch', 'A fetch to the page\'s own origin: CORS does not apply.',
      { kind: 'fetch', url: corsUrl(o.page, 'same-origin-fetch') }, { kind: 'same-origin', preflight: 'none' }),
    kase('no-cors-fetch', N, 'no-cors fetch', 'fetch(…, {mode: "no-cors"}) to the API without ACAO: opaque, never blocked.',
      { kind: 'fetch', url: corsUrl(o.api, 'no-cors-fetch'), init: { mode: 'no-cors' } }, { kind: 'no-cors', preflight: 'none' }),
    kase('no-cors-img', N, 'Plain <img>', 'An image without the crossorigin attribute: no-cors.',
      { kind: 'img', url: corsUrl(o.api, 'no-cors-img', { type: 'img' }), crossOrigin: null }, { kind: 'no-cors', preflight: 'none' }),
    kase('network-error', N, 'Closed port', 'A fetch to a loopback port where nothing listens.',
      { kind: 'fetch', url: corsUrl(o.closed, 'network-error') }, { kind: 'network-error', preflight: 'none' }),
  ];
}
