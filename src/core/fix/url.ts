/**
 * Path helpers for the fix generator (origins come from the core's own parser in ../origin).
 */

export { originOf } from '../http/origin';

const URL_RE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;

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

/** `/api/` for `/api/items/42`, `/` for `/items`, a segment over 100 characters or anything that is not a plain path segment. */
export function pathPrefix(path: string): string {
  const m = /^\/([A-Za-z0-9._~-]{1,100})\/./.exec(path);
  return m ? `/${m[1]}/` : '/';
}

/** The URL with any `user:pass@` removed from its authority. */
export { stripUserinfo as withoutUserinfo } from '../http/origin';
