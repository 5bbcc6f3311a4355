/**
 * Derives the FixSpec (origin, method, headers, credentials…) from an exchange and its verdict.
 * Prefers what the browser itself put on the wire (preflight Access-Control-Request-* headers, Origin)
 * over what we infer.
 */
import type { Exchange } from '../model';
import { joinedHeader } from '../headers';
import type { Verdict } from '../verdict';
import type { FixSpec } from './types';
import { isSerializedOrigin, originOf, pathOf, pathPrefix } from './url';

export const SUGGESTED_MAX_AGE = 600;

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** The header's value as the browser joins it (", "), or null when absent. */
export const headerValue = joinedHeader;

function finalUrl(exchange: Exchange): string {
  const last = exchange.redirects[exchange.redirects.length - 1];
  return last ? last.location : exchange.url;
}

function requestOrigin(exchange: Exchange, verdict: Verdict): string | null {
  if (verdict.tainted) return 'null';
  if (verdict.origin) return verdict.origin;
  const sent = headerValue(exchange.requestHeaders, 'origin')
    ?? headerValue(exchange.preflights[0]?.requestHeaders, 'origin');
  if (sent !== null) return sent.trim();
  if (exchange.initiator) return exchange.initiator;
  return exchange.documentUrl ? originOf(exchange.documentUrl) : null;
}

function splitNames(value: string): string[] {
  return value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0);
}

function unsafeHeaderNames(exchange: Exchange, verdict: Verdict): string[] {
  const names: string[] = [];
  const add = (n: string): void => {
    if (!names.includes(n)) names.push(n);
  };
  for (const p of exchange.preflights) {
    const acrh = headerValue(p.requestHeaders, 'access-control-request-headers');
    if (acrh !== null) splitNames(acrh).forEach(add);
  }
  for (const why of verdict.preflight.why) {
    if (why.kind === 'header' || why.kind === 'content-type' || why.kind === 'header-too-long' || why.kind === 'headers-total') {
      splitNames(why.subject).forEach(add);
    }
  }
  for (const r of verdict.reasons) {
    if (r.code === 'HeaderDisallowedByPreflightResponse' && r.received === null && r.header) add(r.header.toLowerCase());
  }
  return names;
}

function requestMethod(exchange: Exchange): string {
  for (const p of exchange.preflights) {
    const acrm = headerValue(p.requestHeaders, 'access-control-request-method');
    if (acrm !== null && acrm.trim()) return acrm.trim();
  }
  return exchange.method;
}

function failingStatus(exchange: Exchange, verdict: Verdict): number | null {
  const first = verdict.reasons[0];
  let status: number | null = verdict.status;
  if (first?.step.kind === 'preflight') status = exchange.preflights[first.step.index]?.response?.status ?? status;
  else if (first?.step.kind === 'redirect') status = exchange.redirects[first.step.index]?.response.status ?? status;
  else if (first?.step.kind === 'response') status = exchange.response?.status ?? status;
  return status !== null && status >= 400 ? status : null;
}

export function buildSpec(exchange: Exchange, verdict: Verdict): FixSpec {
  const origin = requestOrigin(exchange, verdict) ?? 'null';
  const method = requestMethod(exchange);
  const requestHeaders = unsafeHeaderNames(exchange, verdict);
  const credentials = verdict.credentials.mode === 'include' || verdict.credentials.mode === 'inferred-include';
  const url = finalUrl(exchange);
  const duplicate = verdict.reasons.some((r) => r.code === 'MultipleAllowOriginValues' || r.code === 'PreflightMultipleAllowOriginValues');
  return {
    origin,
    originWellFormed: isSerializedOrigin(origin),
    method,
    methodSafelisted: SAFELISTED_METHODS.has(method),
    requestHeaders,
    credentials,
    preflight: verdict.preflight.required || exchange.preflights.length > 0 || requestHeaders.length > 0 || !SAFELISTED_METHODS.has(method),
    maxAge: SUGGESTED_MAX_AGE,
    url,
    pathPrefix: pathPrefix(pathOf(url)),
    errorStatus: failingStatus(exchange, verdict),
    duplicateAllowOrigin: duplicate,
  };
}
