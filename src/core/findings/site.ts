/**
 * Sites and public suffixes, from the Public Suffix List (the maintained `tldts` library: pure JS, no
 * eval, the list bundled). A site is scheme + registrable domain (`https://example.co.uk`); an IP address
 * or a host with no registrable domain is its own site.
 */
import { parse } from 'tldts';

interface HostInfo {
  /** `scheme://registrable-domain` (or `scheme://host`). */
  site: string;
  host: string;
  /** The public suffix when it comes from the list's private section (`github.io`, `vercel.app`), else null. */
  privateSuffix: string | null;
}

const AUTHORITY = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]*\]|[^/:?#]*)/i;
const cache = new Map<string, HostInfo | null>();
const CACHE_LIMIT = 4096;

/** What the list says about a serialized origin's host; null when it is not an origin with a host. */
export function hostInfo(origin: string): HostInfo | null {
  const hit = cache.get(origin);
  if (hit !== undefined) return hit;
  const info = compute(origin);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  if (origin.length <= 512) cache.set(origin, info);
  return info;
}

function compute(origin: string): HostInfo | null {
  const m = AUTHORITY.exec(origin);
  if (!m || !m[2]) return null;
  const scheme = m[1]!.toLowerCase();
  const host = m[2].toLowerCase();
  if (host.startsWith('[')) return { site: `${scheme}://${host}`, host, privateSuffix: null };
  let result;
  try {
    result = parse(host, { allowPrivateDomains: true, extractHostname: false });
  } catch {
    return { site: `${scheme}://${host}`, host, privateSuffix: null };
  }
  const domain = result.isIp ? null : result.domain;
  return {
    site: `${scheme}://${domain ?? host}`,
    host,
    privateSuffix: result.isPrivate === true && result.publicSuffix ? result.publicSuffix : null,
  };
}
