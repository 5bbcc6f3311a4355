/**
 * String-literal writers for every snippet language. Header values are untrusted (a HAR file can say
 * anything), so each writer must keep any input inside its literal: quotes, backslashes, newlines,
 * interpolation markers (`$`, `#{`, `{`, `%`) and invisible or bidirectional characters (Trojan Source)
 * are escaped, or replaced by `?` where the format has no escape for them.
 */
import { textOf } from '../model/sanitize';

/** Characters that end lines somewhere, control characters, and invisible / bidi-override characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SPECIAL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

function hex4(c: string): string {
  return c.charCodeAt(0).toString(16).padStart(4, '0');
}

type Escaper = (c: string) => string | null;

function quoteWith(value: string, quote: string, escape: Escaper): string {
  let out = '';
  // Every snippet's values pass here: a value that is not text (a record of another version) is written as empty.
  for (const c of textOf(value) ?? '') {
    out += escape(c) ?? (SPECIAL.test(c) ? '?' : c);
  }
  return quote + out + quote;
}

const CONTROL_LETTERS: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** C-family escapes shared by JS, Java, C#, Go and Python: `\\`, `\"`, `\n`, `\r`, `\t`, `\uXXXX`. */
function cFamily(c: string): string | null {
  if (c === '\\') return '\\\\';
  if (c === '"') return '\\"';
  const letter = CONTROL_LETTERS[c];
  if (letter) return letter;
  if (SPECIAL.test(c)) return '\\u' + hex4(c);
  return null;
}

/** JavaScript / TypeScript double-quoted string (also valid JSON). */
export function jsString(value: string): string {
  return quoteWith(value, '"', cFamily);
}

/** JSON string (S3 CORS rules). */
export const jsonString = jsString;

/** Java string literal. `\u000a`/`\u000d` would end the line before lexing, so those use letter escapes (cFamily does). */
export function javaString(value: string): string {
  return quoteWith(value, '"', cFamily);
}

/** C# regular string literal. */
export function csString(value: string): string {
  return quoteWith(value, '"', cFamily);
}

/** Go interpreted string literal. */
export function goString(value: string): string {
  return quoteWith(value, '"', cFamily);
}

/** Python str literal. */
export function pyString(value: string): string {
  return quoteWith(value, '"', cFamily);
}

/** Ruby double-quoted string: also escapes `#` so `#{…}` can never interpolate. */
export function rubyString(value: string): string {
  return quoteWith(value, '"', (c) => (c === '#' ? '\\#' : cFamily(c)));
}

/**
 * nginx quoted parameter. nginx understands `\"`, `\\`, `\n`, `\r`, `\t` inside quotes but has no escape
 * for `$` (variable interpolation), so `$` and other specials become `?`.
 */
export function nginxString(value: string): string {
  return quoteWith(value, '"', (c) => {
    if (c === '\\') return '\\\\';
    if (c === '"') return '\\"';
    if (c === '$') return '?';
    return null;
  });
}

/**
 * Apache `Header … "value"`. Apache's tokenizer only un-escapes `\"`, and mod_headers expands `%`
 * format specifiers and the config parser `${VAR}`: `%` is doubled, `"`, `\` and `$` become `?`.
 */
export function apacheString(value: string): string {
  return quoteWith(value, '"', (c) => {
    if (c === '%') return '%%';
    if (c === '"' || c === '\\' || c === '$') return '?';
    return null;
  });
}

/** Caddyfile quoted token: `{…}` are placeholders and `"`/`\` delimit, so those become `?`. */
export function caddyString(value: string): string {
  return quoteWith(value, '"', (c) => (c === '{' || c === '}' || c === '"' || c === '\\' ? '?' : null));
}

/**
 * Text safe inside a one-line comment of any of our languages: specials and comment terminators
 * (`*` `/` for block comments, `-->`) are neutralised. Used to echo values in explanatory comments.
 */
export function commentText(value: string): string {
  let out = '';
  for (const c of value) out += SPECIAL.test(c) ? '?' : c;
  return out.replace(/\*\//g, '*?').replace(/-->/g, '--?');
}
