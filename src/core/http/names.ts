/**
 * Lower-cased header names without a new string per call: a page's requests carry the same few dozen
 * names over and over (`User-Agent`, `Sec-Fetch-Mode`, `Accept`…), so each spelling is lower-cased
 * once and remembered (a bounded table; a name already in lower case is returned as is).
 */
import type { Header } from '../model/exchange';

const lowered = new Map<string, string>();
const LIMIT = 1024;
const LONGEST = 64;

/** ASCII lower case of a header name (names are tokens; other characters are kept). */
export function lowerName(name: string): string {
  const hit = lowered.get(name);
  if (hit !== undefined) return hit;
  let upper = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      upper = true;
      break;
    }
    if (c >= 0x80) return name.toLowerCase();
  }
  const lower = upper ? name.toLowerCase() : name;
  if (name.length <= LONGEST) {
    if (lowered.size >= LIMIT) lowered.clear();
    lowered.set(name, lower);
  }
  return lower;
}

/**
 * ASCII case-insensitive comparison with an already lower-case name, without allocating. From the last
 * character back: names of one length mostly share their start (`Sec-Fetch-Site` / `sec-fetch-mode`,
 * `Access-Control-…`), not their end.
 */
export function sameName(header: Header, lower: string): boolean {
  const name = header.name;
  if (typeof name !== 'string' || name.length !== lower.length) return false;
  for (let i = name.length - 1; i >= 0; i--) {
    let c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}
