/**
 * What the classifier reads from one request header list, found in one pass: the mode (Sec-Fetch-Mode,
 * Origin), the credentials (Cookie, Authorization), a preflight's Access-Control-Request-Method and
 * -Headers, the Chromium-only safelisted names, and whether the list alone surely needs no preflight.
 * Chrome sends 12 to 16 headers with every request; reading them once instead of once per question is
 * most of what a request list costs (header-facts.ts keeps the answer with the list).
 */
import type { Header } from '../model/exchange';
import { trimHttpWhitespace } from '../http/headers';
import { lowerName, sameName } from '../http/names';
import { CHROMIUM_ONLY_SAFELISTED } from '../http/safelist';
import type { HeaderNeed } from './preflight/need';

export interface RequestScan {
  /** `firstHeader(headers, 'sec-fetch-mode')`: the first line, trimmed, or null. */
  secFetchMode: string | null;
  /** `firstHeader(headers, 'origin')` (so `hasHeader(headers, 'origin')` is `origin !== null`). */
  origin: string | null;
  /** `hasHeader(headers, 'cookie')`. */
  hasCookie: boolean;
  /** `firstHeader(headers, 'authorization')`. */
  authorization: string | null;
  /** `firstHeader(headers, 'access-control-request-method')`. */
  acrm: string | null;
  /** `joinedHeader(headers, 'access-control-request-headers')`. */
  acrh: string | null;
  /** Chromium-only safelisted names as the request spelt them, first spelling of each, in order. */
  chromiumOnly: readonly string[];
  /**
   * What the headers alone say about a preflight (`headerNeed` in preflight/need.ts), or null when not
   * worked out yet: most lists never need it (a no-cors load, a preflight's own), so `scanRequest` leaves
   * it to `headerNeedOf` (header-facts.ts), and the capture works it out for the lists that may need it.
   */
  need: HeaderNeed | null;
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

const first = (h: Header): string => trimHttpWhitespace(typeof h.value === 'string' ? h.value : '');

export function scanRequest(headers: readonly Header[] | undefined): RequestScan {
  const out: RequestScan = {
    secFetchMode: null, origin: null, hasCookie: false, authorization: null, acrm: null, acrh: null, chromiumOnly: NONE, need: null,
  };
  let found: string[] | null = null;
  if (!Array.isArray(headers)) return out;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    if (!h || typeof h.name !== 'string') continue;
    switch (h.name.length) {
      case 6:
        if (out.origin === null && sameName(h, 'origin')) out.origin = first(h);
        else if (!out.hasCookie && sameName(h, 'cookie')) out.hasCookie = true;
        break;
      case 13:
        if (out.authorization === null && sameName(h, 'authorization')) out.authorization = first(h);
        break;
      case 14:
        if (out.secFetchMode === null && sameName(h, 'sec-fetch-mode')) out.secFetchMode = first(h);
        break;
      case 29:
        if (out.acrm === null && sameName(h, 'access-control-request-method')) out.acrm = first(h);
        break;
      case 30:
        if (sameName(h, 'access-control-request-headers')) out.acrh = out.acrh === null ? first(h) : `${out.acrh}, ${first(h)}`;
        break;
    }
    // Chrome's own names (Sec-Fetch-*, sec-ch-ua) have the lengths of some of these: told apart without a lookup.
    if (!mayBeChromiumOnly(h.name)) continue;
    if (CHROMIUM_ONLY.has(lowerName(h.name)) && !found?.includes(h.name)) (found ??= []).push(h.name);
  }
  if (found) out.chromiumOnly = found;
  return out;
}
