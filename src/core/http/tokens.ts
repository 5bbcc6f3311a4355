/** HTTP token and comma-list parsing as Chromium applies it to Access-Control-Allow-Methods/-Headers. */
import { perValue } from './per-value';

const TCHAR = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~") TCHAR[c.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) TCHAR[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) TCHAR[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) TCHAR[c] = 1;

/** RFC 9110 token: one or more tchar. */
export function isToken(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || TCHAR[c] !== 1) return false;
  }
  return true;
}

interface ParsedList {
  /** Items in order, whitespace-trimmed, empty items skipped. */
  items: string[];
  /** The first item that is not a token, or null when all are tokens. */
  invalid: string | null;
}

/**
 * Split a (joined) list header on commas, trim optional whitespace, skip empty items, and report the
 * first item that is not a token (Chromium then fails the preflight).
 */
export function parseTokenList(value: string | null): ParsedList {
  const items: string[] = [];
  if (value === null) return { items, invalid: null };
  let invalid: string | null = null;
  // Each comma-separated item, its spaces and tabs trimmed by index: one string per item, no other.
  let start = 0;
  while (start <= value.length) {
    let end = value.indexOf(',', start);
    if (end === -1) end = value.length;
    let a = start;
    let b = end;
    while (a < b && isOws(value.charCodeAt(a))) a++;
    while (b > a && isOws(value.charCodeAt(b - 1))) b--;
    if (b > a) {
      const item = value.slice(a, b);
      if (invalid === null && !isToken(item)) invalid = item;
      items.push(item);
    }
    start = end + 1;
  }
  return { items, invalid };
}

function isOws(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** A parsed list as the classifier shares it: read only. */
export interface TokenList {
  readonly items: readonly string[];
  readonly invalid: string | null;
  /** The items in lower case, for names compared case-insensitively (Access-Control-Allow-Headers). */
  readonly lower: readonly string[];
}

const NO_LIST: TokenList = { items: [], invalid: null, lower: [] };
const listOf = perValue<TokenList>((value) => {
  const { items, invalid } = parseTokenList(value);
  return { items, invalid, lower: items.map((item) => item.toLowerCase()) };
});

/**
 * `parseTokenList`, read only and remembered per value (`perValue`) with its items in lower case: the
 * classifier reads a preflight's Access-Control-Allow-Methods and -Headers once or twice, and a server sends
 * the same ones every time, so they are lower-cased once per value rather than on every comparison.
 */
export function tokenListOf(value: string | null): TokenList {
  return value === null ? NO_LIST : listOf(value);
}
