/**
 * Judge one observed preflight against the real request, in Chromium's order (Fetch §4.8 CORS-preflight
 * fetch; services/network/cors/preflight_controller.cc CheckPreflightAccess, preflight_result.cc).
 */
import type { PreflightRecord } from '../../model/exchange';
import type { StepRef } from '../../model/verdict';
import type { PreflightNeed } from './need';
import { requestFacts, responseFacts } from '../header-facts';
import { tokenListOf } from '../../http/tokens';
import { perValue } from '../../http/per-value';
import { accessInput } from '../../reasons/access-rules';
import { methodAllowed, uncoveredHeaders, type PreflightInput } from '../../reasons/preflight-rules';
import { firstMatch, preflightDisallowedRedirect, PREFLIGHT_ACCESS_REASONS, PREFLIGHT_LATER_REASONS, type Failure } from '../../reasons';

/** The names of an Access-Control-Request-Headers value, lower-cased, remembered per value (read only). */
const announcedNames = perValue<readonly string[]>(lowerItems);

/** Access-Control-Request-Method / -Headers the browser put on the preflight (authoritative). */
export function observedRequest(pre: PreflightRecord): { method: string | null; headers: readonly string[] | null } {
  const facts = requestFacts(pre.requestHeaders);
  const acrh = facts.acrh;
  return { method: facts.acrm, headers: acrh === null ? null : announcedNames(acrh) };
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

/**
 * Unsafe names to check: the preflight's list when seen, ordered as the request sent them (the request's
 * names the preflight announced, then the announced names the request's list did not show).
 */
function unsafeNamesFor(need: PreflightNeed, observed: readonly string[] | null): readonly string[] {
  const requested = need.unsafeHeaders;
  if (observed === null || sameItems(requested, observed)) return requested;
  const out: string[] = [];
  // Indexed loops: the request's list may be the frozen one of a need without names (need.ts), and V8
  // does not inline for…of over a frozen array.
  for (let i = 0; i < requested.length; i++) if (observed.includes(requested[i]!)) out.push(requested[i]!);
  const inRequest = out.length;
  for (let j = 0; j < observed.length; j++) {
    const name = observed[j]!;
    let seen = false;
    for (let i = 0; i < inRequest && !seen; i++) seen = out[i] === name;
    if (!seen) out.push(name);
  }
  return out;
}

/** The usual case: the preflight announced exactly the request's unsafe names, in the same order. */
function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function buildPreflightInput(
  observed: { method: string | null; headers: readonly string[] | null },
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
    methods: tokenListOf(acam),
    headers: tokenListOf(acah),
    method: observed.method ?? method,
    unsafeHeaders: unsafeNamesFor(need, observed.headers),
  };
}

/** Every failing preflight check in order (first = what Chromium reports); [] when it passes. */
export function judgePreflight(input: PreflightInput): Failure[] {
  const redirect = preflightDisallowedRedirect.detect(input);
  if (redirect) return [{ def: preflightDisallowedRedirect as unknown as Failure['def'], evidence: redirect }];
  const out: Failure[] = [];
  // Each reason of the group detects exactly its `failure` kind: a passing check needs no walk over them.
  const access = input.access.failure === null ? null : firstMatch(PREFLIGHT_ACCESS_REASONS, input);
  if (access) out.push(access);
  for (const def of PREFLIGHT_LATER_REASONS) {
    const evidence = def.detect(input);
    if (evidence) out.push({ def: def as unknown as Failure['def'], evidence });
  }
  return out;
}

/**
 * The same preflight (judged without credentials) judged as if the request carried them: the first code,
 * or null. Most answers come from its ACAO/ACAC alone; the input is copied with credentials only when not.
 */
export function credentialedPreflightCode(uncredentialed: PreflightInput): string | null {
  if (preflightDisallowedRedirect.detect(uncredentialed)) return preflightDisallowedRedirect.code;
  const a = uncredentialed.access;
  if (a.failure === null) {
    if (a.acao === '*') return 'PreflightWildcardOriginNotAllowed';
    if (a.acac !== 'true') return 'PreflightInvalidAllowCredentials';
  } else if (a.failure === 'wildcard' || a.failure === 'credentials') {
    return null;
  }
  const input: PreflightInput = { ...uncredentialed, credentialed: true };
  const first = judgePreflight(input)[0];
  if (first) return first.def.code;
  if (!methodAllowed(input, true)) return 'MethodDisallowedByPreflightResponse';
  if (uncoveredHeaders(input, true).length > 0) return 'HeaderDisallowedByPreflightResponse';
  return null;
}
