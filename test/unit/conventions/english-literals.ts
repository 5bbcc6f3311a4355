/**
 * Issue 11: user-visible English written into the code instead of the catalogues, found with the TypeScript
 * compiler's parser (pure functions of file texts, so each rule can be shown to fail on planted input).
 *
 * A finding is: JSX text with a letter; a literal in a visible JSX attribute (title, aria-label, placeholder,
 * alt, label); a string or template literal that reads as English prose (two or more words with a space, one
 * of them a plain word: "no Allow-Origin", `${n} rows`). Technical shapes pass: class names, styles, test ids,
 * selectors, import paths, types, object keys, header lines, lists of codes ("GET, POST"). A literal that must
 * stay English passes by its context (Chrome's console text, `chrome:` in a reason module; console output)
 * or by a trailing `// i18n-exempt: <why>` on its line.
 */
import ts from 'typescript';

export interface Finding { path: string; line: number; rule: 'jsx-text' | 'attribute' | 'prose'; text: string }
export interface Exemption { path: string; line: number; why: string; text: string }
export interface Scan { findings: Finding[]; exemptions: Exemption[] }

/** Attributes whose value the user reads. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description', 'aria-roledescription', 'aria-valuetext']);
/** Attributes whose value is code: class names, styles, ids, URLs… (prose there is not shown as text). */
const CODE_ATTRIBUTES = new Set([
  'class', 'className', 'style', 'id', 'key', 'role', 'type', 'rel', 'href', 'src', 'name', 'lang', 'dir', 'for', 'htmlFor',
  'autocomplete', 'autoComplete', 'inputMode', 'd', 'viewBox', 'part', 'slot', 'accept', 'target', 'data-testid', 'data-state',
]);
/** Object keys whose value is code, or Chrome's console text (English in every language). */
const CODE_KEYS = new Set(['class', 'className', 'style', 'testId', 'testid', 'key']);
const CHROME_KEYS = new Set(['chrome', 'chromeMessage']);
/** Calls whose string arguments are selectors, class names or event names. */
const CODE_CALLS = new Set([
  'add', 'remove', 'toggle', 'contains', 'querySelector', 'querySelectorAll', 'matches', 'closest', 'getElementById',
  'setAttribute', 'getAttribute', 'removeAttribute', 'hasAttribute', 'addEventListener', 'removeEventListener',
  'getPropertyValue', 'setProperty', 'createElement', 'cx', 'clsx', 'classes',
]);
const CONSOLE = /^console\.\w+$/;
/** JSX text that is the same in every language: product names (glossary) and the languages' own names. */
const SAME_IN_EVERY_LANGUAGE = new Set(['CORS Lens', 'CORS', 'Chrome', 'Chromium', 'Firefox', 'DevTools', 'HAR', 'MDN', 'English', 'Français']);
/** A function or constant of a reason module named chrome… builds Chrome's console text. */
const CHROME_NAME = /^chrome/i;
const EXEMPT_COMMENT = /(?:\/\/|\/\*)\s*i18n-exempt:\s*(\S.*?)\s*(?:\*\/.*)?$/;

/** A word of prose: lower-case letters (an optional capital first), e.g. "no", "Reload", "isn’t". */
const PLAIN_WORD = /^\p{Lu}?\p{Ll}{2,}(?:['’]\p{Ll}+)?$|^\p{Ll}$/u;
/** Any word of letters (header names and codes included). */
const LETTER_WORD = /^\p{L}[\p{L}\p{M}'’-]*$/u;
const SUBST = '\u0001';
/** Names that read like plain words but are the same in every language (glossary: product names). */
const NAMES = new Set(['Firefox', 'Chrome', 'Chromium', 'Lens', 'Safari', 'Edge', 'Opera', 'DevTools']);
const PUNCT = /^[\s,.;:!?()[\]{}"'«»“”…]+|[\s,.;:!?()[\]{}"'«»“”…]+$/gu;

/** Whether a literal's text (substitutions replaced by SUBST) reads as English prose. */
export function looksLikeProse(text: string): boolean {
  const s = text.trim();
  if (!/\s/.test(s)) return false;
  if (/^[A-Z][A-Za-z0-9-]*: \S*$/.test(s)) return false; // a header line: "Origin: null"
  if (/^(?:[a-z-]+\s*:\s*[^;:]+;?\s*)+$/.test(s) || /var\(--|\d(?:px|em|rem|vh|vw)\b/.test(s)) return false; // CSS
  const tokens = s.split(/\s+/).map((x) => x.replace(PUNCT, '')).filter(Boolean);
  const real = tokens.filter((x) => LETTER_WORD.test(x)).length;
  const substs = tokens.filter((x) => x === SUBST).length;
  return tokens.some((x) => PLAIN_WORD.test(x) && !NAMES.has(x)) && real + substs >= 2;
}

function calleeName(expr: ts.Expression): string {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) {
    const base = ts.isIdentifier(expr.expression) ? `${expr.expression.text}.` : '';
    return base === 'console.' ? `console.${expr.name.text}` : expr.name.text;
  }
  return '';
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : '';
}

/** Why a literal is code or must stay English by where it stands, or undefined. */
function contextExemption(node: ts.Node, path: string): string | undefined {
  const reasons = path.startsWith('src/core/reasons/');
  /** Past a function's boundary only Chrome's contexts count (a handler's words are not its caller's code). */
  let inner = false;
  let child: ts.Node = node;
  for (let p = node.parent; p && !ts.isSourceFile(p); child = p, p = p.parent) {
    if (ts.isPropertyAssignment(p) && p.name !== child) {
      const key = propertyName(p.name);
      if (CHROME_KEYS.has(key) && reasons) return "Chrome's console text";
      if (!inner && CODE_KEYS.has(key)) return 'code';
    }
    if ((ts.isFunctionDeclaration(p) || ts.isVariableDeclaration(p)) && p.name && ts.isIdentifier(p.name) &&
      CHROME_NAME.test(p.name.text) && reasons) return "Chrome's console text";
    if (inner) continue;
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || ts.isImportTypeNode(p)) return 'code';
    if (ts.isPropertyAssignment(p) && p.name === child) return 'code';
    if (ts.isElementAccessExpression(p) && p.argumentExpression === child) return 'code';
    if (ts.isJsxAttribute(p)) {
      const name = p.name.getText();
      if (CODE_ATTRIBUTES.has(name) || name.startsWith('data-') && !VISIBLE_ATTRIBUTES.has(name)) return 'code';
    }
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression !== child) {
      const name = calleeName(p.expression);
      if (CONSOLE.test(name)) return 'developer output';
      if (CODE_CALLS.has(name)) return 'code';
    }
    if (ts.isFunctionLike(p)) inner = true;
  }
  return undefined;
}

/** Text of a literal for the report: substitutions shown as ${…}. */
function literalText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression, subst: string): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return node.head.text + node.templateSpans.map((s) => subst + s.literal.text).join('');
}

export function scanFile(path: string, text: string): Scan {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const lines = text.split('\n');
  const findings: Finding[] = [];
  const exemptions: Exemption[] = [];
  const lineOf = (pos: number) => file.getLineAndCharacterOfPosition(pos).line;
  const exemptComment = (node: ts.Node): string | undefined => {
    for (const l of new Set([lineOf(node.getStart(file)), lineOf(node.getEnd())])) {
      const match = EXEMPT_COMMENT.exec(lines[l] ?? '');
      if (match) return match[1]!.trim();
    }
    return undefined;
  };
  const report = (node: ts.Node, rule: Finding['rule'], shown: string) => {
    const line = lineOf(node.getStart(file)) + 1;
    const why = exemptComment(node) ?? (rule === 'prose' ? contextExemption(node, path) : undefined);
    if (why === 'code') return;
    if (why !== undefined) exemptions.push({ path, line, why, text: shown });
    else findings.push({ path, line, rule, text: shown });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const shown = node.text.replace(/\s+/g, ' ').trim();
      if (/\p{L}/u.test(shown) && !SAME_IN_EVERY_LANGUAGE.has(shown)) report(node, 'jsx-text', shown);
    } else if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const literals: ts.Node[] = [];
      const collect = (n: ts.Node): void => {
        if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) literals.push(n);
        else if (!ts.isCallExpression(n)) ts.forEachChild(n, collect);
      };
      collect(node.initializer);
      for (const lit of literals) {
        const shown = literalText(lit as ts.StringLiteral, '${…}');
        if (/\p{L}/u.test(shown.replace(/\$\{…\}/g, ''))) report(lit, 'attribute', `${node.name.getText()}=${JSON.stringify(shown)}`);
      }
      return; // checked as a whole
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      if (!(ts.isTaggedTemplateExpression(node.parent))) {
        if (looksLikeProse(literalText(node, SUBST))) report(node, 'prose', literalText(node, '${…}'));
      }
      if (ts.isTemplateExpression(node)) for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { findings, exemptions };
}

/** The folders (and files) the scan covers: the pages and the core's sentence builders. */
export function isScanned(path: string): boolean {
  if (!/\.(ts|tsx)$/.test(path) || path.endsWith('.d.ts')) return false;
  if (path.startsWith('src/core/fix/stacks/')) return false; // code snippets: the server software reads them
  return ['src/panel/', 'src/popup/', 'src/ui/', 'src/core/reasons/', 'src/core/classify/', 'src/core/findings/', 'src/core/report/', 'src/core/fix/']
    .some((dir) => path.startsWith(dir));
}

/** The scanned folder a path counts under, for the per-folder summary. */
export function folderOf(path: string): string {
  return path.startsWith('src/core/') ? path.split('/').slice(0, 3).join('/') : path.split('/').slice(0, 2).join('/');
}
