import type { ExchangeRule } from '../rule';
import { PAGES } from '../rule';
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
    title: 'Cached answer made for another origin',
    summary: {
      default: 'This answer was cached for {other}; the server does not send Vary: Origin, so the browser\'s cache served another origin\'s answer to {origin}; a hard refresh hides it.',
      varyIgnored: 'This answer was cached for {other} and served to {origin} although the server sends Vary: {vary}: a cache on the way ignores Vary; a hard refresh hides it.',
      shared: 'This answer was cached for {other} by a shared cache between the server and the browser ({marker}); the server does not send Vary: Origin, so that cache served another origin\'s answer to {origin}; a hard refresh does not help until the cached copy expires.',
      sharedVaryIgnored: 'This answer was cached for {other} by a shared cache between the server and the browser ({marker}) and served to {origin} although the server sends Vary: {vary}: that cache ignores Vary; a hard refresh does not help until the cached copy expires.',
    },
    why: {
      default: 'The failure comes and goes with the cache: pages on different origins that share this endpoint break each other, usually reported as "it works after a reload".',
    },
    fix: {
      default: 'Send Vary: Origin on every response of {endpoint} whose Access-Control-Allow-Origin depends on the Origin (or send Cache-Control: no-store on them); then purge the cache.',
      shared: 'Send Vary: Origin on every response of {endpoint} whose Access-Control-Allow-Origin depends on the Origin (or Cache-Control: private / no-store so shared caches keep none), check that the CDN or proxy includes Origin in its cache key, then purge it.',
      varyIgnored: 'Make the cache in front of {endpoint} key on the Origin header (or bypass it for these responses), then purge it.',
      sharedVaryIgnored: 'Make the cache in front of {endpoint} key on the Origin header (or bypass it for these responses), then purge it.',
    },
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
        evidence(ctx, step, 'Access-Control-Allow-Origin', acao, marker ? 'served by a shared cache' : 'served from the browser\'s cache'),
        ...(marker ? [evidence(ctx, step, marker.header, marker.value, 'a shared cache answered')] : []),
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
          marker: marker ? `${marker.header}: ${quote(marker.value)}` : 'browser cache' },
        group: acao,
      });
    }
    return out;
  },
};
