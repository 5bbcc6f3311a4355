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
    title: 'Max-Age above the browser\'s cap',
    summary: {
      default: '{endpoint} sends Access-Control-Max-Age: {maxAge}; {browser} keeps a preflight at most {cap} s.',
    },
    why: {
      default: 'The seconds above the cap are ignored, and a long Max-Age keeps an old CORS policy in browsers for that long when you need to roll it back.',
    },
    fix: {
      default: 'Send a Max-Age within the cap ({cap} or less; 600 to 7200 is usual).',
    },
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
        params: { endpoint: step.endpoint, maxAge: ev.value ?? '', browser: BROWSER_NAME[ctx.browser], cap },
        group: ctx.browser,
      });
    }
    return out;
  },
};
