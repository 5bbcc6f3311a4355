/** Blocked by the preflight: its CORS check, its status, its redirect, or what it allows. */
import { corsUrl, type CorsParams, type LabCase, type LabOrigins } from '../case-types';
import { blocked, kase, TRACE } from './define';

export function blockedPreflightCases(o: LabOrigins): LabCase[] {
  const G = 'Blocked: preflight';
  const put = (id: string, p: CorsParams, credentials?: 'include') => ({
    kind: 'fetch' as const, url: corsUrl(o.api, id, { acao: o.page, acam: 'PUT', ...p }),
    init: { method: 'PUT', body: 'x', ...(credentials ? { credentials } : {}) },
  });
  const sent = (code: Parameters<typeof blocked>[0]) => blocked(code, 'sent');
  return [
    kase('preflight-500', G, 'Preflight 500 with ACAO', 'The OPTIONS response passes the CORS check but is not 2xx.',
      put('preflight-500', { pstatus: 500 }), sent('PreflightInvalidStatus')),
    kase('preflight-redirect', G, 'Preflight redirected', 'The OPTIONS response is a 302.',
      put('preflight-redirect', { predirect: corsUrl(o.api, 'preflight-redirect-target', { acao: o.page, acam: 'PUT' }) }),
      sent('PreflightDisallowedRedirect')),
    kase('preflight-no-acao', G, 'Preflight without ACAO', 'The OPTIONS response has no Access-Control-Allow-Origin.',
      put('preflight-no-acao', { pacao: '-' }), sent('PreflightMissingAllowOriginHeader')),
    kase('preflight-404-no-acao', G, 'Preflight 404 without ACAO', 'A 404 without ACAO: the ACAO check comes before the status check.',
      put('preflight-404-no-acao', { pacao: '-', pstatus: 404 }), sent('PreflightMissingAllowOriginHeader')),
    kase('preflight-acao-two-lines', G, 'Preflight: two ACAO lines', 'The OPTIONS response sends ACAO twice.',
      put('preflight-acao-two-lines', { pacao: [o.page, o.page] }), sent('PreflightMultipleAllowOriginValues')),
    kase('preflight-acao-foo', G, 'Preflight: ACAO "foo"', 'The OPTIONS response allows "foo".',
      put('preflight-acao-foo', { pacao: 'foo' }), sent('PreflightInvalidAllowOriginValue')),
    kase('preflight-acao-other', G, 'Preflight: ACAO of another origin', 'The OPTIONS response allows another origin.',
      put('preflight-acao-other', { pacao: o.third }), sent('PreflightAllowOriginMismatch')),
    kase('preflight-wildcard-credentials', G, 'Preflight: ACAO * with credentials', 'A credentialed PUT whose preflight answers ACAO: *.',
      put('preflight-wildcard-credentials', { pacao: '*', acac: 'true' }, 'include'), sent('PreflightWildcardOriginNotAllowed')),
    kase('preflight-no-acac', G, 'Preflight: credentials without ACAC', 'A credentialed PUT whose preflight has no ACAC.',
      put('preflight-no-acac', {}, 'include'), sent('PreflightInvalidAllowCredentials')),
    kase('preflight-acam-invalid', G, 'ACAM not parseable', 'Access-Control-Allow-Methods: "PUT, DEL(ETE".',
      put('preflight-acam-invalid', { acam: 'PUT, DEL(ETE' }), sent('InvalidAllowMethodsPreflightResponse')),
    kase('preflight-acah-invalid', G, 'ACAH not parseable', 'Access-Control-Allow-Headers: "x-lab-trace, x/y".',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-acah-invalid', { acao: o.page, acah: 'x-lab-trace, x/y' }), init: { headers: [TRACE] } },
      sent('InvalidAllowHeadersPreflightResponse')),
    kase('preflight-method-missing', G, 'Method not allowed', 'PUT while ACAM lists only GET, POST.',
      put('preflight-method-missing', { acam: 'GET, POST' }), sent('MethodDisallowedByPreflightResponse')),
    kase('preflight-method-lowercase', G, 'Lowercase "patch" vs ACAM PATCH', 'Methods other than the six standard ones are case-sensitive.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-method-lowercase', { acao: o.page, acam: 'PATCH' }), init: { method: 'patch', body: 'x' } },
      sent('MethodDisallowedByPreflightResponse')),
    kase('preflight-acam-wildcard-credentials', G, 'ACAM * with credentials', 'With credentials, * is a method literally named "*".',
      put('preflight-acam-wildcard-credentials', { acam: '*', acac: 'true' }, 'include'), sent('MethodDisallowedByPreflightResponse')),
    kase('preflight-header-missing', G, 'Header not allowed', 'X-Lab-Trace while ACAH lists only x-other.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-header-missing', { acao: o.page, acah: 'x-other' }), init: { headers: [TRACE] } },
      sent('HeaderDisallowedByPreflightResponse')),
    kase('preflight-acah-wildcard-credentials', G, 'ACAH * with credentials', 'With credentials, * does not cover X-Lab-Trace.',
      { kind: 'fetch', url: corsUrl(o.api, 'preflight-acah-wildcard-credentials', { acao: o.page, acac: 'true', acah: '*' }),
        init: { headers: [TRACE], credentials: 'include' } }, sent('HeaderDisallowedByPreflightResponse')),
  ];
}
