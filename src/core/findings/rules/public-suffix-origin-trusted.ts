import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { fm } from '../messages';
import { echoes, evidence, quote } from '../context';
import { hostInfo } from '../site';
import type { Detection } from '../types';

/**
 * An origin on a shared-hosting suffix of the Public Suffix List's private section (`github.io`,
 * `herokuapp.com`, `vercel.app`…) trusted with credentials. Medium: every page of that account or app
 * shares the origin; high when the endpoint trusted two or more hosts under the same suffix, the sign of
 * a pattern (`*.github.io`) that anyone can register a match for. Without credentials it is not a finding.
 */
export const publicSuffixOriginTrusted: ExchangeRule = {
  id: 'public-suffix-origin-trusted',
  scope: 'exchange',
  texts: {
    summary: ['default', 'pattern'],
    why: ['default', 'pattern'],
    fix: ['default'],
  },
  learnMore: [PAGES.psl, PAGES.portswigger, PAGES.owaspWstg],
  detect(ctx, index) {
    const out: Detection[] = [];
    for (const step of ctx.steps) {
      if (!step.credentialsAllowed || !echoes(step) || step.acao === 'null') continue;
      const info = hostInfo(step.acao!);
      if (!info?.privateSuffix) continue;
      // The endpoint lives on the same shared-hosting site: one owner, not a trust across owners.
      const own = hostInfo(step.url);
      if (own && own.site.replace(/^[a-z]+:/, '') === info.site.replace(/^[a-z]+:/, '')) continue;
      const hosts = index.echoes.get(step.endpoint)?.privateHosts.get(info.privateSuffix)?.size ?? 1;
      const pattern = hosts >= 2;
      out.push({
        severity: pattern ? 'high' : 'medium',
        variant: pattern ? 'pattern' : 'default',
        endpoint: step.endpoint,
        exchangeIds: [ctx.id],
        evidence: [evidence(ctx, step, 'Access-Control-Allow-Origin', step.acao, fm('note_public_suffix', { suffix: info.privateSuffix })), evidence(ctx, step, 'Access-Control-Allow-Credentials', 'true')],
        params: { endpoint: step.endpoint, origin: quote(step.acao!), suffix: info.privateSuffix, hosts },
        group: pattern ? info.privateSuffix : step.acao!,
      });
    }
    return out;
  },
};
