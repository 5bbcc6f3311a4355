/**
 * The message catalogues' rules (issue 11) as pure functions of the two catalogues, so each rule can be
 * shown to fail on planted input. The catalogues follow the browser's messages.json convention: ids of
 * `[A-Za-z0-9_@]` unique ignoring case, `$name$` placeholders declared in `placeholders`, `$$` a dollar.
 * Plurals are families `<id>__one`, `<id>__other` (French may add `__many`) chosen by a `count` value.
 */
import ts from 'typescript';

export interface Entry {
  message?: unknown;
  description?: unknown;
  placeholders?: Record<string, { content?: unknown }>;
}
export type Cat = Readonly<Record<string, Entry>>;

const PLURAL = /^(.+)__(zero|one|two|few|many|other)$/;
/** Plural categories a language may have without the other language having them (French `many`). */
const OWN_CATEGORIES: Readonly<Record<string, readonly string[]>> = { en: [], fr: ['many'] };

/** `$name$` placeholders of a message, lower-cased (the browser matches them ignoring case); `$$` is a dollar. */
export function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\$\$|\$([A-Za-z0-9_@]+)\$/g)) if (match[1]) names.add(match[1].toLowerCase());
  return [...names].sort();
}

const text = (e: Entry | undefined): string => (typeof e?.message === 'string' ? e.message : '');

/** Ids in one catalogue and not the other (a language's own plural categories excepted, when the family exists). */
export function missingIds(en: Cat, fr: Cat): string[] {
  const out: string[] = [];
  const check = (from: Cat, to: Cat, fromLang: string, toLang: string) => {
    for (const id of Object.keys(from)) {
      if (Object.hasOwn(to, id)) continue;
      const p = PLURAL.exec(id);
      if (p && OWN_CATEGORIES[fromLang]!.includes(p[2]!) && Object.hasOwn(to, `${p[1]}__other`)) continue;
      out.push(`${id}: in ${fromLang}, missing in ${toLang}`);
    }
  };
  check(en, fr, 'en', 'fr');
  check(fr, en, 'fr', 'en');
  return out;
}

/** Entries that are not `{ message: string }`, or whose placeholders are not all declared (browser rule). */
export function badEntries(cat: Cat, lang: string): string[] {
  const out: string[] = [];
  for (const [id, e] of Object.entries(cat)) {
    if (typeof e !== 'object' || e === null || typeof e.message !== 'string') {
      out.push(`${lang} ${id}: no message string`);
      continue;
    }
    const declared = new Set(Object.keys(e.placeholders ?? {}).map((k) => k.toLowerCase()));
    for (const name of placeholdersOf(e.message)) if (!declared.has(name)) out.push(`${lang} ${id}: $${name}$ not declared in placeholders`);
    for (const [name, p] of Object.entries(e.placeholders ?? {})) {
      if (typeof p?.content !== 'string') out.push(`${lang} ${id}: placeholder ${name} has no content`);
    }
  }
  return out;
}

/** Ids present in both languages whose placeholder sets differ. A plural family is compared as one message. */
export function placeholderMismatches(en: Cat, fr: Cat): string[] {
  const out: string[] = [];
  for (const id of Object.keys(en)) {
    if (!Object.hasOwn(fr, id)) continue;
    const a = placeholdersOf(text(en[id])).join(',');
    const b = placeholdersOf(text(fr[id])).join(',');
    if (a !== b) out.push(`${id}: en {${a}} vs fr {${b}}`);
  }
  // Extra French plural categories (`__many`) carry the same placeholders as the family's `__other`.
  for (const id of Object.keys(fr)) {
    const p = PLURAL.exec(id);
    if (!p || Object.hasOwn(en, id)) continue;
    const other = en[`${p[1]}__other`];
    if (!other) continue;
    const a = placeholdersOf(text(other)).join(',');
    const b = placeholdersOf(text(fr[id])).join(',');
    if (a !== b) out.push(`${id}: en ${p[1]}__other {${a}} vs fr {${b}}`);
  }
  return out;
}

/** Ids the browser would reject, or that clash ignoring case, or appear twice in the raw file. */
export function badIds(cat: Cat, lang: string, raw?: string): string[] {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const id of Object.keys(cat)) {
    if (!/^[A-Za-z0-9_@]+$/.test(id)) out.push(`${lang} ${id}: id outside [A-Za-z0-9_@]`);
    const low = id.toLowerCase();
    const prev = seen.get(low);
    if (prev !== undefined) out.push(`${lang} ${id}: same id as ${prev} ignoring case`);
    else seen.set(low, id);
  }
  if (raw !== undefined) {
    const counts = new Map<string, number>();
    for (const match of raw.matchAll(/^ {2}"([^"\n]+)"\s*:/gm)) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
    for (const [id, n] of counts) if (n > 1) out.push(`${lang} ${id}: appears ${n} times in the file`);
  }
  return out;
}

/** Plural families: every family has `__one` and `__other` in each language, and no plain id of the same name. */
export function incompletePlurals(cats: Readonly<Record<string, Cat>>): string[] {
  const families = new Set<string>();
  for (const cat of Object.values(cats)) for (const id of Object.keys(cat)) {
    const p = PLURAL.exec(id);
    if (p) families.add(p[1]!);
  }
  const out: string[] = [];
  for (const base of [...families].sort()) {
    for (const [lang, cat] of Object.entries(cats)) {
      for (const need of ['one', 'other']) if (!Object.hasOwn(cat, `${base}__${need}`)) out.push(`${lang} ${base}: plural family without __${need}`);
      if (Object.hasOwn(cat, base)) out.push(`${lang} ${base}: plain id and plural family of the same name (the plural would never be used)`);
    }
  }
  return out;
}

/**
 * French typography (glossary): a no-break space, not a plain one, before `: ; ? ! »` and after `«`;
 * the typographic apostrophe `’` between letters. Firefox's verbatim console lines (`firefox_*`) are exempt.
 */
export function frenchTypography(fr: Cat): string[] {
  const out: string[] = [];
  const letter = 'A-Za-zÀ-ÖØ-öø-ÿŒœ';
  const apostrophe = new RegExp(`[${letter}]'[${letter}]`);
  for (const [id, e] of Object.entries(fr)) {
    if (id.startsWith('firefox_')) continue;
    const s = text(e);
    const plain = / [:;?!»]|« /.exec(s);
    if (plain) out.push(`fr ${id}: plain space in "${s.slice(Math.max(0, plain.index - 15), plain.index + 5)}" (use U+00A0)`);
    const ap = apostrophe.exec(s);
    if (ap) out.push(`fr ${id}: straight apostrophe in "${ap[0]}" (use ’)`);
  }
  return out;
}

/**
 * Message ids written as literals in code (comments ignored): the first argument of `t('id')`, `say('id')`,
 * `m('id')`, `getMessage('id')` (any receiver); and `__MSG_id__` anywhere (the manifest's convention).
 */
export function literalIds(source: string, path = 'x.tsx'): string[] {
  const ids = new Set<string>();
  for (const match of source.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) ids.add(match[1]!);
  if (path.endsWith('.json') || !/(?<![\w$])(?:t|say|m|getMessage)\(\s*['"`]/.test(source)) return [...ids];
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, path.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.TSX);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      const first = node.arguments[0];
      if (ID_CALLS.has(name) && first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) && /^[A-Za-z0-9_@]+$/.test(first.text)) {
        ids.add(first.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...ids];
}

const ID_CALLS = new Set(['t', 'say', 'm', 'getMessage']);

/** Whether a catalogue can render an id: directly, or as a plural family. */
export function hasId(cat: Cat, id: string): boolean {
  return Object.hasOwn(cat, id) || Object.hasOwn(cat, `${id}__other`);
}
