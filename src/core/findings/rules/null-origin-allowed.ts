import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { evidence } from '../context';
import type { Detection } from '../types';

/** `Access-Control-Allow-Origin: null` granted to a request whose Origin was `null`. */
export const nullOriginAllowed: ExchangeRule = {
  id: 'null-origin-allowed',
  scope: 'exchange',
  texts: {
    title: 'Origin null trusted',
    summary: {
      default: '{endpoint} answers Access-Control-Allow-Origin: null, so any page whose origin is null may read it.',
      credentials: '{endpoint} answers Access-Control-Allow-Origin: null with Access-Control-Allow-Credentials: true, so any page whose origin is null may read it with the user\'s cookies.',
    },
    why: {
      default: 'Any site can get Origin: null by putting its script in a sandboxed iframe or a data: URL, so trusting null trusts every site.',
      credentials: 'Any site can get Origin: null from a sandboxed iframe or a data: URL and then read this response as the logged-in user: trusting null with credentials hands the user\'s data to every site.',
    },
    fix: {
      default: 'Remove null from the allowed origins; allow the exact origins of your pages. If a sandboxed frame of yours needs the data, give it a real origin (allow-same-origin) or pass the data with postMessage.',
    },
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
