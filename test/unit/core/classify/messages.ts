/** Test helper: the message ids (nested ones included) that a catalogue lacks, directly or as a plural. */
import type { Msg } from '../../../../src/core/i18n/msg';
import { CATALOGUES } from '../../../../src/core/i18n/catalogues';
import type { Lang } from '../../../../src/core/i18n/words';

function has(lang: Lang, id: string): boolean {
  const c = CATALOGUES[lang];
  return Object.prototype.hasOwnProperty.call(c, id) || Object.prototype.hasOwnProperty.call(c, `${id}__other`);
}

/** `lang:id` for every id of `msg` (and of the messages in its values) missing from English or French. */
export function missingIds(msg: Msg, depth = 0): string[] {
  if (depth > 8) return ['too deep'];
  const out: string[] = [];
  for (const lang of ['en', 'fr'] as const) if (!has(lang, msg.id)) out.push(`${lang}:${msg.id}`);
  for (const v of Object.values(msg.values ?? {})) if (typeof v === 'object') out.push(...missingIds(v, depth + 1));
  return out;
}
