/**
 * The extension's entry to the core: what the panel's what-if judge imports, plus the model's types. The
 * command line has its own entry (cli-api.ts); other modules are imported from their folders.
 */
export { classify } from './classify/classify';
export type * from './model/exchange';
export type * from './model/verdict';
export { reasonDef } from './reasons';
export { firstHeader } from './http/headers';
export { preflightNeed } from './classify/preflight/need';
export { errorClass } from './classify/errors';
import { wordsFor as wordsOf } from './i18n/catalogues';
import { pickLang as langOf, type Lang, type Words } from './i18n/words';
// Messages and their rendering: the surfaces import them from here (one place for the panel and popup).
export { m, isMsg } from './i18n/msg';
export type { Msg, MsgValue } from './i18n/msg';
export { EN } from './i18n/catalogues';
export { LANGS } from './i18n/words';
export type { Words, Lang } from './i18n/words';

/** The words of a language; anything but `'fr'` (a setting read back from storage may be anything) is English. */
export function wordsFor(lang: Lang): Words {
  return wordsOf(lang === 'fr' ? 'fr' : 'en');
}

/** The language of a BCP 47 tag or POSIX locale (`fr-CA`, `fr_FR.UTF-8`); English for anything else, a non-string included. */
export function pickLang(tag: string | null | undefined): Lang {
  return typeof tag === 'string' ? langOf(tag) : 'en';
}
