/** Blocked by the CORS check on the response (Access-Control-Allow-Origin / -Credentials). */
import { corsUrl, type LabCase, type LabOrigins } from '../case-types';
import { blocked, kase } from './define';

export function blockedResponseCases(o: LabOrigins): LabCase[] {
  const G = 'Blocked: response';
  const get = (id: string, acao: string | string[] | undefined) => ({ kind: 'fetch' as const, url: corsUrl(o.api, id, { acao }) });
  const cred = (id: string, acao: string, acac?: string) =>
    ({ kind: 'fetch' as const, url: corsUrl(o.api, id, { acao, acac }), init: { credentials: 'include' as const } });
  return [
    kase('missing-acao', G, 'No ACAO', 'The response has no Access-Control-Allow-Origin header.',
      get('missing-acao', undefined), blocked('MissingAllowOriginHeader')),
    kase('missing-acao-500', G, '500 without ACAO', 'A server error page without CORS headers.',
      { kind: 'fetch', url: corsUrl(o.api, 'missing-acao-500', { status: 500 }) }, blocked('MissingAllowOriginHeader')),
    kase('acao-two-lines', G, 'Two ACAO lines', 'The page origin sent twice, as two header lines.',
      get('acao-two-lines', [o.page, o.page]), blocked('MultipleAllowOriginValues')),
    kase('acao-comma-list', G, 'ACAO comma list', 'Two origins in one header, separated by a comma.',
      get('acao-comma-list', `${o.page}, ${o.third}`), blocked('MultipleAllowOriginValues')),
    kase('acao-spaces-inside', G, 'ACAO "not an origin"', 'A value with spaces inside reads as several values.',
      get('acao-spaces-inside', 'not an origin'), blocked('MultipleAllowOriginValues')),
    kase('acao-empty', G, 'ACAO empty', 'The header is present with an empty value.',
      get('acao-empty', ''), blocked('InvalidAllowOriginValue')),
    kase('acao-foo', G, 'ACAO "foo"', 'A single word that is not an origin.',
      get('acao-foo', 'foo'), blocked('InvalidAllowOriginValue')),
    kase('acao-other-origin', G, 'ACAO of another origin', 'Allows a different origin than the page.',
      get('acao-other-origin', o.third), blocked('AllowOriginMismatch')),
    kase('acao-trailing-slash', G, 'ACAO with trailing slash', 'The page origin followed by "/".',
      get('acao-trailing-slash', `${o.page}/`), blocked('AllowOriginMismatch')),
    kase('acao-uppercase', G, 'ACAO upper-cased', 'The page origin with its scheme upper-cased.',
      get('acao-uppercase', o.page.toUpperCase()), blocked('AllowOriginMismatch')),
    kase('acao-null', G, 'ACAO null', 'The literal null for a normal origin.',
      get('acao-null', 'null'), blocked('AllowOriginMismatch')),
    kase('wildcard-credentials', G, 'ACAO * with credentials', 'credentials: "include" answered with ACAO: * (and ACAC: true).',
      cred('wildcard-credentials', '*', 'true'), blocked('WildcardOriginNotAllowed')),
    kase('credentials-no-acac', G, 'Credentials without ACAC', 'credentials: "include", ACAO = page, no Access-Control-Allow-Credentials.',
      cred('credentials-no-acac', o.page), blocked('InvalidAllowCredentials')),
    kase('credentials-acac-True', G, 'ACAC "True"', 'Access-Control-Allow-Credentials must be exactly "true".',
      cred('credentials-acac-True', o.page, 'True'), blocked('InvalidAllowCredentials')),
  ];
}
