/**
 * What the classifier reads from the request headers of the first hop, found in one pass: the mode
 * (Sec-Fetch-Mode, Origin), the credentials (Cookie) and the Chromium-only safelisted names. Chrome sends
 * 12 to 16 headers with every request; reading them once instead of once per question is most of what
 * the first hop costs.
 */
import type { Header } from '../model/exchange';
import { trimHttpWhitespace } from '../http/headers';
import { lowerName, sameName } from '../http/names';
import { CHROMIUM_ONLY_SAFELISTED } from '../http/safelist';

export interface RequestScan {
  /** `firstHeader(headers, 'sec-fetch-mode')`: the first line, trimmed, or null. */
  secFetchMode: string | null;
  /** `hasHeader(headers, 'origin')`. */
  hasOrigin: boolean;
  /** `hasHeader(headers, 'cookie')`. */
  hasCookie: boolean;
  /** Chromium-only safelisted names as the request spelt them, first spelling of each, in order. */
  chromiumOnly: readonly string[];
}

const NONE: readonly string[] = [];
const CHROMIUM_ONLY: ReadonlySet<string> = new Set(CHROMIUM_ONLY_SAFELISTED);
/**
 * Per length (index), the first two characters of the names of that length (`c0 * 65536 + c1`): a name
 * whose first two characters, ASCII-folded, are none of them is not one of those names. Lower-casing
 * never shortens a name, and the only characters outside ASCII that lower-case into it (U+212A to `k`;
 * U+0130 to `i` plus a combining dot) cannot make a name that starts like one of these (no `k` in
 * the first two characters, and the dot is not ASCII).
 */
const CHROMIUM_ONLY_STARTS: readonly (readonly number[])[] = Array.from({ length: 32 }, (_, n) =>
  CHROMIUM_ONLY_SAFELISTED.filter((name) => name.length === n).map((name) => name.charCodeAt(0) * 65536 + name.charCodeAt(1)));

function mayBeChromiumOnly(name: string): boolean {
  if (name.length > 31) return false;
  const starts = CHROMIUM_ONLY_STARTS[name.length]!;
  if (starts.length === 0) return false;
  const key = (name.charCodeAt(0) | 0x20) * 65536 + (name.charCodeAt(1) | 0x20);
  for (let i = 0; i < starts.length; i++) if (starts[i] === key) return true;
  return false;
}

export function scanRequest(headers: readonly Header[] | undefined): RequestScan {
  const out: RequestScan = { secFetchMode: null, hasOrigin: false, hasCookie: false, chromiumOnly: NONE };
  let found: string[] | null = null;
  if (!Array.isArray(headers)) return out;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    if (!h || typeof h.name !== 'string') continue;
    const length = h.name.length;
    if (length === 6) {
      if (!out.hasOrigin && sameName(h, 'origin')) out.hasOrigin = true;
      else if (!out.hasCookie && sameName(h, 'cookie')) out.hasCookie = true;
    } else if (length === 14 && out.secFetchMode === null && sameName(h, 'sec-fetch-mode')) {
      out.secFetchMode = trimHttpWhitespace(typeof h.value === 'string' ? h.value : '');
    }
    // Chrome's own names (Sec-Fetch-*, sec-ch-ua) have the lengths of some of these: told apart without a lookup.
    if (!mayBeChromiumOnly(h.name)) continue;
    if (CHROMIUM_ONLY.has(lowerName(h.name)) && !found?.includes(h.name)) (found ??= []).push(h.name);
  }
  if (found) out.chromiumOnly = found;
  return out;
}
