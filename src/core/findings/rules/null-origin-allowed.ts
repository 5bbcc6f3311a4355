import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { evidence } from '../context';
import type { Detection } from '../types';

/** `Access-Control-Allow-Origin: null` granted to a request whose Origin was `null`. */
export const nullOriginAllowed: ExchangeRule = {
  id: 'null-origin-allowed',
  scope: 'exchange',
  texts: {
    summary: ['default', 'credentials'],
    why: ['default', 'credentials'],
    fix: ['default'],
  },
  learnMore: [PAGES.portswigger, PAGES.mdnAcao, PAGES.owaspWstg],
  detect(ctx) {
    const out: Detection[] = [];
    for (const step of ctx.steps) {
      if (step.acao !== 'null' || step.origin !== 'null') continue;
      const ev = [evidence(ctx, step, 'Access-Control-Allow-Origin', step.acao)];
      if (step.credentialsAllowed) ev.push(evidence(ctx, step, 'Access-Control-Allow-Credentials', 'true'));
      out.push({
        severity: step.credentialsAllowed ? 'high' : 'medium',
        variant: step.credentialsAllowed ? 'credentials' : 'default',
        endpoint: step.endpoint,
        exchangeIds: [ctx.id],
        evidence: ev,
        params: { endpoint: step.endpoint },
      });
    }
    return out;
  },
};
