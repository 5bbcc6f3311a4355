import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { evidence, listItems, quote } from '../context';
import type { StepView } from '../context';
import { joinedHeader } from '../../http/headers';
import type { Detection } from '../types';

const LISTS: readonly { header: string; lower: string; covered: string | null; preflightOnly: boolean }[] = [
  { header: 'Access-Control-Allow-Methods', lower: 'access-control-allow-methods', covered: 'MethodDisallowedByPreflightResponse', preflightOnly: true },
  { header: 'Access-Control-Allow-Headers', lower: 'access-control-allow-headers', covered: 'HeaderDisallowedByPreflightResponse', preflightOnly: true },
  { header: 'Access-Control-Expose-Headers', lower: 'access-control-expose-headers', covered: null, preflightOnly: false },
];

/** `*` in Allow-Methods / Allow-Headers / Expose-Headers on a credentialed exchange: a literal name there, not a wildcard. */
export const wildcardListsWithCredentials: ExchangeRule = {
  id: 'wildcard-lists-with-credentials',
  scope: 'exchange',
  texts: {
    summary: ['default'],
    why: ['default'],
    fix: ['default'],
  },
  learnMore: [PAGES.mdnAcam, PAGES.mdnAcah, PAGES.mdnCors],
  detect(ctx) {
    if (!ctx.credentialed) return [];
    const out: Detection[] = [];
    const check = (step: StepView, preflight: boolean): void => {
      for (const list of LISTS) {
        if (list.preflightOnly !== preflight) continue;
        if (list.covered !== null && (step.codes as string[]).includes(list.covered)) continue;
        if (!listItems(step.headers, list.lower).includes('*')) continue;
        const value = joinedHeader(step.headers, list.lower);
        out.push({
          severity: 'info',
          endpoint: step.endpoint,
          exchangeIds: [ctx.id],
          evidence: [evidence(ctx, step, list.header, value)],
          params: { endpoint: step.endpoint, header: list.header, value: quote(value ?? '') },
          group: list.header,
        });
      }
    };
    for (const step of ctx.preflights) if (step.codes.length === 0) check(step, true);
    for (const step of ctx.responses) if (step.codes.length === 0) check(step, false);
    return out;
  },
};
