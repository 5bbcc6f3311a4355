/**
 * Origin helpers. A serialized origin is `scheme://host[:port]` (lower-case, default port dropped) or
 * the literal `null` for opaque origins (sandboxed frames, `data:`, `file:`, tainted requests).
 */
import { parseUrl, splitUrl } from './url';

/** The literal a browser sends for an opaque or tainted origin. */
export const OPAQUE_ORIGIN = 'null';

const DEFAULT_PORT: Record<string, string | undefined> = { http: '80', https: '443', ws: '80', wss: '443' };

/** Four decimal parts 0-255 without leading zeros: the form the URL parser leaves unchanged. */
function isCanonicalIpv4(host: string): boolean {
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= host.length; i++) {
    const c = i === host.length ? 0x2e : host.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || part > 255) return false;
      parts++;
      part = 0;
      digits = 0;
      continue;
    }
    if (c < 0x30 || c > 0x39 || (digits === 1 && part === 0)) return false;
    part = part * 10 + (c - 0x30);
    digits++;
  }
  return parts === 4;
}

const cache = new Map<string, string | null>();
const CACHE_LIMIT = 512;

/**
 * The serialized origin of `url`, `"null"` for URLs whose origin is opaque, or `null` when `url` is not
 * a URL at all. Plain http(s) URLs take a fast path; everything else goes through the URL parser.
 */
let lastUrl = '';
let lastOrigin: string | null = null;

export function originOf(url: string): string | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  if (url === lastUrl) return lastOrigin;
  const fast = fastOrigin(url);
  if (fast !== undefined) {
    lastUrl = url;
    lastOrigin = fast;
    return fast;
  }
  const hit = cache.get(url);
  if (hit !== undefined) return hit;
  const value = slowOrigin(url);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  if (url.length <= 2048) cache.set(url, value);
  return value;
}

/**
 * Plain `http(s)://` / `ws(s)://` URLs with an ASCII host name or canonical IPv4 address, parsed by
 * hand; `undefined` sends anything unusual (IDN, IPv6, odd IPv4 forms, escapes) to the URL parser.
 */
function fastOrigin(url: string): string | null | undefined {
  const sep = url.indexOf('://');
  if (sep < 2 || sep > 5) return undefined;
  // The common spellings need neither a slice nor a lower-casing.
  const scheme = url.startsWith('https://') ? 'https' : url.startsWith('http://') ? 'http' : url.slice(0, sep).toLowerCase();
  const defaultPort = DEFAULT_PORT[scheme];
  if (defaultPort === undefined) return undefined;
  const start = sep + 3;
  let end = start;
  let colon = -1;
  let upper = false;
  let dots = 0;
  let letters = false;
  // Where the host's last label starts, found in the same pass. An empty label (`a..b`, or a leading dot)
  // goes to the URL parser.
  let label = start;
  for (; end < url.length; end++) {
    const c = url.charCodeAt(end);
    if (c === 0x2f || c === 0x3f || c === 0x23) break; // / ? #
    // Userinfo (rare in traffic) goes to the URL parser, which also checks the host that follows it.
    if (c === 0x40 || c === 0x5c || c <= 0x20 || c >= 0x7f) return undefined;
    if (c === 0x3a) {
      if (colon === -1) colon = end;
      continue;
    }
    if (colon !== -1) {
      if (c < 0x30 || c > 0x39) return undefined;
      continue;
    }
    if (c === 0x2e) {
      if (end === label) return undefined;
      dots++;
      label = end + 1;
    } else if (c >= 0x41 && c <= 0x5a) upper = letters = true;
    else if ((c >= 0x61 && c <= 0x7a) || c === 0x2d) letters = true;
    else if (c < 0x30 || c > 0x39) return undefined;
  }
  const hostEnd = colon === -1 ? end : colon;
  if (hostEnd <= start || url.charCodeAt(hostEnd - 1) === 0x2e) return undefined;
  if (!letters || numericLabel(url, label, hostEnd)) {
    // Numeric-looking last label: only a canonical dotted quad takes the fast path.
    if (letters || dots !== 3 || !isCanonicalIpv4(url.slice(start, hostEnd))) return undefined;
  }
  let port = colon === -1 ? '' : url.slice(colon + 1, end);
  // Already canonical (lower case, no userinfo, no default or zero-padded port): the prefix is the origin.
  if (!upper && (colon === -1 || (port !== '' && port.charCodeAt(0) !== 0x30 && port.length <= 5 && Number(port) <= 65535 && port !== defaultPort))) {
    return end === url.length ? url : url.slice(0, end);
  }
  let host = url.slice(start, hostEnd);
  if (upper) host = host.toLowerCase();
  if (port.length > 0) {
    if (port.length > 5) return undefined;
    const n = Number(port);
    if (!(n <= 65535)) return undefined;
    port = n === Number(defaultPort) ? '' : String(n);
  }
  return port === '' ? `${scheme}://${host}` : `${scheme}://${host}:${port}`;
}

/** The label `url[start, end)` is all digits, or `0x` and hex digits: the URL parser would read a number. */
function numericLabel(url: string, start: number, end: number): boolean {
  let i = start;
  let hex = false;
  if (end - start >= 2 && url.charCodeAt(start) === 0x30 && (url.charCodeAt(start + 1) | 0x20) === 0x78) {
    hex = true;
    i += 2;
  }
  for (; i < end; i++) {
    const c = url.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39;
    if (!digit && !(hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)) return false;
  }
  return hex || end > start;
}

function slowOrigin(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const origin = parsed.origin;
  return typeof origin === 'string' && origin.length > 0 ? origin : OPAQUE_ORIGIN;
}

/**
 * The origin a hierarchical URL's text spells (`scheme://host[:port]`, lower-cased, userinfo and default
 * port dropped), read without the URL parser; null when the URL has no host (`data:`, `file:///…`) or
 * is not absolute. Never the opaque `"null"`: reading a recorded file, a URL without a host names no
 * origin, and the next clue (the page, the Referer) is used instead.
 */
export function literalOriginOf(url: string): string | null {
  if (typeof url !== 'string') return null;
  const p = splitUrl(url);
  return p && p.host !== '' ? `${p.scheme}://${p.host}` : null;
}

/** A well-formed serialized origin as browsers send it, or the opaque `null`. */
export function isSerializedOrigin(value: string): boolean {
  if (typeof value !== 'string') return false;
  if (value === 'null') return true;
  return /^[a-z][a-z0-9+.-]*:\/\/(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(:\d{1,5})?$/.test(value);
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
  if (typeof url !== 'string') return '';
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
}
