/** Every header list an exchange holds, for the code that must visit each (redaction, the classifier's facts). */
import type { Exchange, Header } from './exchange';

/** Which list: a request's (its own, a hop's, the final one), a preflight's request, or a response's. */
type HeaderListRole = 'request' | 'preflight' | 'response';

/**
 * Calls `visit` with each header list of the exchange that is an array: the first request's, the final
 * request's, the response's, each preflight's request and response, each redirect hop's request and response.
 * Total: a missing or ill-typed part is skipped.
 */
export function eachHeaderList(ex: Exchange, visit: (list: Header[], role: HeaderListRole) => void): void {
  const go = (list: unknown, role: HeaderListRole): void => { if (Array.isArray(list)) visit(list as Header[], role); };
  go(ex.requestHeaders, 'request');
  go(ex.finalRequestHeaders, 'request');
  go(ex.response?.headers, 'response');
  if (Array.isArray(ex.preflights)) {
    for (const pre of ex.preflights as unknown[]) {
      const p = pre as Partial<Exchange['preflights'][number]> | null;
      go(p?.requestHeaders, 'preflight');
      go(p?.response?.headers, 'response');
    }
  }
  if (Array.isArray(ex.redirects)) {
    for (const hop of ex.redirects as unknown[]) {
      const h = hop as Partial<Exchange['redirects'][number]> | null;
      go(h?.requestHeaders, 'request');
      go(h?.response?.headers, 'response');
    }
  }
}
