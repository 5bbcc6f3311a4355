/**
 * Strict MIME type parsing (WHATWG "parse a MIME type"), enough to get the essence. Parameters never
 * make parsing fail, so they are not parsed here.
 */
import { isToken } from './tokens';
import { trimHttpWhitespace } from './headers';

/** Lower-case `type/subtype` of a Content-Type value, or null when it does not parse. */
export function mimeEssence(value: string): string | null {
  const input = trimHttpWhitespace(value);
  const slash = input.indexOf('/');
  if (slash <= 0) return null;
  const type = input.slice(0, slash);
  if (!isToken(type)) return null;
  const semicolon = input.indexOf(';', slash + 1);
  const subtype = trimEndWhitespace(semicolon === -1 ? input.slice(slash + 1) : input.slice(slash + 1, semicolon));
  if (!isToken(subtype)) return null;
  return `${type}/${subtype}`.toLowerCase();
}

/** Strip trailing HTTP whitespace only (the subtype keeps leading whitespace, which then fails). */
function trimEndWhitespace(value: string): string {
  let end = value.length;
  while (end > 0) {
    const c = value.charCodeAt(end - 1);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    end--;
  }
  return value.slice(0, end);
}
