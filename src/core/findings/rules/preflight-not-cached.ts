import type { LogRule } from '../rule';
import { PAGES } from '../rule';
import type { Detection } from '../types';
import { fill } from '../render';

/** Saved preflights from which a repeated preflight is a finding ("again and again"). */
const MIN_SAVED = 2;

const TREATMENT: Record<string, string> = {
  default: 'the browser keeps a preflight 5 s by default',
  'not-cached': 'the browser does not cache the preflight at all',
  'as-sent': 'the browser keeps the preflight {applied} s',
  capped: 'the browser caps it',
};

/** The same request shape preflighted again and again because Max-Age is absent or tiny. */
export const preflightNotCached: LogRule = {
  id: 'preflight-not-cached',
  scope: 'log',
  texts: {
    title: 'Preflight repeated: no or tiny Max-Age',
    summary: {
      default: '{endpoint} was preflighted {count} times ({totalMs} ms of waiting) with Access-Control-Max-Age: {maxAge} ({treatment}); a Max-Age of {suitable} s would have saved {saved} preflights ({savedMs} ms) on this page.',
      absent: '{endpoint} was preflighted {count} times ({totalMs} ms of waiting) without Access-Control-Max-Age ({treatment}); a Max-Age of {suitable} s would have saved {saved} preflights ({savedMs} ms) on this page.',
    },
    why: {
      default: 'Each preflight is a full round trip the page waits for before the real request is sent: the same answer is fetched again and again.',
    },
    fix: {
      default: 'Send Access-Control-Max-Age: {suitable} on the preflight response (Chromium keeps at most 7200 s, Firefox 86400 s).',
    },
  },
  learnMore: [PAGES.mdnMaxAge, PAGES.mdnCors],
  detectLog({ cost }) {
    const out: Detection[] = [];
    for (const c of cost()) {
      if (c.saved.preflights < MIN_SAVED || c.maxAge.appliedSeconds >= c.suitableMaxAge) continue;
      out.push({
        severity: 'low',
        variant: c.maxAge.sent === null ? 'absent' : 'default',
        endpoint: c.endpoint,
        exchangeIds: [...c.exchangeIds],
        evidence: c.samples.map((s) => ({ exchangeId: s.exchangeId, step: s.step, header: 'Access-Control-Max-Age', value: s.maxAge })),
        params: {
          endpoint: c.endpoint,
          count: c.preflights,
          totalMs: Math.round(c.waited.totalMs),
          medianMs: Math.round(c.waited.medianMs ?? 0),
          maxAge: c.maxAge.sent ?? '',
          treatment: fill(TREATMENT[c.maxAge.treatment] ?? '', { applied: c.maxAge.appliedSeconds }),
          applied: c.maxAge.appliedSeconds,
          suitable: c.suitableMaxAge,
          saved: c.saved.preflights,
          savedMs: Math.round(c.saved.ms),
        },
      });
    }
    return out;
  },
};
