/**
 * Header values are untrusted and unbounded: 256 KB is legal HTTP and a HAR file can hold 10 MB in one
 * value. Laying out such a text inline costs seconds to minutes (Chromium breaks an unbroken run into
 * lines character by character), so whatever renders a value shows a bounded prefix, and the whole
 * value only on request, in a view that lays out just the lines in sight (LongTextView).
 */
import { t } from './i18n';

/** Characters of a value shown inline before the "… N characters: show all / copy" marker. */
export const PREVIEW_CHARS = 2000;

/** The first `limit` characters, never splitting a surrogate pair; `cut` when something was left out. */
export function clipText(value: string, limit = PREVIEW_CHARS): { text: string; cut: boolean } {
  if (value.length <= limit) return { text: value, cut: false };
  const end = isHighSurrogate(value.charCodeAt(limit - 1)) ? limit - 1 : limit;
  return { text: value.slice(0, end), cut: true };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** "1,048,576" (not toLocaleString: its first call loads locale data, 50 ms when the details open). */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1,048,576 characters" / "1 048 576 caractères", in the page's language. */
export function characters(n: number): string {
  return t('ui_characters', { count: n });
}

/**
 * Line `index` of `value` cut into lines of `cols` characters (a hard wrap the view can position without
 * laying out the rest). Newlines and other control characters inside a line are shown escaped, so every
 * line stays one line high.
 */
export function lineAt(value: string, cols: number, index: number): string {
  const line = value.slice(index * cols, (index + 1) * cols);
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function lineCount(value: string, cols: number): number {
  return Math.max(1, Math.ceil(value.length / cols));
}
