/**
 * URL helpers of the core (origins are in ./origin.ts). `parseUrl` is the platform's WHATWG URL parser
 * reached without DOM/Node types (the core has none): every runtime we target (browsers, service
 * workers, Node) provides `URL` globally. The others read a URL's text: splitting, resolving a
 * `Location`, path and query. Inputs are untrusted strings; nothing here throws.
 */

interface ParsedUrl {
  protocol: string;
  username: string;
  password: string;
  hostname: string;
  port: string;
  host: string;
  origin: string;
  href: string;
}

type UrlConstructor = new (input: string, base?: string) => ParsedUrl;

const UrlCtor = (globalThis as unknown as { URL?: UrlConstructor }).URL;

/** Parse `input` as an absolute URL; `null` when it is not one (never throws). */
export function parseUrl(input: string): ParsedUrl | null {
  if (typeof input !== 'string' || UrlCtor === undefined) return null;
  try {
    return new UrlCtor(input);
  } catch {
    return null;
  }
}

/** Lower-case scheme of `url` without the colon (`https`), or `''` when there is none. */
export function schemeOf(url: string): string {
  if (typeof url !== 'string') return '';
  if (url.startsWith('https:')) return 'https';
  if (url.startsWith('http:')) return 'http';
  const m = /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  return m ? m[1]!.toLowerCase() : '';
}

const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443' };

interface UrlParts {
  scheme: string;
  /** Host with port, lower-cased, userinfo removed, default port dropped. */
  host: string;
  path: string;
  query: string;
}

/** The parts of an absolute hierarchical URL's text (`scheme://authority/path?query`), or null. */
export function splitUrl(url: string): UrlParts | null {
  const m = ABSOLUTE.exec(url.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  let host = m[2]!.slice(m[2]!.lastIndexOf('@') + 1).toLowerCase();
  const port = /:(\d+)$/.exec(host);
  if (port && DEFAULT_PORTS[scheme] === port[1]) host = host.slice(0, -port[0].length);
  return { scheme, host, path: m[3] || '/', query: m[4] ?? '' };
}

/** Host (with a port other than the default) of an absolute hierarchical URL, lower-cased; null otherwise. */
export const hostOf = (url: string): string | null => splitUrl(url)?.host ?? null;

const ENDPOINT = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/;

/** Origin + path of a URL, without query or fragment (as much of it as parses): how a summary names an endpoint. */
export function endpointOf(url: string): string {
  if (typeof url !== 'string') return '';
  const m = ENDPOINT.exec(url);
  if (!m) return url.split(/[?#]/, 1)[0] ?? url;
  return `${m[1]!.toLowerCase()}${m[2] || '/'}`;
}

const PATH = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;

/** Path of an absolute URL (`/api/items`), `/` when absent. */
export function pathOf(url: string): string {
  const m = PATH.exec(url.trim());
  return m && m[3] ? m[3] : '/';
}

/** `/api/` for `/api/items/42`, `/` for `/items`, a segment over 100 characters or anything that is not a plain path segment. */
export function pathPrefix(path: string): string {
  const m = /^\/([A-Za-z0-9._~-]{1,100})\/./.exec(path);
  return m ? `/${m[1]}/` : '/';
}

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

/** The decoded name/value pairs of the URL's query, in order (a HAR `queryString`). */
export function queryStringOf(url: string): { name: string; value: string }[] {
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
