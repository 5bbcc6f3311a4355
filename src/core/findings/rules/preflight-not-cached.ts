import type { LogRule } from '../rule';
import { PAGES } from '../rule';
import type { Detection } from '../types';
import { fm } from '../messages';

/** Saved preflights from which a repeated preflight is a finding ("again and again"). */
const MIN_SAVED = 2;

/** The same request shape preflighted again and again because Max-Age is absent or tiny. */
export const preflightNotCached: LogRule = {
  id: 'preflight-not-cached',
  scope: 'log',
  texts: {
    summary: ['default', 'absent'],
    why: ['default'],
    fix: ['default'],
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
          total_ms: Math.round(c.waited.totalMs),
          median_ms: Math.round(c.waited.medianMs ?? 0),
          max_age: c.maxAge.sent ?? '',
          treatment: fm(`preflight_not_cached_treatment_${c.maxAge.treatment.replace(/-/g, '_')}`, { applied: c.maxAge.appliedSeconds }),
          applied: c.maxAge.appliedSeconds,
          suitable: c.suitableMaxAge,
          suitable_header: String(c.suitableMaxAge),
          saved: c.saved.preflights,
          saved_ms: Math.round(c.saved.ms),
        },
      });
    }
    return out;
  },
};
