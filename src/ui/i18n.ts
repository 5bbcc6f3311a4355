/**
 * The language of the extension's pages (panel, popup): the browser's UI language unless the user forced
 * English or French. Components call `t(id, values)` for their own words and `tm(msg)` for the core's
 * messages; both read the `words` signal, so a language change re-renders every text without a reload.
 */
import { computed, signal } from '@preact/signals';
import type { ComponentChild } from 'preact';
import type { Msg, MsgValue } from '../core/i18n/msg';
import { wordsFor } from '../core/i18n/catalogues';
import { pickLang, type Lang, type Words } from '../core/i18n/words';

export type LangSetting = 'auto' | Lang;

const LANG_SETTINGS: readonly LangSetting[] = ['auto', 'en', 'fr'];

export function isLangSetting(v: unknown): v is LangSetting {
  return typeof v === 'string' && (LANG_SETTINGS as readonly string[]).includes(v);
}

/** What the user chose (remembered in storage by the page's adapter). */
export const langSetting = signal<LangSetting>('auto');
/** The browser's UI language, as `i18n.getUILanguage()` reports it (set by the page's adapter at start). */
export const browserLang = signal<Lang>(pickLang(typeof navigator === 'undefined' ? 'en' : navigator.language));

export const uiLang = computed<Lang>(() => (langSetting.value === 'auto' ? browserLang.value : langSetting.value));
export const words = computed<Words>(() => wordsFor(uiLang.value));

/** One of the page's own messages in the current language. */
export function t(id: string, values?: Record<string, MsgValue>): string {
  return words.value.say(id, values);
}

/** A message from the core (a verdict's headline, a reason's summary, a fix note…) in the current language. */
export function tm(msg: Msg): string {
  return words.value.t(msg);
}

/**
 * A message with elements inside it (`<strong>CORS</strong>`, a `<code>` endpoint): each `slots` name is a
 * placeholder whose element is put where the language puts it. The rest of the text is plain text.
 */
export function tParts(id: string, values: Record<string, MsgValue>, slots: Record<string, ComponentChild>): ComponentChild[] {
  const names = Object.keys(slots);
  // Private-use marks around each slot index (no text a page shows uses them).
  const marked: Record<string, MsgValue> = { ...values };
  names.forEach((name, i) => { marked[name] = `\uE000${i}\uE000`; });
  return words.value.say(id, marked).split(/\uE000(\d+)\uE000/).map((part, i) => {
    if (i % 2 === 0) return part;
    const name = names[Number(part)];
    return name === undefined ? '' : slots[name];
  }).filter((part) => part !== '');
}
