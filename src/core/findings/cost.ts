/**
 * Preflight cost per endpoint: how many preflights the page sent, how long it waited for them, what
 * Access-Control-Max-Age the server sent and what the browser made of it (Chromium caps it at 7200 s,
 * Firefox at 86400 s, absent means 5 s), and what a suitable Max-Age would have saved on this log.
 * Linear in the number of preflights, plus one sort per endpoint.
 */
import type { StepRef } from '../model/verdict';
import type { FindingBrowser, FindingEntry, FindingOptions } from './types';
import type { EntryContext, StepView } from './context';
import { contextsOf, endpointOfUrl, quote } from './context';
import { firstHeader, joinedHeader } from '../http/headers';
import { CHROMIUM_MAX_AGE_CAP, FIREFOX_MAX_AGE_CAP, preflightCacheSeconds } from '../classify/max-age';
import { SUGGESTED_MAX_AGE } from '../fix/spec';

/** What the browser did with the Max-Age it received. */
type MaxAgeTreatment = 'default' | 'as-sent' | 'capped' | 'not-cached';

interface PreflightRef {
  exchangeId: string;
  step: StepRef;
  /** The Access-Control-Max-Age received (bounded), null when absent. */
  maxAge: string | null;
}

export interface EndpointCost {
  /** Origin + path, no query. */
  endpoint: string;
  /** Preflights sent to it (failed ones included). */
  preflights: number;
  /** Exchanges those preflights belong to, each once. */
  exchangeIds: string[];
  /** Time the page waited for the preflights (end − start), over those with both times. */
  waited: { totalMs: number; medianMs: number | null; timed: number };
  maxAge: {
    /** The value of the latest successful preflight (the one the browser's cache keeps), null when absent. */
    sent: string | null;
    /** Distinct values seen (at most 5). */
    values: (string | null)[];
    browser: FindingBrowser;
    /** Seconds the browser keeps the latest successful preflight. */
    appliedSeconds: number;
    treatment: MaxAgeTreatment;
    /** The browser's cap in seconds. */
    cap: number;
  };
  /** The Max-Age the savings are computed for (the fix generator's value, within the cap). */
  suitableMaxAge: number;
  /** Preflights a cache with the suitable Max-Age would have avoided (same page origin, URL, method, headers, credentials) and their wait. */
  saved: { preflights: number; ms: number };
  /** The first preflights, for evidence (at most 8). */
  samples: PreflightRef[];
}

interface Shot {
  start: number;
  ms: number | null;
  ok: boolean;
  key: string;
}

interface Acc {
  endpoint: string;
  browser: FindingBrowser;
  shots: Shot[];
  exchangeIds: string[];
  values: (string | null)[];
  latestOk: { start: number; maxAge: string | null } | null;
  samples: PreflightRef[];
}

export function capOf(browser: FindingBrowser): number {
  return browser === 'firefox' ? FIREFOX_MAX_AGE_CAP : CHROMIUM_MAX_AGE_CAP;
}

function treatmentOf(maxAge: string | null, browser: FindingBrowser): MaxAgeTreatment {
  if (maxAge === null) return 'default';
  const seconds = preflightCacheSeconds(maxAge, browser);
  if (seconds === 0) return 'not-cached';
  const digits = /^[+]?[0-9]+$/.test(maxAge);
  if (!digits) return browser === 'firefox' ? 'not-cached' : 'default';
  return Number(maxAge) > capOf(browser) ? 'capped' : 'as-sent';
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The context's view of preflight `index`, undefined when it got no response. */
function viewOf(ctx: EntryContext, index: number): StepView | undefined {
  for (const s of ctx.preflights) if (s.ref.kind === 'preflight' && s.ref.index === index) return s;
  return undefined;
}

/** Cost per endpoint from already built contexts (findings use this; `preflightCost` is the public door). */
export function costOf(contexts: readonly EntryContext[]): EndpointCost[] {
  const byEndpoint = new Map<string, Acc>();
  for (const ctx of contexts) {
    const preflights = ctx.exchange.preflights;
    for (let index = 0; index < preflights.length; index++) {
      const p = preflights[index]!;
      const view = viewOf(ctx, index);
      const endpoint = view?.endpoint ?? endpointOfUrl(p.url);
      let acc = byEndpoint.get(endpoint);
      if (!acc) byEndpoint.set(endpoint, (acc = { endpoint, browser: ctx.browser, shots: [], exchangeIds: [], values: [], latestOk: null, samples: [] }));
      const ms = typeof p.end === 'number' && p.end >= p.start ? p.end - p.start : null;
      const ok = view !== undefined && view.codes.length === 0 && view.status >= 200 && view.status < 300;
      const raw = view ? joinedHeader(view.headers, 'access-control-max-age') : null;
      const maxAge = raw === null ? null : quote(raw);
      const sent = p.requestHeaders;
      const key = `${firstHeader(sent, 'origin') ?? ctx.verdict.origin ?? ''}\n${p.url.split('#', 1)[0]}\n${ctx.credentialed ? 'c' : ''}\n${
        firstHeader(sent, 'access-control-request-method') ?? ''}\n${(firstHeader(sent, 'access-control-request-headers') ?? '').toLowerCase()}`;
      acc.shots.push({ start: p.start, ms, ok, key });
      if (acc.exchangeIds[acc.exchangeIds.length - 1] !== ctx.id) acc.exchangeIds.push(ctx.id);
      if (acc.values.length < 5 && !acc.values.includes(maxAge)) acc.values.push(maxAge);
      if (ok && (acc.latestOk === null || p.start >= acc.latestOk.start)) acc.latestOk = { start: p.start, maxAge };
      if (acc.samples.length < 8) acc.samples.push({ exchangeId: ctx.id, step: { kind: 'preflight', index }, maxAge });
    }
  }
  const out: EndpointCost[] = [];
  for (const acc of byEndpoint.values()) out.push(finish(acc));
  return out;
}

function finish(acc: Acc): EndpointCost {
  const durations = acc.shots.map((s) => s.ms).filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
  let total = 0;
  for (const d of durations) total += d;
  const cap = capOf(acc.browser);
  const sent = acc.latestOk?.maxAge ?? null;
  const applied = preflightCacheSeconds(sent, acc.browser);
  const suitable = Math.min(SUGGESTED_MAX_AGE, cap);
  const saved = { preflights: 0, ms: 0 };
  // The Max-Age sent is already suitable: repeated preflights have another cause (a disabled cache…).
  if (applied < suitable) {
    const ttl = suitable * 1000;
    const byKey = new Map<string, Shot[]>();
    for (const s of acc.shots) {
      if (!s.ok) continue;
      const list = byKey.get(s.key);
      if (list) list.push(s);
      else byKey.set(s.key, [s]);
    }
    for (const list of byKey.values()) {
      list.sort((a, b) => a.start - b.start);
      let kept = -Infinity;
      for (const s of list) {
        if (s.start - kept < ttl) {
          saved.preflights++;
          saved.ms += s.ms ?? 0;
        } else kept = s.start;
      }
    }
  }
  return {
    endpoint: acc.endpoint,
    preflights: acc.shots.length,
    exchangeIds: acc.exchangeIds,
    waited: { totalMs: total, medianMs: median(durations), timed: durations.length },
    maxAge: { sent, values: acc.values, browser: acc.browser, appliedSeconds: applied, treatment: treatmentOf(sent, acc.browser), cap },
    suitableMaxAge: suitable,
    saved,
    samples: acc.samples,
  };
}

/**
 * Preflight cost per endpoint of a log, most waited-for first. Total: entries from storage, ports and
 * files are sanitised first; anything CORS did not judge is left out.
 */
export function preflightCost(entries: readonly FindingEntry[], options: FindingOptions = {}): EndpointCost[] {
  try {
    return costOf(contextsOf(entries, options)).sort((a, b) => b.waited.totalMs - a.waited.totalMs || b.preflights - a.preflights);
  } catch {
    return [];
  }
}


/** What a log's preflights cost in all: the sums over its endpoints. */
export interface CostTotals {
  preflights: number;
  waitedMs: number;
  saved: { preflights: number; ms: number };
}

export function costTotals(cost: readonly EndpointCost[]): CostTotals {
  const out: CostTotals = { preflights: 0, waitedMs: 0, saved: { preflights: 0, ms: 0 } };
  for (const c of cost) {
    out.preflights += c.preflights;
    out.waitedMs += c.waited.totalMs;
    out.saved.preflights += c.saved.preflights;
    out.saved.ms += c.saved.ms;
  }
  return out;
}
