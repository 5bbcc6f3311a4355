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
    title: 'Private network opened to any site',
    summary: {
      default: '{endpoint} answers Access-Control-Allow-Private-Network: true with Access-Control-Allow-Origin: {acao}.',
      reflected: '{endpoint} answers Access-Control-Allow-Private-Network: true and echoes the Origin of any site (seen for {sites} sites).',
    },
    why: {
      default: 'This device or service on the local network tells browsers that any public website may reach it: the first step of attacks on routers, printers and local admin pages.',
    },
    fix: {
      default: 'Send Access-Control-Allow-Private-Network: true only together with an Access-Control-Allow-Origin from an allowlist of the exact origins that must reach this device; never with *, null or a reflected origin.',
    },
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
