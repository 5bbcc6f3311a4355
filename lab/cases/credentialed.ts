/** Credentialed requests (credentials: 'include' / withCredentials) that pass. */
import { corsUrl, type LabCase, type LabOrigins } from '../case-types';
import { kase, PREFLIGHTED, SIMPLE } from './define';

export const LAB_COOKIE = 'lab_session=1';

export function credentialedCases(o: LabOrigins): LabCase[] {
  const G = 'Credentialed requests';
  const ok = { acao: o.page, acac: 'true' };
  return [
    kase('cred-set-cookie', G, 'Credentialed GET that sets a cookie', 'credentials: "include", ACAO = page, ACAC: true; sets a cookie on the API origin.',
      { kind: 'fetch', url: corsUrl(o.api, 'cred-set-cookie', { ...ok, setcookie: LAB_COOKIE }), init: { credentials: 'include' } }, SIMPLE),
    kase('cred-get', G, 'Credentialed GET with the cookie', 'The API cookie is sent; ACAO = page and ACAC: true let it through.',
      { kind: 'fetch', url: corsUrl(o.api, 'cred-get', ok), init: { credentials: 'include' } }, SIMPLE),
    kase('cred-put', G, 'Credentialed PUT', 'A credentialed preflighted request: ACAC: true on both responses.',
      { kind: 'fetch', url: corsUrl(o.api, 'cred-put', { ...ok, acam: 'PUT' }), init: { method: 'PUT', credentials: 'include' } },
      PREFLIGHTED),
    kase('cred-xhr', G, 'XHR withCredentials', 'XMLHttpRequest with withCredentials = true.',
      { kind: 'xhr', url: corsUrl(o.api, 'cred-xhr', ok), method: 'GET', withCredentials: true }, SIMPLE),
  ];
}
