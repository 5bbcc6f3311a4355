import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { echoes, evidence, quote } from '../context';
import { schemeOf } from '../../http/url';
import { isSecureOrigin } from '../../http/address-space';
import type { Detection } from '../types';

/** An https response grants an `http://` origin (not loopback): the page may be served over plain HTTP. */
export const insecureOriginTrusted: ExchangeRule = {
  id: 'insecure-origin-trusted',
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
      if (!echoes(step) || schemeOf(step.url) !== 'https') continue;
      const origin = step.acao!;
      if (schemeOf(origin) !== 'http' || isSecureOrigin(origin)) continue;
      const ev = [evidence(ctx, step, 'Access-Control-Allow-Origin', origin)];
      if (step.credentialsAllowed) ev.push(evidence(ctx, step, 'Access-Control-Allow-Credentials', 'true'));
      out.push({
        severity: step.credentialsAllowed ? 'high' : 'medium',
        variant: step.credentialsAllowed ? 'credentials' : 'default',
        endpoint: step.endpoint,
        exchangeIds: [ctx.id],
        evidence: ev,
        params: { endpoint: step.endpoint, origin: quote(origin), https_origin: quote(origin.replace(/^http:/i, 'https:')) },
        group: origin,
      });
    }
    return out;
  },
};
