/**
 * Strict MIME type parsing (WHATWG "parse a MIME type"), enough to get the essence. Parameters never
 * make parsing fail, so they are not parsed here.
 */
import { isToken } from './tokens';

/** Lower-case `type/subtype` of a Content-Type value, or null when it does not parse. */
export function mimeEssence(value: string): string | null {
  const input = value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  const slash = input.indexOf('/');
  if (slash <= 0) return null;
  const type = input.slice(0, slash);
  if (!isToken(type)) return null;
  const semicolon = input.indexOf(';', slash + 1);
  const subtype = (semicolon === -1 ? input.slice(slash + 1) : input.slice(slash + 1, semicolon)).replace(/[ \t\r\n]+$/, '');
  if (!isToken(subtype)) return null;
  return `${type}/${subtype}`.toLowerCase();
}
