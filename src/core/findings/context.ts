/**
 * What every rule reads, derived once per entry: the steps the browser CORS-checked (each preflight, each
 * cross-origin redirect hop, the final response), with the Origin sent there, the response headers and
 * the reason codes the verdict puts at that step. Values quoted in texts are bounded here.
 */
import type { Exchange, Header } from '../model/exchange';
import type { CorsErrorCode, StepRef, Verdict } from '../model/verdict';
import type { FindingBrowser, FindingEvidence } from './types';
import { exchangeSteps } from '../classify/steps';
import { firstHeader, joinedHeader } from '../http/headers';
import { originOf } from '../http/origin';
import { endpointOf } from '../http/url';
import { cut } from '../fix/bounds';

/** Longest header value or URL quoted in a finding. */
export const MAX_QUOTE = 200;
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
}

const CORS_KINDS = new Set(['simple', 'preflighted', 'blocked']);

export const quote = (value: string): string => cut(value, MAX_QUOTE);

export function endpointOfUrl(url: string): string {
  return cut(endpointOf(url), MAX_QUOTE * 2);
}

function sameStep(a: StepRef, b: StepRef): boolean {
  return a.kind === b.kind && (a.kind === 'response' || (b.kind !== 'response' && a.index === b.index));
}

function view(ref: StepRef, url: string, method: string, origin: string | null, headers: Header[], status: number, fromCache: boolean, verdict: Verdict): StepView {
  return {
    ref,
    url,
    endpoint: endpointOfUrl(url),
    method,
    origin,
    headers,
    status,
    fromCache,
    acao: joinedHeader(headers, 'access-control-allow-origin'),
    credentialsAllowed: joinedHeader(headers, 'access-control-allow-credentials') === 'true',
    codes: verdict.reasons.filter((r) => sameStep(r.step, ref)).map((r) => r.code),
  };
}

/**
 * The context of one entry, or null when CORS did not judge it (same-origin, no-cors, network error,
 * pending, inconclusive): findings rest only on exchanges the browser CORS-checked.
 */
export function contextOf(exchange: Exchange, verdict: Verdict, browser: FindingBrowser | undefined): EntryContext | null {
  if (!CORS_KINDS.has(verdict.kind)) return null;
  const pageOrigin = verdict.tainted ? null : verdict.origin;
  const sentOrigin = (headers: readonly Header[] | undefined): string | null => firstHeader(headers, 'origin') ?? verdict.origin;
  const preflights: StepView[] = [];
  exchange.preflights.forEach((p, index) => {
    if (!p.response) return;
    preflights.push(view({ kind: 'preflight', index }, p.url, 'OPTIONS', sentOrigin(p.requestHeaders), p.response.headers, p.response.status, p.response.fromCache === true, verdict));
  });
  const responses: StepView[] = [];
  for (const step of exchangeSteps(exchange)) {
    if (!step.response) continue;
    // A hop on the page's own origin is not CORS-checked: what it sends is not a CORS configuration.
    if (pageOrigin !== null && pageOrigin !== 'null' && originOf(step.url) === pageOrigin) continue;
    responses.push(view(step.ref, step.url, step.method, sentOrigin(step.requestHeaders), step.response.headers, step.response.status, step.response.fromCache === true, verdict));
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
  };
}

/** Every CORS-checked step of the entry: preflights first, then hops and the final response. */
export const stepsOf = (ctx: EntryContext): StepView[] => [...ctx.preflights, ...ctx.responses];

/** The step echoes the Origin sent there: an explicit, matching Access-Control-Allow-Origin. */
export function echoes(step: StepView): boolean {
  return step.acao !== null && step.origin !== null && step.acao === step.origin && step.acao !== '*';
}

export function evidence(ctx: EntryContext, step: StepView, header: string, value: string | null, note?: string): FindingEvidence {
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
