import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { evidence, listItems, quote } from '../context';
import { joinedHeader } from '../../http/headers';
import type { Detection } from '../types';

const SERIALIZED_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s,]+$/i;

/**
 * A response from a cache failed AllowOriginMismatch naming another origin: the answer was made for that
 * origin and stored without `Vary: Origin`. This adds to the reason what it cannot say: why it fails only
 * sometimes ("it works after a reload").
 */
export const cachedAnswerForOtherOrigin: ExchangeRule = {
  id: 'cached-answer-for-other-origin',
  scope: 'exchange',
  texts: {
    title: 'Cached answer made for another origin',
    summary: {
      default: 'This answer was cached for {other}; the server does not send Vary: Origin, so a cache served another origin\'s answer to {origin}; a hard refresh hides it.',
      varyIgnored: 'This answer was cached for {other} and served to {origin} although the server sends Vary: {vary}: a cache on the way ignores Vary; a hard refresh hides it.',
    },
    why: {
      default: 'The failure comes and goes with the cache: pages on different origins that share this endpoint break each other, usually reported as "it works after a reload".',
    },
    fix: {
      default: 'Send Vary: Origin on every response of {endpoint} whose Access-Control-Allow-Origin depends on the Origin (or send Cache-Control: no-store on them); then purge the cache.',
      varyIgnored: 'Make the cache in front of {endpoint} key on the Origin header (or bypass it for these responses), then purge it.',
    },
  },
  learnMore: [PAGES.mdnVary, PAGES.mdnAcao],
  detect(ctx) {
    const out: Detection[] = [];
    for (const step of ctx.responses) {
      if (!step.fromCache || !step.codes.includes('AllowOriginMismatch')) continue;
      const acao = step.acao;
      if (acao === null || acao === step.origin || !SERIALIZED_ORIGIN.test(acao)) continue;
      const vary = listItems(step.headers, 'vary');
      const varyIgnored = vary.includes('origin');
      const ev = [
        evidence(ctx, step, 'Access-Control-Allow-Origin', acao, 'served from a cache'),
        evidence(ctx, step, 'Vary', joinedHeader(step.headers, 'vary')),
      ];
      out.push({
        severity: 'medium',
        variant: varyIgnored ? 'varyIgnored' : 'default',
        endpoint: step.endpoint,
        exchangeIds: [ctx.id],
        evidence: ev,
        params: { endpoint: step.endpoint, other: quote(acao), origin: quote(step.origin ?? 'null'), vary: quote(joinedHeader(step.headers, 'vary') ?? '') },
        group: acao,
      });
    }
    return out;
  },
};
