/**
 * CORS safelists as Chromium applies them (Fetch §cors-safelisted-request-header plus Chromium's
 * extra client-hint names): which methods and request headers a cross-origin request may carry
 * without a preflight.
 */
import { mimeEssence } from './mime';
import { utf8Length } from './headers';

/** GET, HEAD and POST, compared after upper-casing (as Chromium does). */
export function isSafelistedMethod(method: string): boolean {
  if (method === 'GET' || method === 'POST' || method === 'HEAD') return true;
  if (typeof method !== 'string') return false;
  // A method already in ASCII upper case (PUT, DELETE, PATCH…) is not one of them: no upper-cased copy needed.
  let caseMatters = false;
  for (let i = 0; i < method.length && !caseMatters; i++) {
    const c = method.charCodeAt(i);
    caseMatters = (c >= 0x61 && c <= 0x7a) || c >= 0x80;
  }
  if (!caseMatters) return false;
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD' || m === 'POST';
}

export const MAX_SAFELISTED_VALUE_BYTES = 128;
export const MAX_SAFELISTED_TOTAL_BYTES = 1024;

const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'] as const;

/** Why one header is not safelisted, or null when it is. */
type UnsafeKind = 'name' | 'value' | 'content-type' | 'too-long';

/** Per ASCII code: 1 for a CORS-unsafe request-header byte, 2 for a character a language value may hold. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) if (c !== 0x09) ASCII_CLASS[c] = 1;
for (const c of '"():<>?@[\\]{}\x7f') ASCII_CLASS[c.charCodeAt(0)] = 1;
for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz *,-.;=') ASCII_CLASS[c.charCodeAt(0)] = 2;

/** A CORS-unsafe request-header byte (Fetch): controls but TAB, `"():<>?@[\]{}` and DEL. */
function hasUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80 && ASCII_CLASS[c] === 1) return true;
  }
  return false;
}

/** Accept-Language / Content-Language: only `0-9 A-Z a-z`, space, `* , - . ; =`. */
function isLanguageValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80 || ASCII_CLASS[c] !== 2) return false;
  }
  return true;
}

/** A single `bytes=start-[end]` range without whitespace, start required, start ≤ end. */
function isSimpleRange(value: string): boolean {
  const m = /^bytes=([0-9]+)-([0-9]*)$/.exec(value);
  if (!m) return false;
  if (m[2] === '') return true;
  const start = m[1]!.replace(/^0+(?=.)/, '');
  const end = m[2]!.replace(/^0+(?=.)/, '');
  return start.length < end.length || (start.length === end.length && start <= end);
}

const DECIMAL = /^[0-9]+(?:\.[0-9]+)?$/;
const INTEGER = /^[0-9]+$/;
const ECT = new Set(['slow-2g', '2g', '3g', '4g']);

/** Value rule per safelisted (lower-case) name; names absent from this table are never safelisted. */
const VALUE_RULES = new Map<string, (v: string) => UnsafeKind | null>(Object.entries({
  accept: (v) => (hasUnsafeByte(v) ? 'value' : null),
  'accept-language': (v) => (isLanguageValue(v) ? null : 'value'),
  'content-language': (v) => (isLanguageValue(v) ? null : 'value'),
  'content-type': (v) => {
    if (hasUnsafeByte(v)) return 'value';
    const essence = mimeEssence(v);
    return essence !== null && (SIMPLE_CONTENT_TYPES as readonly string[]).includes(essence) ? null : 'content-type';
  },
  range: (v) => (isSimpleRange(v) ? null : 'value'),
  // Chromium-only additions (client hints and interventions).
  intervention: () => null,
  'device-memory': (v) => (DECIMAL.test(v) ? null : 'value'),
  dpr: (v) => (DECIMAL.test(v) ? null : 'value'),
  downlink: (v) => (DECIMAL.test(v) ? null : 'value'),
  width: (v) => (INTEGER.test(v) ? null : 'value'),
  'viewport-width': (v) => (INTEGER.test(v) ? null : 'value'),
  rtt: (v) => (INTEGER.test(v) ? null : 'value'),
  ect: (v) => (ECT.has(v) ? null : 'value'),
  'save-data': (v) => (v.toLowerCase() === 'on' ? null : 'value'),
} satisfies Record<string, (v: string) => UnsafeKind | null>));

/** Names Chromium safelists that the Fetch standard (and Firefox) does not. */
export const CHROMIUM_ONLY_SAFELISTED = ['intervention', 'device-memory', 'dpr', 'downlink', 'width', 'viewport-width', 'rtt', 'ect', 'save-data'] as const;

/**
 * Whether one request header (lower-case name, combined value) is CORS-safelisted on its own;
 * returns why not. The 1024-byte total is applied by the caller.
 */
export function headerUnsafeKind(lowerName: string, value: string): UnsafeKind | null {
  if (typeof lowerName !== 'string') return 'name';
  if (typeof value !== 'string') return 'value';
  const rule = VALUE_RULES.get(lowerName);
  if (rule === undefined) return 'name';
  // A UTF-16 unit takes at most 3 bytes in UTF-8: short values need no count.
  if (value.length * 3 > MAX_SAFELISTED_VALUE_BYTES && utf8Length(value) > MAX_SAFELISTED_VALUE_BYTES) return 'too-long';
  return rule(value);
}
