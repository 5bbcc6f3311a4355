/**
 * Text from the file on the terminal. Characters that would act on the terminal instead of being shown
 * (C0/C1 controls, i.e. escape sequences; line separators; the bidirectional overrides: U+202E turns text
 * around) are written as a visible `\uXXXX`.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same minus C0 controls, which JSON.stringify escapes itself (and its own line breaks must stay). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Text from the file for the terminal: every unsafe character shown as a visible `\uXXXX`. */
export const clean = (s: unknown): string => String(s).replace(UNSAFE, escaped);

/** A short column (the method): cleaned and cut, so one huge value cannot widen every row. */
export function short(s: unknown, max = 24): string {
  const text = clean(s);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * JSON text made safe for the terminal. Only strings can hold these characters, so escaping them keeps
 * the JSON valid and equal.
 */
export const cleanJson = (json: string): string => json.replace(UNSAFE_IN_JSON, escaped);
