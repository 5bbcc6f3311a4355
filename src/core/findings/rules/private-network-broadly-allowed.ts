import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { echoes, evidence, quote } from '../context';
import { isReflecting } from '../log-index';
import { joinedHeader } from '../../http/headers';
import type { Detection } from '../types';

/**
 * `Access-Control-Allow-Private-Network: true` with `*`, `null`, or an origin this endpoint is seen to
 * reflect (two or more sites echoed). A single echoed origin may come from an allowlist: not a finding.
 */
export const privateNetworkBroadlyAllowed: ExchangeRule = {
  id: 'private-network-broadly-allowed',
  scope: 'exchange',
  texts: {
    summary: ['default', 'reflected'],
    why: ['default'],
    fix: ['default'],
  },
  learnMore: [PAGES.pna, PAGES.mdnCors],
  detect(ctx, index) {
    const out: Detection[] = [];
    for (const step of ctx.steps) {
      const pna = joinedHeader(step.headers, 'access-control-allow-private-network');
      if (pna?.toLowerCase() !== 'true') continue;
      if (step.acao === null) continue;
      const broad = step.acao === '*' || step.acao === 'null';
      const reflected = !broad && echoes(step) && isReflecting(index, step.endpoint);
      if (!broad && !reflected) continue;
      if (step.codes.some((c) => /AllowOrigin|WildcardOrigin/.test(c))) continue;
      out.push({
        severity: 'medium',
        variant: reflected ? 'reflected' : 'default',
        endpoint: step.endpoint,
        exchangeIds: [ctx.id],
        evidence: [
          evidence(ctx, step, 'Access-Control-Allow-Private-Network', pna),
          evidence(ctx, step, 'Access-Control-Allow-Origin', step.acao),
        ],
        params: { endpoint: step.endpoint, acao: quote(step.acao), sites: index.echoes.get(step.endpoint)?.sites.size ?? 0 },
        group: reflected ? 'reflected' : step.acao,
      });
    }
    return out;
  },
};
