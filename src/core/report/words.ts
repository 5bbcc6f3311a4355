/** The language a report, a HAR file or a curl command is written in: the Words a caller passed, else English. */
import { EN } from '../i18n/catalogues';
import { LANGS } from '../i18n/words';
import type { Words } from '../i18n/words';

/** The words an options object carries (a Words: `lang` and `t`), English otherwise (never throws). */
export function wordsIn(v: unknown): Words {
  try {
    return typeof v === 'object' && v !== null && LANGS.includes((v as Words).lang) && typeof (v as Words).t === 'function' ? (v as Words) : EN;
  } catch {
    return EN;
  }
}
