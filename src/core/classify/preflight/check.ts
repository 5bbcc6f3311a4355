/**
 * Judge one observed preflight against the real request, in Chromium's order (Fetch §4.8 CORS-preflight
 * fetch; services/network/cors/preflight_controller.cc CheckPreflightAccess, preflight_result.cc).
 */
import type { PreflightRecord } from '../../model/exchange';
import type { StepRef } from '../../model/verdict';
import type { PreflightNeed } from './need';
import { requestFacts, responseFacts } from '../header-facts';
import { parseTokenList } from '../../http/tokens';
import { accessInput } from '../../reasons/access-rules';
import { methodAllowed, uncoveredHeaders, type PreflightInput } from '../../reasons/preflight-rules';
import { firstMatch, preflightDisallowedRedirect, PREFLIGHT_ACCESS_REASONS, PREFLIGHT_LATER_REASONS, type Failure } from '../../reasons';

/** Access-Control-Request-Method / -Headers the browser put on the preflight (authoritative). */
export function observedRequest(pre: PreflightRecord): { method: string | null; headers: string[] | null } {
  const facts = requestFacts(pre.requestHeaders);
  const acrh = facts.acrh;
  return { method: facts.acrm, headers: acrh === null ? null : lowerItems(acrh) };
}

/** The comma-separated items of a list, trimmed and lower-cased, empty ones left out. */
function lowerItems(list: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start <= list.length) {
    let end = list.indexOf(',', start);
    if (end === -1) end = list.length;
    const item = list.slice(start, end).trim();
    if (item.length > 0) out.push(item.toLowerCase());
    start = end + 1;
  }
  return out;
}

/** Unsafe names to check: the preflight's list when seen, ordered as the request sent them. */
function unsafeNamesFor(need: PreflightNeed, observed: string[] | null): readonly string[] {
  if (observed === null) return need.unsafeHeaders;
  const inRequest = need.unsafeHeaders.filter((n) => observed.includes(n));
  return [...inRequest, ...observed.filter((n) => !inRequest.includes(n))];
}

export function buildPreflightInput(
  observed: { method: string | null; headers: string[] | null },
  pre: PreflightRecord,
  step: StepRef,
  url: string,
  origin: string,
  credentialed: boolean,
  method: string,
  need: PreflightNeed,
): PreflightInput | null {
  const res = pre.response;
  if (!res) return null;
  const status = typeof res.status === 'number' ? res.status : null;
  const found = responseFacts(res.headers);
  const { acam, acah } = found;
  return {
    step,
    url,
    origin,
    credentialed,
    status,
    location: found.location,
    access: accessInput({ step, url, origin, credentialed, status, acao: found.acao, acaoLines: found.acaoLines, acac: found.acac }),
    acam,
    acah,
    methods: parseTokenList(acam),
    headers: parseTokenList(acah),
    method: observed.method ?? method,
    unsafeHeaders: unsafeNamesFor(need, observed.headers),
  };
}

/** Every failing preflight check in order (first = what Chromium reports); [] when it passes. */
export function judgePreflight(input: PreflightInput): Failure[] {
  const redirect = preflightDisallowedRedirect.detect(input);
  if (redirect) return [{ def: preflightDisallowedRedirect as unknown as Failure['def'], evidence: redirect }];
  const out: Failure[] = [];
  const access = firstMatch(PREFLIGHT_ACCESS_REASONS, input);
  if (access) out.push(access);
  for (const def of PREFLIGHT_LATER_REASONS) {
    const evidence = def.detect(input);
    if (evidence) out.push({ def: def as unknown as Failure['def'], evidence });
  }
  return out;
}

/** The same preflight judged as if the request carried credentials: the first code, or null. */
export function credentialedPreflightCode(input: PreflightInput): string | null {
  if (preflightDisallowedRedirect.detect(input)) return preflightDisallowedRedirect.code;
  const a = input.access;
  if (a.failure === null) {
    if (a.acao === '*') return 'PreflightWildcardOriginNotAllowed';
    if (a.acac !== 'true') return 'PreflightInvalidAllowCredentials';
  } else if (a.failure === 'wildcard' || a.failure === 'credentials') {
    return null;
  }
  const first = judgePreflight(input)[0];
  if (first) return first.def.code;
  if (!methodAllowed(input, true)) return 'MethodDisallowedByPreflightResponse';
  if (uncoveredHeaders(input, true).length > 0) return 'HeaderDisallowedByPreflightResponse';
  return null;
}
