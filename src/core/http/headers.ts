/**
 * Header helpers over the `Header[]` model: lookups are case-insensitive, duplicates are kept and
 * joined the way browsers join them (", "), and nothing here throws on odd input.
 */
import type { Header } from '../model/exchange';
import { sameName } from './names';

/** Canonical spellings already worked out (a page's requests repeat the same few names); bounded. */
const canonical = new Map<string, string>();

/** Canonical display case for well-known names: `access-control-allow-origin` → `Access-Control-Allow-Origin`. */
export function canonicalName(name: string): string {
  if (typeof name !== 'string') return '';
  const hit = canonical.get(name);
  if (hit !== undefined) return hit;
  let out = '';
  let upper = true;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    out += upper ? ch.toUpperCase() : ch.toLowerCase();
    upper = ch === '-';
  }
  if (name.length <= 64) {
    if (canonical.size >= 1024) canonical.clear();
    canonical.set(name, out);
  }
  return out;
}

/** Every value of the header `name` (any case), in order. Empty when absent. */
export function headerValues(headers: readonly Header[] | undefined, name: string): string[] {
  const out: string[] = [];
  if (!Array.isArray(headers) || typeof name !== 'string') return out;
  const lower = name.toLowerCase();
  for (const h of headers) {
    if (h && sameName(h, lower)) out.push(typeof h.value === 'string' ? h.value : '');
  }
  return out;
}

/** Whether the header `name` is present at all (an empty value counts as present). */
export function hasHeader(headers: readonly Header[] | undefined, name: string): boolean {
  if (!Array.isArray(headers) || typeof name !== 'string') return false;
  const lower = name.toLowerCase();
  for (const h of headers) if (h && sameName(h, lower)) return true;
  return false;
}

/**
 * The header's combined value as a browser computes it: lines joined with ", ", then
 * leading/trailing whitespace trimmed. `null` when the header is absent.
 */
export function joinedHeader(headers: readonly Header[] | undefined, name: string): string | null {
  if (!Array.isArray(headers) || typeof name !== 'string') return null;
  const lower = name.toLowerCase();
  let out: string | null = null;
  for (const h of headers) {
    if (!h || !sameName(h, lower)) continue;
    const value = trimHttpWhitespace(typeof h.value === 'string' ? h.value : '');
    out = out === null ? value : `${out}, ${value}`;
  }
  return out;
}

/** How many lines of the header `name` there are. */
export function headerCount(headers: readonly Header[] | undefined, name: string): number {
  if (!Array.isArray(headers) || typeof name !== 'string') return 0;
  const lower = name.toLowerCase();
  let n = 0;
  for (const h of headers) if (h && sameName(h, lower)) n++;
  return n;
}

/** First value of the header, trimmed, or `null`. */
export function firstHeader(headers: readonly Header[] | undefined, name: string): string | null {
  if (!Array.isArray(headers) || typeof name !== 'string') return null;
  const lower = name.toLowerCase();
  for (const h of headers) {
    if (h && sameName(h, lower)) return trimHttpWhitespace(typeof h.value === 'string' ? h.value : '');
  }
  return null;
}

/** Strip HTTP whitespace (space, tab, CR, LF) from both ends. */
export function trimHttpWhitespace(value: string): string {
  if (typeof value !== 'string') return '';
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
  if (typeof value !== 'string') return 0;
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
