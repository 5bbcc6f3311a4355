/** HTTP token and comma-list parsing as Chromium applies it to Access-Control-Allow-Methods/-Headers. */

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

export interface ParsedList {
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
  for (const raw of value.split(',')) {
    const item = trimOws(raw);
    if (item.length === 0) continue;
    if (invalid === null && !isToken(item)) invalid = item;
    items.push(item);
  }
  return { items, invalid };
}

function trimOws(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s.charCodeAt(a) === 0x20 || s.charCodeAt(a) === 0x09)) a++;
  while (b > a && (s.charCodeAt(b - 1) === 0x20 || s.charCodeAt(b - 1) === 0x09)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
