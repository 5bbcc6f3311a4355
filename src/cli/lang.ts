/**
 * The language of the command line's words: `--lang en|fr`, else the POSIX locale variables in their order
 * of precedence (LC_ALL, then LC_MESSAGES, then LANG; the first one set and not empty decides), else English.
 * Only human words change; option names, verdict kinds in JSON, codes and exit statuses never do.
 */
import { m, pickLang } from '../core/cli-api';
import type { Finding, Lang, Msg, MsgValue, Words } from '../core/cli-api';

export type Env = Readonly<Record<string, string | undefined>>;

/** The language the environment asks for (`fr_FR.UTF-8` → fr; `C`, `POSIX`, unset → en). */
export function langOfEnv(env: Env): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (typeof v === 'string' && v !== '') return pickLang(v);
  }
  return 'en';
}

/** A message of the command line's catalogue (`cli_` + name). */
export const cm = (name: string, values?: Record<string, MsgValue>): Msg => m(`cli_${name}`, values);

/** `network-error` → the `cli_kind_network_error` message. */
export const kindLabel = (w: Words, kind: string): string => w.t(cm(`kind_${kind.replace(/-/g, '_')}`));

/** A finding with its sentences said in one language (the JSON prints text, not message ids). */
export function spokenFinding(w: Words, f: Finding): object {
  const params = Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, typeof v === 'object' ? w.t(v) : v]));
  return {
    ...f,
    evidence: f.evidence.map((e) => (e.note === undefined ? e : { ...e, note: w.t(e.note) })),
    title: w.t(f.title),
    summary: w.t(f.summary),
    why: w.t(f.why),
    fix: w.t(f.fix),
    learnMore: f.learnMore.map((l) => ({ title: w.t(l.title), url: l.url })),
    params,
  };
}
