import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { evidence } from '../context';
import type { Detection } from '../types';

/** `Access-Control-Allow-Origin: *` together with `Access-Control-Allow-Credentials: true`, on a request that passed. */
export const wildcardWithCredentials: ExchangeRule = {
  id: 'wildcard-with-credentials',
  scope: 'exchange',
  texts: {
    summary: ['default'],
    why: ['default'],
    fix: ['default'],
  },
  learnMore: [PAGES.mdnAcac, PAGES.mdnAcao, PAGES.portswigger],
  detect(ctx) {
    const out: Detection[] = [];
    for (const step of ctx.steps) {
      if (step.acao !== '*' || !step.credentialsAllowed) continue;
      // A credentialed request under * is blocked with WildcardOriginNotAllowed: the reason says it already.
      if (step.codes.includes('WildcardOriginNotAllowed') || step.codes.includes('PreflightWildcardOriginNotAllowed')) continue;
      out.push({
        severity: 'low',
        endpoint: step.endpoint,
        exchangeIds: [ctx.id],
        evidence: [evidence(ctx, step, 'Access-Control-Allow-Origin', '*'), evidence(ctx, step, 'Access-Control-Allow-Credentials', 'true')],
        params: { endpoint: step.endpoint },
      });
    }
    return out;
  },
};
