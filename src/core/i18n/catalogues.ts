/**
 * The two catalogues, bundled: the core renders without a browser API (the CLI, reports, tests), and a
 * page can show a language other than the browser's. The same files are the extension's `_locales`.
 */
import en from '../../../public/_locales/en/messages.json';
import fr from '../../../public/_locales/fr/messages.json';
import { createWords, LANGS, type Catalogue, type Lang, type Words } from './words';

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, fr };

const cache = new Map<Lang, Words>();

/** Words of a language (English answers what French lacks, so nothing shows an id). */
export function wordsFor(lang: Lang): Words {
  if (!LANGS.includes(lang)) lang = 'en';
  let w = cache.get(lang);
  if (!w) {
    w = createWords(lang, CATALOGUES[lang], lang === 'en' ? undefined : CATALOGUES.en);
    cache.set(lang, w);
  }
  return w;
}

/** English: what tests, logs and machine-facing defaults use. */
export const EN: Words = wordsFor('en');
