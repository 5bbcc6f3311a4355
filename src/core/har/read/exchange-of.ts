/** Turns a chain of request entries and its preflights into the core's `Exchange`. */
import type { Exchange, Header, Observer, PreflightRecord, RedirectHop, ResponseRecord } from '../../model/exchange';
import type { Chain } from './chain';
import type { ParsedEntry } from './parse-entry';
import { fromHarResourceType, isResourceType } from '../resource-type';
import { literalOriginOf } from '../../http/origin';
import { resolveUrl } from '../../http/url';

export interface ReadContext {
  /** Observer for entries that do not carry their own (`_cors.observer`). */
  observer: Observer;
  /** Page URL per HAR page id. */
  pageUrls: Map<string, string>;
}

const header = (headers: readonly Header[], name: string): string | undefined =>
  headers.find((h) => h.name.toLowerCase() === name)?.value;

function responseOf(e: ParsedEntry): ResponseRecord | undefined {
  if (e.status <= 0 && e.responseHeaders.length === 0) return undefined;
  const r: ResponseRecord = { status: e.status, headers: e.responseHeaders };
  if (e.statusText !== '') r.statusText = e.statusText;
  if (e.ip !== undefined) r.ip = e.ip;
  if (e.fromCache) r.fromCache = true;
  if (e.headersAt !== undefined) r.time = e.headersAt;
  return r;
}

function initiatorOf(first: ParsedEntry, ctx: ReadContext): string | undefined {
  if (typeof first.cors?.initiator === 'string') return first.cors.initiator;
  const origin = header(first.requestHeaders, 'origin')?.trim();
  if (origin) return origin === 'null' ? 'null' : literalOriginOf(origin) ?? origin;
  const page = first.pageref !== undefined ? ctx.pageUrls.get(first.pageref) : undefined;
  const fromPage = page !== undefined ? literalOriginOf(page) : null;
  if (fromPage) return fromPage;
  const referer = header(first.requestHeaders, 'referer');
  return (referer !== undefined ? literalOriginOf(referer) : null) ?? undefined;
}

function observerOf(first: ParsedEntry, ctx: ReadContext): Observer {
  const o = first.cors?.observer;
  if (o && typeof o === 'object' && typeof o.preflightsVisible === 'boolean' && typeof o.fullRequestHeaders === 'boolean') {
    const browser = o.browser === 'chromium' || o.browser === 'firefox' ? o.browser : 'unknown';
    return { browser, preflightsVisible: o.preflightsVisible, fullRequestHeaders: o.fullRequestHeaders, source: 'har' };
  }
  return ctx.observer;
}

/** Whether the last entry of a chain is a redirect the browser tried to follow and failed on. */
function lastIsRedirect(last: ParsedEntry): boolean {
  if (last.cors?.step === 'redirect') return true;
  if (last.cors?.step === 'response') return false;
  const location = last.redirectURL || header(last.responseHeaders, 'location') || '';
  return last.error !== undefined && last.status >= 300 && last.status < 400 && location !== '';
}

function hopOf(e: ParsedEntry, next: ParsedEntry | undefined): RedirectHop {
  const loc = e.redirectURL || header(e.responseHeaders, 'location') || '';
  const hop: RedirectHop = {
    url: e.url,
    response: responseOf(e) ?? { status: e.status, headers: e.responseHeaders },
    location: loc === '' ? '' : resolveUrl(loc, e.url),
    time: next?.start ?? e.end,
  };
  if (e.requestHeaders.length > 0) hop.requestHeaders = e.requestHeaders;
  return hop;
}

/**
 * DevTools records a redirect the browser did not follow (fetch's `redirect: "manual"`) as one more hop
 * that never left the browser: aborted, status 0, nothing received, and only provisional request headers
 * (no `Host`: raw headers always have it). webRequest shows the same as a 3xx then `ERR_ABORTED` before
 * the next hop sends anything; both are read as a redirect not followed.
 */
function abandonedAfterRedirect(steps: readonly ParsedEntry[]): boolean {
  const last = steps.at(-1)!;
  const before = steps.at(-2);
  return before !== undefined && before.status >= 300 && before.status < 400 && last.status === 0
    && last.error !== undefined && /ABORTED/.test(last.error) && last.responseHeaders.length === 0
    && header(last.requestHeaders, 'host') === undefined;
}

function preflightOf(p: ParsedEntry): PreflightRecord {
  const rec: PreflightRecord = {
    id: typeof p.cors?.id === 'string' ? p.cors.id : `har-${p.index}`,
    url: p.url,
    requestHeaders: p.requestHeaders,
    start: p.start,
    end: p.end,
  };
  const response = responseOf(p);
  if (response) rec.response = response;
  if (p.error !== undefined) rec.error = p.error;
  return rec;
}

function failed(error: string, corsError: unknown): Exchange['outcome'] {
  return typeof corsError === 'string' ? { state: 'failed', error, corsError } : { state: 'failed', error };
}

export function exchangeOf(chain: Chain, preflights: ParsedEntry[], ctx: ReadContext): Exchange {
  const steps = chain.steps;
  const first = steps[0]!;
  const last = steps.at(-1)!;
  const unfollowed = abandonedAfterRedirect(steps);
  const hopCount = lastIsRedirect(last) ? steps.length : steps.length - 1;
  const redirects = steps.slice(0, hopCount).map((s, i) => hopOf(s, unfollowed && i === hopCount - 1 ? undefined : steps[i + 1]));
  // A chain that ends on a redirect which failed, or whose next hop never left the browser: the Location
  // was not requested (a refused redirect, or fetch's redirect: "manual").
  if ((hopCount === steps.length && last.error !== undefined) || unfollowed) redirects.at(-1)!.followed = false;
  const final = hopCount < steps.length && !unfollowed ? last : undefined;
  const response = final ? responseOf(final) : undefined;
  const type = first.cors?.type;
  const x: Exchange = {
    id: chain.id ?? `har-${first.index}`,
    type: isResourceType(type) ? type : fromHarResourceType(first.resourceType, header(first.requestHeaders, 'sec-fetch-dest')),
    method: first.method,
    url: first.url,
    requestHeaders: first.requestHeaders,
    redirects,
    preflights: preflights.map(preflightOf),
    outcome: last.error !== undefined
      ? failed(last.error, first.cors?.browserCorsError)
      : final && final.status > 0 ? { state: 'completed', status: final.status } : { state: 'pending' },
    timings: { start: first.start },
    observer: observerOf(first, ctx),
  };
  if (x.outcome.state !== 'pending') x.timings.end = last.end;
  if (response) x.response = response;
  const initiator = initiatorOf(first, ctx);
  if (initiator !== undefined) x.initiator = initiator;
  const page = first.pageref !== undefined ? ctx.pageUrls.get(first.pageref) : undefined;
  if (page !== undefined && literalOriginOf(page)) x.documentUrl = page;
  return x;
}
