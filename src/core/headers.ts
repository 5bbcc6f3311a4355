/**
 * Header helpers over the `Header[]` model: lookups are case-insensitive, duplicates are kept and
 * joined the way browsers join them (", "), and nothing here throws on odd input.
 */
import type { Header } from './model';

/** Canonical display case for well-known names: `access-control-allow-origin` → `Access-Control-Allow-Origin`. */
export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase());
}

function sameName(header: Header, lower: string): boolean {
  const name = header.name;
  return typeof name === 'string' && name.length === lower.length && name.toLowerCase() === lower;
}

/** Every value of the header `name` (any case), in order. Empty when absent. */
export function headerValues(headers: readonly Header[] | undefined, name: string): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  if (!Array.isArray(headers)) return out;
  for (const h of headers) {
    if (h && sameName(h, lower)) out.push(typeof h.value === 'string' ? h.value : '');
  }
  return out;
}

/** Whether the header `name` is present at all (an empty value counts as present). */
export function hasHeader(headers: readonly Header[] | undefined, name: string): boolean {
  if (!Array.isArray(headers)) return false;
  const lower = name.toLowerCase();
  for (const h of headers) if (h && sameName(h, lower)) return true;
  return false;
}

/**
 * The header's combined value as a browser computes it: lines joined with ", ", then
 * leading/trailing whitespace trimmed. `null` when the header is absent.
 */
export function joinedHeader(headers: readonly Header[] | undefined, name: string): string | null {
  const values = headerValues(headers, name);
  if (values.length === 0) return null;
  return trimHttpWhitespace(values.length === 1 ? values[0]! : values.map(trimHttpWhitespace).join(', '));
}

/** First value of the header, trimmed, or `null`. */
export function firstHeader(headers: readonly Header[] | undefined, name: string): string | null {
  const values = headerValues(headers, name);
  return values.length === 0 ? null : trimHttpWhitespace(values[0]!);
}

/** Strip HTTP whitespace (space, tab, CR, LF) from both ends. */
export function trimHttpWhitespace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isHttpWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Number of bytes the value takes in UTF-8 (header limits are in bytes). */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
