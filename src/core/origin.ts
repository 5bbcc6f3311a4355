/**
 * Origin helpers. A serialized origin is `scheme://host[:port]` (lower-case, default port dropped) or
 * the literal `null` for opaque origins (sandboxed frames, `data:`, `file:`, tainted requests).
 */
import { parseUrl } from './url';

/** The literal a browser sends for an opaque or tainted origin. */
export const OPAQUE_ORIGIN = 'null';

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443' };

// scheme://[userinfo@]host[:port] followed by a path, query, fragment or the end.
const FAST = /^(https?|wss?):\/\/(?:[^/?#@\\]*@)?([a-z0-9.-]+)(?::([0-9]*))?(?=[/?#]|$)/i;
const PLAIN_DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?$/;
const NUMERIC_LIKE = /(?:^|\.)(?:0x[0-9a-f]*|[0-9]+)\.?$/;
const CANONICAL_IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;

const cache = new Map<string, string | null>();
const CACHE_LIMIT = 512;

/**
 * The serialized origin of `url`, `"null"` for URLs whose origin is opaque, or `null` when `url` is not
 * a URL at all. Plain http(s) URLs take a fast path; everything else goes through the URL parser.
 */
export function originOf(url: string): string | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  const fast = fastOrigin(url);
  if (fast !== undefined) return fast;
  const hit = cache.get(url);
  if (hit !== undefined) return hit;
  const value = slowOrigin(url);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  if (url.length <= 2048) cache.set(url, value);
  return value;
}

function fastOrigin(url: string): string | null | undefined {
  const m = FAST.exec(url);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase();
  if (!PLAIN_DOMAIN.test(host) || host.endsWith('.')) return undefined;
  if (NUMERIC_LIKE.test(host) && !CANONICAL_IPV4.test(host)) return undefined;
  let port = m[3] ?? '';
  if (port.length > 0) {
    const n = Number(port);
    if (port.length > 5 || n > 65535) return undefined;
    port = String(n);
    if (port === DEFAULT_PORT[scheme]) port = '';
  }
  return `${scheme}://${host}${port ? ':' + port : ''}`;
}

function slowOrigin(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const origin = parsed.origin;
  return typeof origin === 'string' && origin.length > 0 ? origin : OPAQUE_ORIGIN;
}

/**
 * Whether two URLs or serialized origins are same-origin. Opaque (`null`) origins are never same-origin
 * with anything, themselves included: that is what makes a sandboxed frame's requests cross-origin.
 */
export function isSameOrigin(a: string, b: string): boolean {
  const oa = toOrigin(a);
  const ob = toOrigin(b);
  return oa !== null && ob !== null && oa !== OPAQUE_ORIGIN && oa === ob;
}

/** Accepts a URL or an already serialized origin; returns the serialized origin. */
export function toOrigin(value: string): string | null {
  if (value === OPAQUE_ORIGIN) return OPAQUE_ORIGIN;
  return originOf(value);
}

/** Whether `url` carries a username or password (`https://user:pass@host/`). */
export function hasUserinfo(url: string): boolean {
  if (typeof url !== 'string' || !url.includes('@')) return false;
  const parsed = parseUrl(url);
  return parsed !== null && (parsed.username !== '' || parsed.password !== '');
}

/** A URL without its userinfo, for display (`https://host/p`). */
export function stripUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
}
