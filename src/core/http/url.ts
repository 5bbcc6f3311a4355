/**
 * Minimal access to the platform's WHATWG URL parser without DOM/Node types (the core has none):
 * every runtime we target (browsers, service workers, Node) provides `URL` globally.
 */

export interface ParsedUrl {
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
