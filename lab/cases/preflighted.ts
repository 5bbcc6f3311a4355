/** Requests that need a preflight and pass (including one answered from the preflight cache). */
import { corsUrl, type LabCase, type LabOrigins } from '../case-types';
import { kase, PREFLIGHTED, TRACE } from './define';

export function preflightedCases(o: LabOrigins): LabCase[] {
  const G = 'Preflighted requests';
  const cacheUrl = corsUrl(o.api, 'preflight-cache', { acao: o.page, acam: 'PUT', maxage: 600 });
  return [
    kase('preflight-put', G, 'PUT', 'PUT is not a simple method: a preflight allows it with ACAM: PUT.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-put', { acao: o.page, acam: 'PUT' }), init: { method: 'PUT', body: 'x' } },
      PREFLIGHTED),
    kase('preflight-header', G, 'Custom header', 'X-Lab-Trace is not safelisted: allowed by ACAH.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-header', { acao: o.page, acah: 'x-lab-trace' }), init: { headers: [TRACE] } },
      PREFLIGHTED),
    kase('preflight-json', G, 'JSON POST', 'Content-Type: application/json needs a preflight.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-json', { acao: o.page, acah: 'content-type' }),
        init: { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' } }, PREFLIGHTED),
    kase('preflight-json-charset', G, 'application/json; charset=utf-8', 'A charset parameter does not make JSON simple.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-json-charset', { acao: o.page, acah: 'Content-Type' }),
        init: { method: 'POST', headers: [['Content-Type', 'application/json; charset=utf-8']], body: '{}' } }, PREFLIGHTED),
    kase('preflight-content-language', G, 'Content-Language fr/be', '"/" is not allowed in Content-Language: preflight.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-content-language', { acao: o.page, acah: 'content-language' }),
        init: { headers: [['Content-Language', 'fr/be']] } }, PREFLIGHTED),
    kase('preflight-range-suffix', G, 'Range bytes=-1', 'A suffix range is not safelisted: preflight.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-range-suffix', { acao: o.page, acah: 'range' }),
        init: { headers: [['Range', 'bytes=-1']] } }, PREFLIGHTED),
    kase('preflight-acam-wildcard', G, 'DELETE with ACAM *', 'ACAM: * covers any method without credentials.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-acam-wildcard', { acao: o.page, acam: '*' }), init: { method: 'DELETE' } },
      PREFLIGHTED),
    kase('preflight-acah-wildcard-auth', G, 'Authorization with ACAH *', 'Chromium lets ACAH: * cover Authorization (no credentials).',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-acah-wildcard-auth', { acao: o.page, acah: '*' }),
        init: { headers: [['Authorization', 'Bearer lab']] } }, PREFLIGHTED),
    kase('preflight-acam-empty-items', G, 'ACAM "GET,,DELETE"', 'Empty list items are skipped.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-acam-empty-items', { acao: o.page, acam: 'GET,,DELETE' }),
        init: { method: 'DELETE' } }, PREFLIGHTED),
    kase('preflight-acah-case', G, 'ACAH "X-LAB-TRACE,"', 'Header names match case-insensitively; a trailing comma is fine.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-acah-case', { acao: o.page, acah: 'X-LAB-TRACE,' }), init: { headers: [TRACE] } },
      PREFLIGHTED),
    kase('preflight-cache-1', G, 'Cached preflight (1st)', 'PUT with Access-Control-Max-Age: 600: the preflight is sent…',
      { kind: 'fetch', url: cacheUrl, init: { method: 'PUT', body: '1' } }, PREFLIGHTED),
    kase('preflight-cache-2', G, 'Cached preflight (2nd)', '…and the same PUT again is served from the preflight cache: no OPTIONS.',
      { kind: 'fetch', url: cacheUrl, init: { method: 'PUT', body: '2' } }, { kind: 'preflighted', preflight: 'cached' }),
  ];
}
