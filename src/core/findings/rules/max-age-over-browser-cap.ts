import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { evidence } from '../context';
import { capOf } from '../cost';
import { joinedHeader } from '../../http/headers';
import type { Detection } from '../types';

const BROWSER_NAME = { chromium: 'Chromium', firefox: 'Firefox' } as const;

/** Access-Control-Max-Age above what the browser honours (Chromium 7200 s, Firefox 86400 s). */
export const maxAgeOverBrowserCap: ExchangeRule = {
  id: 'max-age-over-browser-cap',
  scope: 'exchange',
  texts: {
    summary: ['default'],
    why: ['default'],
    fix: ['default'],
  },
  learnMore: [PAGES.mdnMaxAge],
  detect(ctx) {
    const out: Detection[] = [];
    const cap = capOf(ctx.browser);
    for (const step of ctx.preflights) {
      if (step.codes.length > 0) continue;
      const raw = joinedHeader(step.headers, 'access-control-max-age');
      if (raw === null || !/^[0-9]{1,30}$/.test(raw) || Number(raw) <= cap) continue;
      const ev = evidence(ctx, step, 'Access-Control-Max-Age', raw);
      out.push({
        severity: 'info',
        endpoint: step.endpoint,
        exchangeIds: [ctx.id],
        evidence: [ev],
        params: { endpoint: step.endpoint, max_age: ev.value ?? '', browser: BROWSER_NAME[ctx.browser], cap },
        group: ctx.browser,
      });
    }
    return out;
  },
};
