import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { echoes, evidence, listItems, quote } from '../context';
import type { StepView } from '../context';
import { firstHeader, joinedHeader } from '../../http/headers';
import type { Detection, FindingEvidence, Severity } from '../types';
import type { MsgValue } from '../../i18n/msg';
import { fm } from '../messages';

/** Headers that show a shared cache (CDN, proxy) between the server and the browser. */
function sharedCacheMarker(step: StepView): { header: string; value: string } | null {
  const h = step.headers;
  const age = firstHeader(h, 'age');
  if (age !== null) return { header: 'Age', value: age };
  const cf = firstHeader(h, 'cf-cache-status');
  if (cf !== null && /^(hit|miss|expired|stale|updating|revalidated)$/i.test(cf)) return { header: 'CF-Cache-Status', value: cf };
  const xCache = firstHeader(h, 'x-cache');
  if (xCache !== null && /\b(hit|miss)\b/i.test(xCache)) return { header: 'X-Cache', value: xCache };
  const cc = listItems(h, 'cache-control');
  const shared = cc.find((d) => d === 'public' || d.startsWith('s-maxage'));
  if (shared) return { header: 'Cache-Control', value: joinedHeader(h, 'cache-control')! };
  const via = firstHeader(h, 'via');
  if (via !== null) return { header: 'Via', value: via };
  return null;
}

/** An explicit origin echoed back on a response that does not say `Vary: Origin`. */
export const originEchoWithoutVary: ExchangeRule = {
  id: 'origin-echo-without-vary',
  scope: 'exchange',
  texts: {
    summary: ['default', 'shared', 'fromCache', 'notCacheable'],
    why: ['default', 'notCacheable'],
    fix: ['default'],
  },
  learnMore: [PAGES.mdnVary, PAGES.mdnAcao, PAGES.portswigger],
  detect(ctx) {
    const out: Detection[] = [];
    for (const step of ctx.responses) {
      if (!echoes(step) || step.acao === 'null') continue;
      const vary = listItems(step.headers, 'vary');
      if (vary.includes('origin') || vary.includes('*')) continue;
      const ev: FindingEvidence[] = [evidence(ctx, step, 'Access-Control-Allow-Origin', step.acao), evidence(ctx, step, 'Vary', joinedHeader(step.headers, 'vary'))];
      const params: Record<string, MsgValue> = { endpoint: step.endpoint, origin: quote(step.acao!) };
      let severity: Severity = 'low';
      let variant = 'default';
      const method = step.method.toUpperCase();
      const noStore = listItems(step.headers, 'cache-control').includes('no-store');
      const marker = sharedCacheMarker(step);
      if (step.fromCache) {
        severity = 'medium';
        variant = 'fromCache';
      } else if (method !== 'GET' && method !== 'HEAD') {
        severity = 'info';
        variant = 'notCacheable';
        params.not_cacheable = fm('origin_echo_without_vary_not_cacheable_method', { method: quote(step.method) });
      } else if (noStore) {
        severity = 'info';
        variant = 'notCacheable';
        params.not_cacheable = 'Cache-Control: no-store';
        ev.push(evidence(ctx, step, 'Cache-Control', joinedHeader(step.headers, 'cache-control')));
      } else if (marker) {
        severity = 'medium';
        variant = 'shared';
        params.marker = `${marker.header}: ${quote(marker.value)}`;
        ev.push(evidence(ctx, step, marker.header, marker.value, fm('note_shared_cache_may_store')));
      }
      out.push({ severity, variant, endpoint: step.endpoint, exchangeIds: [ctx.id], evidence: ev, params });
    }
    return out;
  },
};
