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
    title: 'Insecure http origin trusted by an https resource',
    summary: {
      default: '{endpoint} is served over https but allows the http origin {origin}.',
      credentials: '{endpoint} is served over https but allows the http origin {origin} with Access-Control-Allow-Credentials: true.',
    },
    why: {
      default: 'Anyone on the network path (public Wi-Fi, a hostile router) can inject script into the unencrypted {origin} page and read what this https resource returns.',
      credentials: 'Anyone on the network path (public Wi-Fi, a hostile router) can inject script into the unencrypted {origin} page and read this https resource as the logged-in user.',
    },
    fix: {
      default: 'Serve the page over https and allow only its https origin ({httpsOrigin}); do not list http:// origins on an https API.',
    },
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
        params: { endpoint: step.endpoint, origin: quote(origin), httpsOrigin: quote(origin.replace(/^http:/i, 'https:')) },
        group: origin,
      });
    }
    return out;
  },
};
