import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
import { fm } from '../messages';
import { evidence, listItems, quote } from '../context';
import type { StepView } from '../context';
import { firstHeader, joinedHeader } from '../../http/headers';
import type { Detection } from '../types';

const SERIALIZED_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s,]+$/i;

/**
 * A header by which a shared cache (CDN, proxy) says it answered from its store, not from the server:
 * `Age` above 0, `X-Cache`/`X-Cache-Status`/`X-Proxy-Cache` HIT, `CF-Cache-Status` HIT/STALE/UPDATING,
 * or an RFC 9211 `Cache-Status` entry with `hit`. Chromium's webRequest reports such answers with
 * `fromCache: false` (the browser's own cache was not used), so these are the only evidence of the cache.
 */
function sharedCacheHit(step: StepView): { header: string; value: string } | null {
  const h = step.headers;
  const age = firstHeader(h, 'age');
  if (age !== null && /^[0-9]+$/.test(age.trim()) && Number(age.trim()) > 0) return { header: 'Age', value: age };
  for (const [name, header] of [['x-cache', 'X-Cache'], ['x-cache-status', 'X-Cache-Status'], ['x-proxy-cache', 'X-Proxy-Cache']] as const) {
    const v = firstHeader(h, name);
    if (v !== null && /\bhit\b/i.test(v)) return { header, value: v };
  }
  const cf = firstHeader(h, 'cf-cache-status');
  if (cf !== null && /^\s*(hit|stale|updating)\s*$/i.test(cf)) return { header: 'CF-Cache-Status', value: cf };
  const cs = joinedHeader(h, 'cache-status');
  if (cs !== null && /;\s*hit\b/i.test(cs)) return { header: 'Cache-Status', value: cs };
  return null;
}

/**
 * A response from a cache (the browser's own, `fromCache`, or a shared cache on the way, by its hit
 * markers) failed AllowOriginMismatch naming another origin: the answer was made for that origin and
 * stored without `Vary: Origin` (or by a cache that ignores it). This adds to the reason what it cannot say: why it fails only
 * sometimes ("it works after a reload").
 */
export const cachedAnswerForOtherOrigin: ExchangeRule = {
  id: 'cached-answer-for-other-origin',
  scope: 'exchange',
  texts: {
    summary: ['default', 'varyIgnored', 'shared', 'sharedVaryIgnored'],
    why: ['default'],
    fix: ['default', 'shared', 'varyIgnored', 'sharedVaryIgnored'],
  },
  learnMore: [PAGES.mdnVary, PAGES.mdnAcao],
  detect(ctx) {
    const out: Detection[] = [];
    for (const step of ctx.responses) {
      if (!step.codes.includes('AllowOriginMismatch')) continue;
      // The browser's cache when it says so; otherwise a shared cache's hit markers.
      const marker = step.fromCache ? null : sharedCacheHit(step);
      if (!step.fromCache && marker === null) continue;
      const acao = step.acao;
      if (acao === null || acao === step.origin || !SERIALIZED_ORIGIN.test(acao)) continue;
      const varyIgnored = listItems(step.headers, 'vary').includes('origin');
      const vary = joinedHeader(step.headers, 'vary');
      const ev = [
        evidence(ctx, step, 'Access-Control-Allow-Origin', acao, fm(marker ? 'note_shared_cache' : 'note_browser_cache')),
        ...(marker ? [evidence(ctx, step, marker.header, marker.value, fm('note_shared_cache_answered'))] : []),
        evidence(ctx, step, 'Vary', vary),
      ];
      const variant = marker ? (varyIgnored ? 'sharedVaryIgnored' : 'shared') : varyIgnored ? 'varyIgnored' : 'default';
      out.push({
        severity: 'medium',
        variant,
        endpoint: step.endpoint,
        exchangeIds: [ctx.id],
        evidence: ev,
        params: { endpoint: step.endpoint, other: quote(acao), origin: quote(step.origin ?? 'null'), vary: quote(vary ?? ''),
          marker: marker ? `${marker.header}: ${quote(marker.value)}` : fm('cached_answer_for_other_origin_marker_browser') },
        group: acao,
      });
    }
    return out;
  },
};
