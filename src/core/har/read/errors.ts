/** Why a file could not be read at all (entries that are merely malformed become warnings instead). */
type HarReadErrorKind = 'too-large' | 'malformed-json' | 'not-har' | 'empty';

import { m, type Msg } from '../../i18n/msg';

export class HarReadError extends Error {
  readonly kind: HarReadErrorKind;
  /** The sentence as a message (`har_error_*`), for a surface that speaks another language than `message`'s. */
  readonly msg?: Msg;
  constructor(kind: HarReadErrorKind, message: string, msg?: Msg) {
    super(typeof message === 'string' ? message : '');
    this.name = 'HarReadError';
    this.kind = kind;
    if (msg !== undefined) this.msg = msg;
  }
}

/** A message of the HAR reader's catalogue (`har_` + name). */
export const hm = (name: string, values?: Record<string, string | Msg>): Msg => m(`har_${name}`, values);

/** Default limit of `readHar`: larger files are refused with a clear message instead of exhausting memory. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** A size in MB, KB or bytes, one decimal, as `lang` writes its decimal comma or point. */
export function formatBytes(n: number, lang = 'en'): Msg {
  const fixed = (v: number): string => (lang === 'fr' ? v.toFixed(1).replace('.', ',') : v.toFixed(1));
  return n >= 1024 * 1024 ? hm('size_mb', { n: fixed(n / 1024 / 1024) }) : n >= 1024 ? hm('size_kb', { n: fixed(n / 1024) }) : hm('size_bytes', { n: String(n) });
}

/** UTF-8 length of a string, computed only when the cheap bounds cannot decide. */
export function exceedsBytes(text: string, max: number): number | null {
  if (text.length > max) return text.length;
  if (text.length * 3 <= max) return null;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes > max ? bytes : null;
}
