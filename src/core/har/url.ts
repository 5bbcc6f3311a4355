/**
 * The few URL operations the report needs, without the `URL` global (the core has no DOM/Node types).
 * Inputs are untrusted strings; nothing here throws.
 */
import type { HarNameValue } from './types';

const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443' };

export interface UrlParts {
  scheme: string;
  /** Host with port, lower-cased, userinfo removed, default port dropped. */
  host: string;
  path: string;
  query: string;
}

export function splitUrl(url: string): UrlParts | null {
  const m = ABSOLUTE.exec(url.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  let host = m[2]!.slice(m[2]!.lastIndexOf('@') + 1).toLowerCase();
  const port = /:(\d+)$/.exec(host);
  if (port && DEFAULT_PORTS[scheme] === port[1]) host = host.slice(0, -port[0].length);
  return { scheme, host, path: m[3] || '/', query: m[4] ?? '' };
}

/** Serialized origin (`https://api.example:8443`), or null when the URL is not hierarchical. */
export function originOf(url: string): string | null {
  const p = splitUrl(url);
  return p && p.host !== '' ? `${p.scheme}://${p.host}` : null;
}

/** Origin + path, no query: how the summary names an endpoint. */
export function endpointOf(url: string): string {
  const p = splitUrl(url);
  return p ? `${p.scheme}://${p.host}${p.path}` : url.split(/[?#]/, 1)[0] ?? url;
}

export const hostOf = (url: string): string | null => splitUrl(url)?.host ?? null;

export const withoutFragment = (url: string): string => {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
};

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** HAR `queryString`: the decoded name/value pairs of the URL's query, in order. */
export function queryStringOf(url: string): HarNameValue[] {
  const q = /\?([^#]*)/.exec(url)?.[1];
  if (!q) return [];
  return q.split('&').filter((p) => p !== '').map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? { name: decode(pair), value: '' } : { name: decode(pair.slice(0, eq)), value: decode(pair.slice(eq + 1)) };
  });
}

/** Resolves a redirect `Location` against the URL that answered it (enough for http(s) Location values). */
export function resolveUrl(location: string, base: string): string {
  const loc = location.trim();
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(loc)) return loc;
  const b = ABSOLUTE.exec(base.trim());
  if (!b) return loc;
  const scheme = b[1]!;
  const authority = b[2]!;
  if (loc.startsWith('//')) return `${scheme}:${loc}`;
  if (loc.startsWith('/')) return `${scheme}://${authority}${loc}`;
  const basePath = b[3] || '/';
  if (loc === '') return withoutFragment(base);
  if (loc.startsWith('?')) return `${scheme}://${authority}${basePath}${loc}`;
  if (loc.startsWith('#')) return `${withoutFragment(base)}${loc}`;
  const dir = basePath.slice(0, basePath.lastIndexOf('/') + 1);
  return `${scheme}://${authority}${normalizePath(dir + loc)}`;
}

function normalizePath(path: string): string {
  const [p = '', rest = ''] = splitOnce(path, /[?#]/);
  const out: string[] = [];
  const segments = p.split('/');
  segments.forEach((s, i) => {
    if (s === '..') { if (out.length > 1) out.pop(); if (i === segments.length - 1) out.push(''); }
    else if (s === '.') { if (i === segments.length - 1) out.push(''); }
    else out.push(s);
  });
  return out.join('/') + rest;
}

function splitOnce(text: string, re: RegExp): [string, string] {
  const m = re.exec(text);
  return m ? [text.slice(0, m.index), text.slice(m.index)] : [text, ''];
}
