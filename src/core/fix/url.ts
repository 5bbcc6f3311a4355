/**
 * Just enough URL handling for the fix generator, without the `URL` global (the core has no DOM lib).
 */

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443' };
const URL_RE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;

/** Serialized origin of an absolute URL (`https://api.example:8443`), or null when it has none. */
export function originOf(url: string): string | null {
  const m = URL_RE.exec(url.trim());
  if (!m) return null;
  const scheme = (m[1] ?? '').toLowerCase();
  if (!(scheme in DEFAULT_PORTS)) return null;
  const authority = (m[2] ?? '').replace(/^.*@/, '');
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  if (!hp || !hp[1]) return null;
  const host = hp[1].toLowerCase();
  const port = hp[2] && hp[2] !== DEFAULT_PORTS[scheme] ? ':' + String(Number(hp[2])) : '';
  return `${scheme}://${host}${port}`;
}

/** Path of an absolute URL (`/api/items`), `/` when absent. */
export function pathOf(url: string): string {
  const m = URL_RE.exec(url.trim());
  return m && m[3] ? m[3] : '/';
}

/** A well-formed serialized origin as browsers send it, or the opaque `null`. */
export function isSerializedOrigin(value: string): boolean {
  if (value === 'null') return true;
  return /^[a-z][a-z0-9+.-]*:\/\/(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(:\d{1,5})?$/.test(value);
}

/** `/api/` for `/api/items/42`, `/` for `/items` or anything that is not a plain path segment. */
export function pathPrefix(path: string): string {
  const m = /^\/([A-Za-z0-9._~-]+)\/./.exec(path);
  return m ? `/${m[1]}/` : '/';
}

/** The URL with any `user:pass@` removed from its authority. */
export function withoutUserinfo(url: string): string {
  return url.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#@]*@/, '$1');
}
