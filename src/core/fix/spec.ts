/**
 * Derives the FixSpec (origin, method, headers, credentials…) from an exchange and its verdict.
 * Prefers what the browser itself put on the wire (preflight Access-Control-Request-* headers, Origin)
 * over what we infer. Linear in the input, and every value in the spec is bounded (bounds.ts).
 */
import type { Exchange } from '../model/exchange';
import { joinedHeader } from '../http/headers';
import type { Verdict } from '../model/verdict';
import type { CutValue, FixOptions, FixSpec } from './types';
import { cut, cutMarker, MAX_LIST, MAX_URL, MAX_VALUE } from './bounds';
import { credentialsChoice } from './credentials';
import { isSerializedOrigin, originOf } from '../http/origin';
import { pathOf, pathPrefix } from '../http/url';

export const SUGGESTED_MAX_AGE = 600;

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

function finalUrl(exchange: Exchange): string {
  const last = exchange.redirects[exchange.redirects.length - 1];
  return last ? last.location : exchange.url;
}

function requestOrigin(exchange: Exchange, verdict: Verdict): string | null {
  if (verdict.tainted) return 'null';
  if (verdict.origin) return verdict.origin;
  const sent = joinedHeader(exchange.requestHeaders, 'origin')
    ?? joinedHeader(exchange.preflights[0]?.requestHeaders, 'origin');
  if (sent !== null) return sent.trim();
  if (exchange.initiator) return exchange.initiator;
  return exchange.documentUrl ? originOf(exchange.documentUrl) : null;
}

function splitNames(value: string): string[] {
  return value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0);
}

/** Request header names, and whether the sources were longer than what was read (see bounds.ts). */
interface HeaderNames {
  names: string[];
  /** Length of the longest source list when it was not read to its end, else 0. */
  truncated: number;
}

/** Source text read per list: enough to fill a snippet's list and see that it overflows. */
const READ_LIMIT = MAX_LIST + MAX_VALUE;
/** Reasons for a preflight read at most (one per unsafe header: more means a list no snippet takes). */
const MAX_WHYS = 256;

/**
 * Names of the CORS-unsafe request headers, from what the browser announced (Access-Control-Request-Headers)
 * and why the verdict says a preflight was needed. Never the response header a reason is about. Reads a
 * bounded prefix of each list: a megabyte of names costs no more than a few kilobytes.
 */
function unsafeHeaderNames(exchange: Exchange, verdict: Verdict): HeaderNames {
  const names = new Set<string>();
  let truncated = 0;
  const add = (value: string): void => {
    const head = value.length > READ_LIMIT ? value.slice(0, READ_LIMIT) : value;
    const items = splitNames(head);
    if (head.length < value.length) {
      truncated = Math.max(truncated, value.length);
      items.pop(); // the last item may be a cut name
    }
    for (const n of items) names.add(n);
  };
  for (const p of exchange.preflights) {
    const acrh = joinedHeader(p.requestHeaders, 'access-control-request-headers');
    if (acrh !== null) add(acrh);
  }
  const whys = verdict.preflight.why;
  for (let i = 0; i < whys.length; i++) {
    if (i === MAX_WHYS) {
      truncated = Math.max(truncated, MAX_LIST + 1);
      break;
    }
    const why = whys[i]!;
    if (why.kind === 'header' || why.kind === 'content-type' || why.kind === 'header-too-long' || why.kind === 'headers-total') add(why.subject);
  }
  return { names: [...names], truncated };
}

/** The method as the browser announced it in the preflight, else as sent. */
function requestMethod(exchange: Exchange): string {
  for (const p of exchange.preflights) {
    const acrm = joinedHeader(p.requestHeaders, 'access-control-request-method');
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

/** The header names that fit the bounds; when some do not, the last item is the cut marker. */
function boundedNames({ names, truncated }: HeaderNames, cuts: CutValue[]): string[] {
  let total = Math.max(0, names.length - 1) * 2;
  for (const n of names) total += n.length;
  if (truncated === 0 && total <= MAX_LIST && names.every((n) => n.length <= MAX_VALUE)) return names;
  const length = Math.max(total, truncated);
  cuts.push({ field: 'requestHeaders', length });
  const out: string[] = [];
  let used = 0;
  for (const n of names) {
    const name = cut(n, MAX_VALUE);
    if (used + name.length > MAX_LIST) break;
    out.push(name);
    used += name.length + 2;
  }
  out.push(cutMarker(length));
  return out;
}

function bounded(field: CutValue['field'], value: string, max: number, cuts: CutValue[]): string {
  if (value.length > max) cuts.push({ field, length: value.length });
  return cut(value, max);
}

export function buildSpec(exchange: Exchange, verdict: Verdict, options: FixOptions = {}): FixSpec {
  const cuts: CutValue[] = [];
  const rawOrigin = requestOrigin(exchange, verdict) ?? 'null';
  const rawMethod = requestMethod(exchange);
  const rawUrl = finalUrl(exchange);
  const origin = bounded('origin', rawOrigin, MAX_VALUE, cuts);
  const method = bounded('method', rawMethod, MAX_VALUE, cuts);
  const url = bounded('url', rawUrl, MAX_URL, cuts);
  const unsafe = unsafeHeaderNames(exchange, verdict);
  const requestHeaders = boundedNames(unsafe, cuts);
  const choice = credentialsChoice(exchange, verdict, options);
  const duplicate = verdict.reasons.some((r) => r.code === 'MultipleAllowOriginValues' || r.code === 'PreflightMultipleAllowOriginValues');
  const errorStatus = failingStatus(exchange, verdict);
  return {
    origin,
    originWellFormed: rawOrigin.length <= MAX_VALUE && isSerializedOrigin(rawOrigin),
    method,
    methodSafelisted: SAFELISTED_METHODS.has(rawMethod),
    requestHeaders,
    credentials: choice.credentials,
    credentialsBasis: choice.basis,
    credentialsEvidence: choice.evidence,
    credentialsCaptured: choice.captured,
    preflight: verdict.preflight.required || exchange.preflights.length > 0 || unsafe.names.length > 0 || unsafe.truncated > 0
      || !SAFELISTED_METHODS.has(rawMethod),
    maxAge: SUGGESTED_MAX_AGE,
    url,
    pathPrefix: pathPrefix(pathOf(rawUrl)),
    errorStatus,
    serverError: errorStatus !== null && errorStatus >= 500,
    duplicateAllowOrigin: duplicate,
    cut: cuts,
  };
}
