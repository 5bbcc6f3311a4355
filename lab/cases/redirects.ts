/** Redirects: every hop is CORS-checked, and a cross-origin hop taints the origin to "null". */
import { corsUrl, type LabCase, type LabOrigins } from '../case-types';
import { blocked, kase, PREFLIGHTED, SIMPLE, TRACE } from './define';

export function redirectCases(o: LabOrigins): LabCase[] {
  const G = 'Redirects';
  const hop = (id: string, to: string, acao?: string) => ({ kind: 'fetch' as const, url: corsUrl(o.api, id, { acao: acao ?? o.page, redirect: to }) });
  const userinfo = new URL(corsUrl(o.third, 'redirect-userinfo-target', { acao: '*' }));
  userinfo.username = 'lab';
  userinfo.password = 'secret';
  return [
    kase('redirect-same-origin', G, 'Redirect within the API', 'API → API, both hops allow the page origin.',
      hop('redirect-same-origin', corsUrl(o.api, 'redirect-same-origin-target', { acao: o.page })), SIMPLE),
    kase('redirect-third-wildcard', G, 'Redirect to a third origin, ACAO *', 'API → third origin answering ACAO: *.',
      hop('redirect-third-wildcard', corsUrl(o.third, 'redirect-third-wildcard-target', { acao: '*' })), SIMPLE),
    kase('redirect-tainted-null', G, 'Tainted origin, ACAO null', 'After API → third, Origin is "null"; the third origin allows null.',
      hop('redirect-tainted-null', corsUrl(o.third, 'redirect-tainted-null-target', { acao: 'null' })), SIMPLE),
    kase('redirect-tainted-page', G, 'Tainted origin, ACAO = page', 'After API → third, Origin is "null": allowing the page origin fails.',
      hop('redirect-tainted-page', corsUrl(o.third, 'redirect-tainted-page-target', { acao: o.page })), blocked('AllowOriginMismatch')),
    kase('redirect-userinfo', G, 'User and password in Location', 'The redirect points to http://lab:secret@third/….',
      hop('redirect-userinfo', userinfo.href), blocked('RedirectContainsCredentials')),
    kase('redirect-first-hop-no-acao', G, 'First hop without ACAO', 'The 302 itself has no ACAO, though its target would allow the page.',
      { kind: 'fetch', url: corsUrl(o.api, 'redirect-first-hop-no-acao', { redirect: corsUrl(o.api, 'redirect-first-hop-target', { acao: o.page }) }) },
      blocked('MissingAllowOriginHeader')),
    kase('redirect-from-same-origin', G, 'Same-origin URL redirecting to the API', 'Starts same-origin, becomes a CORS request at the second hop.',
      { kind: 'fetch', url: corsUrl(o.page, 'redirect-from-same-origin', { redirect: corsUrl(o.api, 'redirect-from-same-origin-target', { acao: o.page }) }) },
      SIMPLE),
    // redirect: 'manual': the 3xx is still CORS-checked; when it passes, the page gets it as an opaque-redirect
    // response (type "opaqueredirect", status 0) and the Location is never requested.
    kase('redirect-manual', G, "fetch redirect: 'manual'", 'The 302 allows the page; the page gets an opaque redirect, the target is not requested.',
      { kind: 'fetch', url: corsUrl(o.api, 'redirect-manual', { acao: o.page, redirect: corsUrl(o.third, 'redirect-manual-target', { acao: '*' }) }),
        init: { redirect: 'manual' } }, SIMPLE),
    kase('redirect-manual-preflighted', G, "redirect: 'manual' after a preflight", 'A request with X-Lab-Trace: preflight, then a 302 kept as an opaque redirect.',
      { kind: 'fetch', url: corsUrl(o.api, 'redirect-manual-preflighted', { acao: o.page, acah: 'x-lab-trace',
        redirect: corsUrl(o.third, 'redirect-manual-preflighted-target', { acao: '*' }) }), init: { redirect: 'manual', headers: [TRACE] } }, PREFLIGHTED),
    kase('redirect-manual-no-acao', G, "redirect: 'manual', 302 without ACAO", 'Manual mode does not skip the CORS check of the 3xx itself.',
      { kind: 'fetch', url: corsUrl(o.api, 'redirect-manual-no-acao', { redirect: corsUrl(o.third, 'redirect-manual-no-acao-target', { acao: '*' }) }),
        init: { redirect: 'manual' } }, blocked('MissingAllowOriginHeader')),
  ];
}
