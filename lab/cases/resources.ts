/** CORS outside fetch(): images, fonts, modules, stylesheets, EventSource, workers, sandboxed frames. */
import { corsUrl, type LabCase, type LabOrigins } from '../case-types';
import { blocked, kase, PREFLIGHTED, SIMPLE } from './define';

export function resourceCases(o: LabOrigins): LabCase[] {
  const G = 'Other CORS requests';
  const miss = blocked('MissingAllowOriginHeader');
  return [
    kase('img-crossorigin', G, '<img crossorigin>', 'An anonymous CORS image with ACAO = page.',
      { kind: 'img', url: corsUrl(o.api, 'img-crossorigin', { acao: o.page, type: 'img' }), crossOrigin: 'anonymous' }, SIMPLE),
    kase('img-crossorigin-blocked', G, '<img crossorigin> without ACAO', 'An anonymous CORS image without ACAO.',
      { kind: 'img', url: corsUrl(o.api, 'img-crossorigin-blocked', { type: 'img' }), crossOrigin: 'anonymous' }, miss),
    kase('font', G, 'FontFace', 'A font loaded with FontFace from the API, ACAO = page.',
      { kind: 'font', url: corsUrl(o.api, 'font', { acao: o.page, type: 'font' }) }, SIMPLE),
    kase('font-blocked', G, 'FontFace without ACAO', 'Fonts are always fetched in CORS mode.',
      { kind: 'font', url: corsUrl(o.api, 'font-blocked', { type: 'font' }) }, miss),
    kase('import', G, 'Dynamic import()', 'A module script from the API, ACAO = page.',
      { kind: 'import', url: corsUrl(o.api, 'import', { acao: o.page, type: 'js' }) }, SIMPLE),
    kase('import-blocked', G, 'Dynamic import() without ACAO', 'Module scripts are always fetched in CORS mode.',
      { kind: 'import', url: corsUrl(o.api, 'import-blocked', { type: 'js' }) }, miss),
    kase('module-script', G, '<script type=module>', 'A module script element loading from the API, ACAO = page.',
      { kind: 'module-script', url: corsUrl(o.api, 'module-script', { acao: o.page, type: 'js' }) }, SIMPLE),
    kase('module-script-blocked', G, '<script type=module> without ACAO', 'Module script elements are fetched in CORS mode too.',
      { kind: 'module-script', url: corsUrl(o.api, 'module-script-blocked', { type: 'js' }) }, miss),
    kase('stylesheet', G, '<link rel=stylesheet crossorigin>', 'A CORS stylesheet with ACAO = page.',
      { kind: 'stylesheet', url: corsUrl(o.api, 'stylesheet', { acao: o.page, type: 'css' }) }, SIMPLE),
    kase('stylesheet-blocked', G, '<link rel=stylesheet crossorigin> without ACAO', 'A CORS stylesheet without ACAO.',
      { kind: 'stylesheet', url: corsUrl(o.api, 'stylesheet-blocked', { type: 'css' }) }, miss),
    kase('eventsource', G, 'EventSource', 'Server-sent events from the API, ACAO = page.',
      { kind: 'eventsource', url: corsUrl(o.api, 'eventsource', { acao: o.page, type: 'sse' }) }, SIMPLE),
    kase('eventsource-blocked', G, 'EventSource without ACAO', 'Server-sent events without ACAO.',
      { kind: 'eventsource', url: corsUrl(o.api, 'eventsource-blocked', { type: 'sse' }) }, miss),
    kase('worker-fetch', G, 'fetch from a dedicated worker', 'A worker of the page fetches the API, ACAO = page.',
      { kind: 'worker-fetch', url: corsUrl(o.api, 'worker-fetch', { acao: o.page }) }, SIMPLE),
    kase('worker-fetch-blocked', G, 'Worker fetch without ACAO', 'A worker of the page fetches the API, no ACAO.',
      { kind: 'worker-fetch', url: corsUrl(o.api, 'worker-fetch-blocked') }, miss),
    kase('sandbox-acao-null', G, 'Sandboxed iframe, ACAO null', 'A sandboxed frame sends Origin: null; ACAO null passes.',
      { kind: 'sandbox-fetch', url: corsUrl(o.api, 'sandbox-acao-null', { acao: 'null' }) }, SIMPLE),
    kase('sandbox-acao-page', G, 'Sandboxed iframe, ACAO = page', 'The frame\'s origin is null, not the page\'s: mismatch.',
      { kind: 'sandbox-fetch', url: corsUrl(o.api, 'sandbox-acao-page', { acao: o.page }) }, blocked('AllowOriginMismatch')),
    // A beacon is webRequest type "ping" but its preflight "other"; beacons always send credentials.
    kase('beacon-json', G, 'sendBeacon with a JSON Blob', 'Content-Type application/json needs a preflight; both answers allow credentials.',
      { kind: 'beacon', url: corsUrl(o.api, 'beacon-json', { acao: o.page, acac: 'true', acah: 'content-type' }),
        contentType: 'application/json', body: '{"lab":1}' }, PREFLIGHTED),
    kase('beacon-json-no-acac', G, 'sendBeacon, preflight without ACAC', 'Beacons are credentialed: a preflight without Allow-Credentials fails.',
      { kind: 'beacon', url: corsUrl(o.api, 'beacon-json-no-acac', { acao: o.page, acah: 'content-type' }),
        contentType: 'application/json', body: '{"lab":1}' }, blocked('PreflightInvalidAllowCredentials', 'sent')),
  ];
}
