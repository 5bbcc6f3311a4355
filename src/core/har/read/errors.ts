/** Why a file could not be read at all (entries that are merely malformed become warnings instead). */
type HarReadErrorKind = 'too-large' | 'malformed-json' | 'not-har' | 'empty';

export class HarReadError extends Error {
  readonly kind: HarReadErrorKind;
  constructor(kind: HarReadErrorKind, message: string) {
    super(typeof message === 'string' ? message : '');
    this.name = 'HarReadError';
    this.kind = kind;
  }
}

/** Default limit of `readHar`: larger files are refused with a clear message instead of exhausting memory. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;

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
