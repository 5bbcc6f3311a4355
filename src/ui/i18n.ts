/**
 * The language of the extension's pages (panel, popup): the browser's UI language unless the user forced
 * English or French. Components call `t(id, values)` for their own words and `tm(msg)` for the core's
 * messages; both read the `words` signal, so a language change re-renders every text without a reload.
 */
import { computed, signal } from '@preact/signals';
import type { Msg, MsgValue } from '../core/i18n/msg';
import { wordsFor } from '../core/i18n/catalogues';
import { pickLang, type Lang, type Words } from '../core/i18n/words';

export type LangSetting = 'auto' | Lang;

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
