/**
 * The HAR entries of one exchange: one per preflight, one per redirect hop, one for the final
 * request (unless the exchange died on a redirect hop), each carrying the `_cors` block.
 */
import type { Exchange, Header, ResponseRecord } from '../../model/exchange';
import type { StepRef, Verdict } from '../../model/verdict';
import { firstHeader } from '../../http/headers';
import { neverSent } from '../../classify/sent';
import { preflightBlock, requestBlock } from './cors-block';
import { requestCookies, responseCookies } from './cookies';
import { redactHeaders } from './redact';
import { entryFindings, type ReportLens } from './findings';
import { EN } from '../../i18n/catalogues';
import type { Words } from '../../i18n/words';
import { toChromeResourceType } from '../resource-type';
import { harTimings, isoTime } from './timing';
import type { HarCors, HarEntry, HarInitiator, HarResponse } from '../types';
import { queryStringOf, resolveUrl, withoutFragment } from '../../http/url';

interface Step {
  method: string;
  url: string;
  requestHeaders: Header[];
  response?: ResponseRecord;
  redirectURL: string;
  error?: string;
  start: number;
  end: number;
  resourceType: string;
  initiator: HarInitiator;
  cors: HarCors;
  ref: StepRef;
}

function locationOf(url: string, response: ResponseRecord | undefined): string {
  const loc = response ? firstHeader(response.headers, 'location') : null;
  return loc === null ? '' : resolveUrl(loc, url);
}

/** The exchange ended on its last redirect hop (refused, or failed CORS): no request was made to the Location. */
function endsOnRedirect(x: Exchange, v: Verdict): boolean {
  const last = x.redirects.length - 1;
  if (last < 0 || x.response || x.outcome.state !== 'failed') return false;
  if (x.redirects[last]!.followed === false) return true;
  const step = v.reasons[0]?.step;
  return step?.kind === 'redirect' && step.index === last;
}

function requestSteps(x: Exchange, v: Verdict, w: Words): Step[] {
  const type = toChromeResourceType(x.type);
  const steps: Step[] = [];
  let start = x.timings.start;
  const cutAtRedirect = endsOnRedirect(x, v);
  x.redirects.forEach((hop, i) => {
    const isLast = cutAtRedirect && i === x.redirects.length - 1;
    steps.push({
      method: x.method,
      url: hop.url,
      requestHeaders: i === 0 ? x.requestHeaders : hop.requestHeaders ?? [],
      response: hop.response,
      redirectURL: hop.location,
      ...(isLast && x.outcome.state === 'failed' ? { error: x.outcome.error } : {}),
      start,
      end: hop.time,
      resourceType: type,
      initiator: { type: 'other' },
      cors: requestBlock(x, v, i, 'redirect', w),
      ref: { kind: 'redirect', index: i },
    });
    start = hop.time;
  });
  if (!cutAtRedirect) {
    const url = x.redirects.at(-1)?.location ?? x.url;
    steps.push({
      method: x.method,
      url,
      requestHeaders: x.redirects.length === 0 ? x.requestHeaders : [],
      response: x.response,
      redirectURL: locationOf(url, x.response),
      ...(x.outcome.state === 'failed' ? { error: x.outcome.error } : {}),
      start,
      end: x.timings.end ?? x.response?.time ?? start,
      resourceType: type,
      initiator: { type: 'other' },
      cors: neverSent(x, v) ? { ...requestBlock(x, v, x.redirects.length, 'response', w), sent: false } : requestBlock(x, v, x.redirects.length, 'response', w),
      ref: { kind: 'response' },
    });
  }
  return steps;
}

function preflightSteps(x: Exchange, v: Verdict, w: Words): Step[] {
  return x.preflights.map((p, i) => ({
    method: 'OPTIONS',
    url: p.url,
    requestHeaders: p.requestHeaders,
    response: p.response,
    redirectURL: locationOf(p.url, p.response),
    ...(p.error !== undefined ? { error: p.error } : {}),
    start: p.start,
    end: p.end ?? p.response?.time ?? p.start,
    resourceType: 'preflight',
    initiator: { type: 'preflight', url: withoutFragment(p.url), requestId: x.id },
    cors: preflightBlock(x, v, i, w),
    ref: { kind: 'preflight', index: i },
  }));
}

function mimeTypeOf(response: ResponseRecord | undefined): string {
  const ct = response ? firstHeader(response.headers, 'content-type') : null;
  return ct?.trim() || 'x-unknown';
}

function harResponse(step: Step, includeSensitive: boolean): HarResponse {
  const r = step.response;
  const headers = r ? r.headers : [];
  const out: HarResponse = {
    status: r?.status ?? 0,
    statusText: r?.statusText ?? '',
    httpVersion: '',
    cookies: responseCookies(headers, includeSensitive),
    headers: redactHeaders(headers, includeSensitive),
    content: { size: 0, mimeType: mimeTypeOf(r) },
    redirectURL: step.redirectURL,
    headersSize: -1,
    bodySize: -1,
  };
  if (step.error !== undefined) out._error = step.error;
  return out;
}

function toEntry(step: Step, pageref: string | undefined, includeSensitive: boolean): HarEntry {
  const { time, timings } = harTimings(step.start, step.response?.time, step.end);
  const url = withoutFragment(step.url);
  const entry: HarEntry = {
    startedDateTime: isoTime(step.start),
    time,
    request: {
      method: step.method,
      url,
      httpVersion: '',
      cookies: requestCookies(step.requestHeaders, includeSensitive),
      headers: redactHeaders(step.requestHeaders, includeSensitive),
      queryString: queryStringOf(url),
      headersSize: -1,
      bodySize: -1,
    },
    response: harResponse(step, includeSensitive),
    cache: {},
    timings,
    _resourceType: step.resourceType,
    _initiator: step.initiator,
    _cors: step.cors,
  };
  if (pageref !== undefined) entry.pageref = pageref;
  if (step.response?.ip) entry.serverIPAddress = step.response.ip;
  if (step.response?.fromCache) entry._fromCache = 'disk';
  return entry;
}

/**
 * Entries of one exchange in the order they started (the request, then its preflight, then later hops);
 * their sentences in the language of `w` (the lens's, English without one).
 */
export function exchangeEntries(x: Exchange, v: Verdict, pageref: string | undefined, includeSensitive: boolean, lens?: ReportLens): HarEntry[] {
  const w = lens?.words ?? EN;
  const requests = requestSteps(x, v, w);
  const steps = [...requests, ...preflightSteps(x, v, w)];
  if (lens) {
    const last = requests.at(-1);
    for (const s of steps) {
      const found = entryFindings(lens, x, s.ref, s === last);
      if (found) s.cors = { ...s.cors, findings: found };
    }
  }
  // Stable: ties keep requests before their preflight, as the browser issues them.
  steps.sort((a, b) => a.start - b.start);
  return steps.map((s) => toEntry(s, pageref, includeSensitive));
}
