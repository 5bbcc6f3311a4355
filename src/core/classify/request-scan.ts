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
/** Bit n set when one of those names has n characters. */
const CHROMIUM_ONLY_LENGTHS = CHROMIUM_ONLY_SAFELISTED.reduce((mask, name) => mask | (1 << name.length), 0);

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
    // Lower-casing never shortens a name, and no other letter lower-cases to these ASCII names: a name of
    // another length cannot be one of them.
    if (length > 31 || ((CHROMIUM_ONLY_LENGTHS >>> length) & 1) === 0) continue;
    if (CHROMIUM_ONLY.has(lowerName(h.name)) && !found?.includes(h.name)) (found ??= []).push(h.name);
  }
  if (found) out.chromiumOnly = found;
  return out;
}
