/**
 * "One home" rule for catalogues of words: each owner (a reason code today; a finding, a translated
 * catalogue tomorrow) has its words written in its home files only. `copiesOutsideHome` reads every
 * string literal, template chunk and JSX text of the given sources (with the TypeScript parser, so
 * comments and identifiers never match) and reports each place outside an owner's home that repeats:
 *
 * - `label`: a literal equal to one of the owner's labels (a short table label, any length);
 * - `text`: a literal that contains a fixed part of one of the owner's texts (the text split into
 *   sentences and at its variable parts, at least MIN_TEXT characters and three words), or that is most of one (a copy
 *   whose variables sit elsewhere: `${where} had no Access-Control-Allow-Origin header`);
 * - `id`: a literal equal to one of the owner's identifiers (a Firefox key, an MDN page);
 * - `key`: the owner's key used as a property name (`{ AllowOriginMismatch: … }`), or in a list of
 *   two or more keys (`new Set(['A', 'B'])`): a per-owner table kept elsewhere.
 *
 * Comparing with texts rendered by the owner (rather than with its source) follows the words through
 * helpers and templates; splitting at the variable parts (`MARK`) finds a copy that is embedded in a
 * longer line.
 */
import ts from 'typescript';

export interface WordOwner {
  /** How the owner is named in a failure: its code, a finding's id… */
  id: string;
  /** Files where its words may be written (paths as given in `SourceFile.path`). */
  home: readonly string[];
  /** Short labels: another literal equal to one is a copy. */
  labels: readonly string[];
  /** Sentences and console lines as the owner renders them; variable parts written as `MARK`. */
  texts: readonly string[];
  /** Identifiers only the owner may spell out (Firefox keys, MDN pages). */
  ids: readonly string[];
  /** Keys a table elsewhere would be indexed by (its code). */
  keys: readonly string[];
}

export interface SourceFile {
  path: string;
  text: string;
}

export interface Copy {
  owner: string;
  file: string;
  line: number;
  kind: 'label' | 'text' | 'id' | 'key';
  what: string;
}

/** Stands for a variable part (a URL, a header value…) in a rendered text. */
export const MARK = '§';
const MIN_TEXT = 20;
/** A literal that is this share of a fixed part is a copy of it; a shorter one is an ordinary phrase ("the preflight (OPTIONS"). */
const MOST = 0.6;

export interface Literal {
  text: string;
  line: number;
}

interface Parsed {
  literals: Literal[];
  /** Property names and members of literal lists of strings. */
  propertyNames: Literal[];
  stringLists: Literal[][];
}

const parsedFiles = new WeakMap<SourceFile, Parsed>();

function parse(file: SourceFile): Parsed {
  const known = parsedFiles.get(file);
  if (known) return known;
  const sf = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, file.path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const out: Parsed = { literals: [], propertyNames: [], stringLists: [] };
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
      out.literals.push({ text: n.text, line: lineOf(n) });
    } else if (ts.isJsxText(n)) {
      out.literals.push({ text: n.text, line: lineOf(n) });
    }
    if ((ts.isPropertyAssignment(n) || ts.isMethodDeclaration(n) || ts.isPropertySignature(n)) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) {
      out.propertyNames.push({ text: n.name.text, line: lineOf(n) });
    }
    if (ts.isArrayLiteralExpression(n)) {
      out.stringLists.push(n.elements.filter(ts.isStringLiteral).map((e) => ({ text: e.text, line: lineOf(e) })));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  parsedFiles.set(file, out);
  return out;
}

/** Every string literal, template chunk and JSX text of a file, with its line. */
export function literalsOf(file: SourceFile): readonly Literal[] {
  return parse(file).literals;
}

const isSentence = (s: string) => s.length >= MIN_TEXT && s.split(/\s+/).filter(Boolean).length >= 3;

/** The fixed parts of a rendered text: each sentence's pieces between its variable parts, long enough to be words. */
export function fixedParts(text: string): string[] {
  return text.split(MARK).flatMap((s) => s.split(/(?<=[.;])\s+(?=["A-Z])/)).map((s) => s.trim()).filter(isSentence);
}

/**
 * Every place outside an owner's home that repeats its words or indexes a table by its key.
 * `ordinary`: literals that happen to read like part of an owner's text but are nobody's words.
 */
export function copiesOutsideHome(owners: readonly WordOwner[], sources: readonly SourceFile[], ordinary: readonly string[] = []): Copy[] {
  const parsed = new Map(sources.map((f) => [f.path, parse(f)] as const));
  const matchers = owners.map((o) => matcherOf(o, new Set(ordinary)));
  const allKeys = new Set(owners.flatMap((o) => o.keys));
  const copies: Copy[] = [];
  for (const [i, owner] of owners.entries()) {
    const m = matchers[i]!;
    for (const file of sources) {
      if (m.home.has(file.path)) continue;
      const p = parsed.get(file.path)!;
      // A word several owners share (a preflight twin's texts, a Firefox key two codes map to) may live in any of their homes.
      const sharedHome = (kind: Copy['kind'], t: string) => matchers.some((o) => o !== m && o.home.has(file.path) && o.match(t) === kind);
      const found = (kind: Copy['kind'], l: Literal) => {
        if (kind !== 'key' && sharedHome(kind, l.text.trim())) return;
        copies.push({ owner: owner.id, file: file.path, line: l.line, kind, what: l.text });
      };
      for (const l of p.literals) {
        const kind = m.match(l.text.trim());
        if (kind) found(kind, l);
      }
      for (const n of p.propertyNames) if (m.keys.has(n.text)) found('key', n);
      for (const list of p.stringLists) {
        if (list.filter((e) => allKeys.has(e.text)).length < 2) continue;
        for (const e of list) if (m.keys.has(e.text)) found('key', e);
      }
    }
  }
  return copies;
}

interface Matcher {
  home: ReadonlySet<string>;
  keys: ReadonlySet<string>;
  /** What kind of the owner's words a literal repeats, or null. */
  match: (literal: string) => Exclude<Copy['kind'], 'key'> | null;
}

function matcherOf(owner: WordOwner, ordinary: ReadonlySet<string>): Matcher {
  const parts = [...new Set(owner.texts.flatMap(fixedParts))];
  const labels = new Set(owner.labels);
  const ids = new Set(owner.ids);
  return {
    home: new Set(owner.home),
    keys: new Set(owner.keys),
    match: (t) => {
      if (labels.has(t)) return 'label';
      if (ids.has(t)) return 'id';
      if (t.length < MIN_TEXT || ordinary.has(t)) return null;
      const sentence = isSentence(t);
      const copied = (part: string) =>
        part.length <= t.length ? t.includes(part) : sentence && t.length >= MOST * part.length && part.includes(t);
      if (parts.some(copied)) return 'text';
      return null;
    },
  };
}
