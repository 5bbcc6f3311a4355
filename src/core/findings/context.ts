/**
 * What every rule reads, derived once per entry: the steps the browser CORS-checked (each preflight, each
 * cross-origin redirect hop, the final response), with the Origin sent there, the response headers and
 * the reason codes the verdict puts at that step. Values quoted in texts are bounded here.
 */
import type { Exchange, Header } from '../model/exchange';
import type { CorsErrorCode, StepRef, Verdict } from '../model/verdict';
import type { FindingBrowser, FindingEntry, FindingEvidence } from './types';
import type { Msg } from '../i18n/msg';
import { sanitizeEntries } from '../model/sanitize';
import { exchangeSteps } from '../classify/steps';
import { firstHeader, joinedHeader } from '../http/headers';
import { corsResponseHeaders } from '../http/cors-headers';
import { endpointOf } from '../http/url';
import { cut } from '../fix/bounds';

/** Longest header value or URL quoted in a finding. */
const MAX_QUOTE = 200;
/** Evidence items kept per finding. */
export const MAX_EVIDENCE = 8;

export interface StepView {
  ref: StepRef;
  url: string;
  /** Origin + path of `url`, bounded. */
  endpoint: string;
  method: string;
  /** The Origin the browser sent at this step (`null` string once tainted), or null when unknown. */
  origin: string | null;
  headers: Header[];
  status: number;
  fromCache: boolean;
  /** Access-Control-Allow-Origin as the browser joins it, null when absent. */
  acao: string | null;
  /** Access-Control-Allow-Credentials exactly `true`. */
  credentialsAllowed: boolean;
  /** Reason codes the verdict puts at this step (empty when the step passed). */
  codes: CorsErrorCode[];
}

export interface EntryContext {
  id: string;
  exchange: Exchange;
  verdict: Verdict;
  /** The request went with credentials (seen or inferred). */
  credentialed: boolean;
  browser: FindingBrowser;
  preflights: StepView[];
  /** Cross-origin redirect hops and the final response, in order. */
  responses: StepView[];
  /** `preflights` then `responses`. */
  steps: StepView[];
}

const NO_CODES: CorsErrorCode[] = [];
/**
 * Step references shared by every context (a finding's evidence points at them; nothing changes them):
 * a log of thousands of exchanges needs no new object per step to say "the response" or "preflight 0".
 */
const RESPONSE_REF: StepRef = { kind: 'response' };
const PREFLIGHT_REFS: readonly StepRef[] = Array.from({ length: 16 }, (_, index) => ({ kind: 'preflight', index }));
const preflightRef = (index: number): StepRef => PREFLIGHT_REFS[index] ?? { kind: 'preflight', index };
const CORS_KINDS = new Set(['simple', 'preflighted', 'blocked']);

export const quote = (value: string): string => cut(value, MAX_QUOTE);

const endpoints = new Map<string, string>();
const ENDPOINT_CACHE = 4096;

/** Origin + path of a URL (no query, no fragment), bounded; memoised, since a log repeats its endpoints. */
export function endpointOfUrl(url: string): string {
  if (typeof url !== 'string') return '';
  const q = url.search(/[?#]/);
  const key = q < 0 ? url : url.slice(0, q);
  let hit = endpoints.get(key);
  if (hit === undefined) {
    hit = cut(endpointOf(key), MAX_QUOTE * 2);
    if (endpoints.size >= ENDPOINT_CACHE) endpoints.clear();
    if (key.length <= 2048) endpoints.set(key, hit);
  }
  return hit;
}

function sameStep(a: StepRef, b: StepRef): boolean {
  return a.kind === b.kind && (a.kind === 'response' || (b.kind !== 'response' && a.index === b.index));
}

function view(ref: StepRef, url: string, method: string, origin: string | null, headers: Header[], status: number, fromCache: boolean, verdict: Verdict): StepView {
  // Access-Control-Allow-Origin joined as the browser joins it, and -Credentials, in one pass over the headers.
  const cors = corsResponseHeaders(headers);
  return {
    ref,
    url,
    endpoint: endpointOfUrl(url),
    method,
    origin,
    headers,
    status,
    fromCache,
    acao: cors.acao,
    credentialsAllowed: cors.acac === 'true',
    codes: verdict.reasons.length === 0 ? NO_CODES : codesAt(verdict, ref),
  };
}

function codesAt(verdict: Verdict, ref: StepRef): CorsErrorCode[] {
  let out: CorsErrorCode[] | null = null;
  for (const r of verdict.reasons) if (sameStep(r.step, ref)) (out ??= []).push(r.code);
  return out ?? NO_CODES;
}

/**
 * The context of one entry, or null when CORS did not judge it (same-origin, no-cors, network error,
 * pending, inconclusive): findings rest only on exchanges the browser CORS-checked.
 */
function contextOf(exchange: Exchange, verdict: Verdict, browser: FindingBrowser | undefined): EntryContext | null {
  if (!CORS_KINDS.has(verdict.kind)) return null;
  const pageOrigin = verdict.tainted ? null : verdict.origin;
  const preflights: StepView[] = [];
  for (let index = 0; index < exchange.preflights.length; index++) {
    const p = exchange.preflights[index]!;
    if (!p.response) continue;
    preflights.push(view(preflightRef(index), p.url, 'OPTIONS', firstHeader(p.requestHeaders, 'origin') ?? verdict.origin, p.response.headers, p.response.status, p.response.fromCache === true, verdict));
  }
  const responses: StepView[] = [];
  if (exchange.redirects.length === 0) {
    // Without redirects the only step is the request itself (exchangeSteps's answer, without its work).
    const r = exchange.response;
    if (r) addResponse(responses, view(RESPONSE_REF, exchange.url, exchange.method, originSentAt(exchange, verdict, RESPONSE_REF), r.headers, r.status, r.fromCache === true, verdict), pageOrigin);
  } else {
    for (const step of exchangeSteps(exchange)) {
      if (!step.response) continue;
      addResponse(responses, view(step.ref, step.url, step.method, originSentAt(exchange, verdict, step.ref), step.response.headers, step.response.status, step.response.fromCache === true, verdict), pageOrigin);
    }
  }
  const mode = verdict.credentials.mode;
  const observed = exchange.observer.browser;
  return {
    id: exchange.id,
    exchange,
    verdict,
    credentialed: mode === 'include' || mode === 'inferred-include',
    browser: browser ?? (observed === 'firefox' ? 'firefox' : 'chromium'),
    preflights,
    responses,
    steps: preflights.length === 0 ? responses : preflights.concat(responses),
  };
}

/** A hop on the page's own origin is not CORS-checked: what it sends is not a CORS configuration. */
function addResponse(responses: StepView[], v: StepView, pageOrigin: string | null): void {
  if (pageOrigin !== null && pageOrigin !== 'null' && v.endpoint.startsWith(pageOrigin) && v.endpoint.charAt(pageOrigin.length) === '/') return;
  responses.push(v);
}

/**
 * The Origin the browser sent at a hop or the final response. Without redirects it is on the request; after
 * them only headers seen at that hop say it (the origin may have become null on the way): when they were not
 * seen, the verdict's origin holds if the chain never tainted it, and nothing is assumed otherwise.
 */
function originSentAt(exchange: Exchange, verdict: Verdict, ref: StepRef): string | null {
  if (exchange.redirects.length === 0 || (ref.kind === 'redirect' && ref.index === 0)) return firstHeader(exchange.requestHeaders, 'origin') ?? verdict.origin;
  const seen = ref.kind === 'response' ? exchange.finalRequestHeaders : ref.kind === 'redirect' ? exchange.redirects[ref.index]?.requestHeaders : undefined;
  const sent = firstHeader(seen, 'origin');
  if (sent !== null) return sent;
  if (!verdict.tainted) return verdict.origin;
  return ref.kind === 'response' ? 'null' : null;
}

/** The step echoes the Origin sent there: an explicit, matching Access-Control-Allow-Origin. */
export function echoes(step: StepView): boolean {
  return step.acao !== null && step.origin !== null && step.acao === step.origin && step.acao !== '*';
}

export function evidence(ctx: EntryContext, step: StepView, header: string, value: string | null, note?: Msg): FindingEvidence {
  const e: FindingEvidence = { exchangeId: ctx.id, step: step.ref, header, value: value === null ? null : quote(value) };
  if (note !== undefined) e.note = note;
  return e;
}

/** The items of a comma-separated header, trimmed, lower-cased. */
export function listItems(headers: readonly Header[], name: string): string[] {
  const value = joinedHeader(headers, name);
  if (value === null) return [];
  const out: string[] = [];
  for (const raw of value.slice(0, 8192).split(',')) {
    const item = raw.trim().toLowerCase();
    if (item) out.push(item);
  }
  return out;
}

/** The browser an options object names, or undefined (each exchange's observer decides then). */
function browserOption(options: unknown): FindingBrowser | undefined {
  const b = typeof options === 'object' && options !== null ? (options as { browser?: unknown }).browser : undefined;
  return b === 'chromium' || b === 'firefox' ? b : undefined;
}

/**
 * The contexts of a log's entries, for findings and cost alike: entries from storage, ports and files are
 * sanitised first, and anything CORS did not judge is left out.
 */
export function contextsOf(entries: readonly FindingEntry[], options: unknown): EntryContext[] {
  const browser = browserOption(options);
  const contexts: EntryContext[] = [];
  for (const e of sanitizeEntries(entries)) {
    const ctx = contextOf(e.exchange, e.verdict, browser);
    if (ctx) contexts.push(ctx);
  }
  return contexts;
}
