/**
 * Bounds for untrusted values in the fix: a HAR file or a hostile server can put a megabyte in a method,
 * a URL or a header list. Prose and headers show a bounded prefix with a visible marker; a value that had
 * to be cut is never written into a snippet (a cut origin or header list would allow the wrong thing).
 */

/** Longest value written into a snippet or a header line as is: an origin, a method, one header name. */
export const MAX_VALUE = 256;
/** Longest Access-Control-Allow-Headers list (joined) put in a snippet. */
export const MAX_LIST = 2048;
/** Longest URL shown in a step or a snippet comment. */
export const MAX_URL = 512;
/** Longest received value quoted in prose. */
export const MAX_PROSE = 120;

/** `1,048,576`: digits grouped by thousands, the same in every locale. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The marker that replaces the end of a cut value. */
export function cutMarker(length: number): string {
  return `…[cut: ${grouped(length)} chars]`; // i18n-exempt: a marker inside values and snippets, which are code
}

/** The value, or its first `max` characters followed by the cut marker (the full length said). */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  // Never split a surrogate pair.
  const end = /[\ud800-\udbff]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end) + cutMarker(value.length);
}
