/**
 * Request headers a page script cannot set (Fetch "forbidden request-header names") or that the
 * browser adds on its own. They are visible to an observer but never make a request non-simple.
 */
import type { Header } from '../model/exchange';

const FORBIDDEN = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'access-control-request-private-network', 'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt',
  'expect', 'host', 'keep-alive', 'origin', 'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding',
  'upgrade', 'via',
]);

/**
 * Added by the browser itself (not the page): User-Agent (Chromium still ignores a script value),
 * cache headers added on reload or when DevTools disables the cache, revalidation validators,
 * priority hints, Chrome's variations header, prefetch/service-worker markers.
 */
const BROWSER_ADDED = new Set([
  'user-agent', 'cache-control', 'pragma', 'if-modified-since', 'if-none-match', 'priority', 'x-client-data',
  'purpose', 'service-worker', 'service-worker-navigation-preload', 'upgrade-insecure-requests',
  'proxy-connection',
]);

/** Whether a visible request header could have been set by the page (and so counts for CORS). */
export function countsForCors(lowerName: string, headers: readonly Header[]): boolean {
  if (lowerName.length === 0) return false;
  // Most common page-set names first: these are never browser-only.
  if (lowerName === 'accept' || lowerName === 'content-type') return true;
  if (FORBIDDEN.has(lowerName) || BROWSER_ADDED.has(lowerName)) return false;
  if (lowerName.startsWith('sec-') || lowerName.startsWith('proxy-')) return false;
  // EventSource adds Last-Event-ID itself when it reconnects.
  if (lowerName === 'last-event-id' && acceptsEventStream(headers)) return false;
  return true;
}

function acceptsEventStream(headers: readonly Header[]): boolean {
  for (const h of headers) {
    if (h && typeof h.name === 'string' && h.name.toLowerCase() === 'accept' && String(h.value).includes('text/event-stream')) return true;
  }
  return false;
}
