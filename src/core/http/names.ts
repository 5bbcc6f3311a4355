/**
 * Lower-cased header names without a new string per call: a page's requests carry the same few dozen
 * names over and over (`User-Agent`, `Sec-Fetch-Mode`, `Accept`…), so each spelling is lower-cased
 * once and remembered (a bounded table; a name already in lower case is returned as is).
 */
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
