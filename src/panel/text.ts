/**
 * Words the panel shows that come from elsewhere: a message of the core (rendered in the page's language)
 * or a plain string (a header value, a network error code, or a sentence an older record kept as text).
 * Reading `words` subscribes the component that renders, so a language change re-renders it.
 */
import { isMsg, type Msg, type Words, EN } from '../core';
import { words } from '../ui/i18n';

export type Text = string | Msg;

/** Rendered messages per language: a verdict's headline is drawn on every render, and may hold a long value. */
const cache = new WeakMap<Msg, { lang: string; text: string }>();

/** Any text in the given words (the page's by default); a value that is neither a string nor a message as String() says. */
export function say(x: Text | null | undefined, w: Words = words.value): string {
  if (x === null || x === undefined) return '';
  if (typeof x === 'string') return x;
  if (!isMsg(x)) return String(x);
  const hit = cache.get(x);
  if (hit && hit.lang === w.lang) return hit.text;
  const text = w.t(x);
  cache.set(x, { lang: w.lang, text });
  return text;
}

/** The same text in English and, when the page shows another language, in that language too (what the filter searches). */
export function sayBoth(x: Text | null | undefined, w: Words): string[] {
  if (x === null || x === undefined) return [];
  const en = say(x, EN);
  if (w.lang === 'en' || typeof x === 'string') return [en];
  return [en, say(x, w)];
}

/** Every string a message carries in its values (header values, URLs), nested messages included. */
export function stringsOf(x: Text | null | undefined, out: string[] = [], depth = 0): string[] {
  if (typeof x === 'string') out.push(x);
  else if (isMsg(x) && x.values && depth < 8) {
    for (const v of Object.values(x.values)) if (typeof v !== 'number') stringsOf(v, out, depth + 1);
  }
  return out;
}
