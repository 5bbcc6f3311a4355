/**
 * An exchange as a list of steps: each URL the request visited, with the method and headers sent
 * there and the response received (a redirect hop's 3xx, or the final response). A redirect the
 * browser did not follow (`followed: false`) is the last step: there is no final one.
 */
import type { Exchange, Header, ResponseRecord } from '../model/exchange';
import type { StepRef } from '../model/verdict';
import { isSameOrigin, originOf } from '../http/origin';
import { lowerName } from '../http/names';
import { methodAfterRedirect } from '../http/redirect';
import type { PreflightNeed } from './preflight/need';

export interface Step {
  ref: StepRef;
  url: string;
  /** Serialized origin of `url` (null when it is not a URL). */
  origin: string | null;
  method: string;
  requestHeaders: Header[];
  response: ResponseRecord | undefined;
  /** The redirect target for a hop; null for the final step. */
  location: string | null;
  /** The step's preflight need, worked out once by the first evaluation that asks (evaluate.ts). */
  need?: PreflightNeed;
}

const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']);

export function exchangeSteps(ex: Exchange): Step[] {
  const url0 = ex.url;
  // Most exchanges were not redirected: one step, in an array of exactly that size.
  if (ex.redirects.length === 0) {
    return [{ ref: { kind: 'response' }, url: url0, origin: originOf(url0), method: ex.method, requestHeaders: ex.requestHeaders, response: ex.response, location: null, need: undefined }];
  }
  const steps: Step[] = [];
  let url = url0;
  let method = ex.method;
  let headers = ex.requestHeaders;
  const hops = ex.redirects;
  for (let index = 0; index < hops.length; index++) {
    const hop = hops[index]!;
    if (index > 0 && Array.isArray(hop.requestHeaders)) headers = hop.requestHeaders;
    const at = hop.url || url;
    steps.push({ ref: { kind: 'redirect', index }, url: at, origin: originOf(at), method, requestHeaders: headers, response: hop.response, location: hop.location, need: undefined });
    const next = nextRequest(hop.url || url, hop.location, hop.response?.status ?? 0, method, headers);
    url = hop.location;
    method = next.method;
    headers = next.headers;
  }
  // A redirect the browser refused to follow: the request stopped at that hop, the target was never asked.
  if (hops[hops.length - 1]!.followed === false) return steps;
  const sent = Array.isArray(ex.finalRequestHeaders) ? ex.finalRequestHeaders : headers;
  steps.push({ ref: { kind: 'response' }, url, origin: originOf(url), method, requestHeaders: sent, response: ex.response, location: null, need: undefined });
  return steps;
}

/** What the browser sends after following a redirect: method rewrite (301/302 POST, 303) and dropped headers. */
function nextRequest(from: string, to: string, status: number, method: string, headers: Header[]): { method: string; headers: Header[] } {
  const toGet = methodAfterRedirect(status, method) !== method;
  const crossOrigin = !isSameOrigin(from, to);
  if (!toGet && !crossOrigin) return { method, headers };
  const kept = headers.filter((h) => {
    const lower = typeof h.name === 'string' ? lowerName(h.name) : '';
    if (toGet && BODY_HEADERS.has(lower)) return false;
    return !(crossOrigin && lower === 'authorization');
  });
  return { method: toGet ? 'GET' : method, headers: kept };
}
