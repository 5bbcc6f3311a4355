/**
 * Who uses which export: a module graph of the repository's TypeScript and JavaScript, read with the
 * TypeScript compiler's parser and module resolution (the tsconfig's `bundler` resolution, so `./x`,
 * `./x.js` and `./x/index` resolve as the build and Vitest resolve them).
 *
 * Followed: named, default, namespace and type-only imports (`import type`, `import { type X }`),
 * `export { x } from` and `export * from` / `export * as ns from` (a re-export is used when its own
 * export is), `import('./x')` as a value (destructured names or `.name`) and as a type
 * (`import('./x').T`), `ns.name` / `ns['name']` on a namespace import, and tsx's `tsImport('./x.ts', …)`
 * (a module loaded at run time: all its exports are used).
 *
 * A namespace used whole (passed on, enumerated) uses every export when the importer is code; when the
 * importer is a test it uses none: a test that enumerates a module (the property test) exercises
 * whatever is there and is no reason for it to exist.
 */
import ts from 'typescript';

export const ALL = '*';

export interface Project {
  /** Repository-relative paths of every file (any type). */
  files: readonly string[];
  read(path: string): string;
}

interface ExportSite {
  line: number;
}

interface ModuleInfo {
  path: string;
  /** Every name the module exports (declared here or re-exported by name), with its line. */
  exports: Map<string, ExportSite>;
  /** `export { a as b } from './m'`: b → {from, name: a}; `export * as ns from` has name ALL. */
  reexports: Map<string, { from: string | null; name: string }>;
  /** Resolved targets of `export * from`. */
  stars: string[];
}

interface Use {
  user: string;
  target: string;
  name: string;
}

const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const ROOT = '/repo/';

/** Files the graph reads (declaration files too: their imports are uses). */
export const isSource = (path: string): boolean => CODE.test(path);
/** Files whose exports can be checked (a declaration file only describes another). */
export const isCode = (path: string): boolean => CODE.test(path) && !/\.d\.[cm]?ts$/.test(path);

const isTest = (path: string): boolean => path.startsWith('test/');

function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(path)) return ts.ScriptKind.TS;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

function bindingNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
}

const textOf = (name: ts.ModuleExportName): string => name.text;

export class ExportGraph {
  readonly modules = new Map<string, ModuleInfo>();
  /** target → export name → users (repository-relative paths). */
  readonly users = new Map<string, Map<string, Set<string>>>();
  private readonly uses: Use[] = [];
  private readonly fileSet: Set<string>;
  private readonly dirs = new Set<string>(['']);
  private readonly resolved = new Map<string, string | null>();
  private readonly options: ts.CompilerOptions = {
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    allowJs: true,
    resolveJsonModule: true,
    jsx: ts.JsxEmit.ReactJSX,
    allowImportingTsExtensions: true,
  };
  private readonly host: ts.ModuleResolutionHost;

  constructor(private readonly project: Project) {
    this.fileSet = new Set(project.files);
    for (const f of project.files) {
      for (let i = f.indexOf('/'); i !== -1; i = f.indexOf('/', i + 1)) this.dirs.add(f.slice(0, i));
    }
    this.host = {
      fileExists: (p) => p.startsWith(ROOT) && this.fileSet.has(p.slice(ROOT.length)),
      readFile: (p) => (p.startsWith(ROOT) ? project.read(p.slice(ROOT.length)) : undefined),
      directoryExists: (d) => d.startsWith(ROOT) && this.dirs.has(d.slice(ROOT.length).replace(/\/$/, '')),
    };
    for (const path of project.files) if (isSource(path)) this.parse(path);
    for (const use of this.uses) this.mark(use.target, use.name, use.user, new Set());
  }

  /** The file a relative specifier in `from` names, or null (packages, CSS, missing files). */
  resolve(from: string, specifier: string): string | null {
    if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null;
    const key = `${from.slice(0, from.lastIndexOf('/') + 1)}\0${specifier}`;
    const known = this.resolved.get(key);
    if (known !== undefined) return known;
    const clean = specifier.replace(/[?#].*$/, '');
    const r = ts.resolveModuleName(clean, ROOT + from, this.options, this.host).resolvedModule;
    const rel = r && r.resolvedFileName.startsWith(ROOT) ? r.resolvedFileName.slice(ROOT.length) : null;
    const out = rel !== null && this.fileSet.has(rel) ? rel : null;
    this.resolved.set(key, out);
    return out;
  }

  /** Users of `name` exported by `path` (empty when nobody imports it). */
  usersOf(path: string, name: string): Set<string> {
    return this.users.get(path)?.get(name) ?? new Set();
  }

  private use(user: string, specifier: string, name: string): void {
    const target = this.resolve(user, specifier);
    if (target) this.uses.push({ user, target, name });
  }

  private parse(path: string): void {
    const text = this.project.read(path);
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
    const info: ModuleInfo = { path, exports: new Map(), reexports: new Map(), stars: [] };
    this.modules.set(path, info);
    const line = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const addExport = (name: string, node: ts.Node) => {
      if (!info.exports.has(name)) info.exports.set(name, { line: line(node) });
    };
    /** Local name of a namespace import → its specifier. */
    const namespaces = new Map<string, string>();

    for (const stmt of sf.statements) {
      if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
        const spec = stmt.moduleSpecifier.text;
        const clause = stmt.importClause;
        if (!clause) continue; // side-effect import: uses no export
        if (clause.name) this.use(path, spec, 'default');
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) namespaces.set(nb.name.text, spec);
        else if (nb) for (const el of nb.elements) this.use(path, spec, textOf(el.propertyName ?? el.name));
        continue;
      }
      if (ts.isExportDeclaration(stmt)) {
        const spec = stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier) ? stmt.moduleSpecifier.text : null;
        const from = spec === null ? null : this.resolve(path, spec);
        const clause = stmt.exportClause;
        if (!clause) {
          // export * from './m'
          if (from) info.stars.push(from);
          if (spec !== null && !path.startsWith('src/')) this.use(path, spec, ALL);
          continue;
        }
        if (ts.isNamespaceExport(clause)) {
          addExport(textOf(clause.name), clause);
          info.reexports.set(textOf(clause.name), { from, name: ALL });
          continue;
        }
        for (const el of clause.elements) {
          const exported = textOf(el.name);
          const local = textOf(el.propertyName ?? el.name);
          addExport(exported, el);
          if (spec !== null) {
            info.reexports.set(exported, { from, name: local });
            // Outside src/ nobody checks this file's exports: its re-export is a use in itself
            // (bin/core.ts is loaded at run time by cors-lens.mjs, which names no module statically).
            if (!path.startsWith('src/')) this.use(path, spec, local);
          }
        }
        continue;
      }
      if (ts.isExportAssignment(stmt)) {
        addExport(stmt.isExportEquals ? 'export=' : 'default', stmt);
        continue;
      }
      if (!hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) continue;
      if (hasModifier(stmt, ts.SyntaxKind.DefaultKeyword)) {
        addExport('default', stmt);
        continue;
      }
      if (ts.isVariableStatement(stmt)) {
        for (const d of stmt.declarationList.declarations) {
          const names: string[] = [];
          bindingNames(d.name, names);
          for (const n of names) addExport(n, d);
        }
      } else if (
        (ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) ||
          ts.isTypeAliasDeclaration(stmt) || ts.isEnumDeclaration(stmt) || ts.isModuleDeclaration(stmt)) &&
        stmt.name && ts.isIdentifier(stmt.name)
      ) {
        addExport(stmt.name.text, stmt);
      }
    }

    const visit = (node: ts.Node): void => {
      // import('./m') as a value
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) {
          for (const n of dynamicImportNames(node)) this.use(path, arg.text, n);
        }
      }
      // tsx's tsImport('./m.ts', import.meta.url): a module loaded at run time (bin/cors-lens.mjs starts the CLI so)
      if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (name === 'tsImport') this.use(path, node.arguments[0].text, ALL);
      }
      // import('./m').T and typeof import('./m') as a type
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        const q = node.qualifier;
        let first: ts.EntityName | undefined = q;
        while (first && ts.isQualifiedName(first)) first = first.left;
        this.use(path, node.argument.literal.text, first ? first.text : ALL);
      }
      // ns.name, ns['name'], ns.T (types), or ns used whole
      if (ts.isIdentifier(node) && namespaces.has(node.text) && !isDeclarationName(node)) {
        const spec = namespaces.get(node.text)!;
        const p = node.parent;
        if (ts.isPropertyAccessExpression(p) && p.expression === node) this.use(path, spec, p.name.text);
        else if (ts.isElementAccessExpression(p) && p.expression === node && ts.isStringLiteralLike(p.argumentExpression)) {
          this.use(path, spec, p.argumentExpression.text);
        } else if (ts.isQualifiedName(p) && p.left === node) this.use(path, spec, p.right.text);
        else if (ts.isExportSpecifier(p)) this.use(path, spec, ALL);
        else if (!isTest(path)) this.use(path, spec, ALL);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  /** Record that `user` uses `name` of `target`, and follow re-exports to where it is declared. */
  private mark(target: string, name: string, user: string, seen: Set<string>): void {
    const key = `${target}\0${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const info = this.modules.get(target);
    if (!info) return;
    if (name === ALL) {
      for (const n of info.exports.keys()) this.mark(target, n, user, seen);
      for (const s of info.stars) this.mark(s, ALL, user, seen);
      return;
    }
    let byName = this.users.get(target);
    if (!byName) this.users.set(target, (byName = new Map()));
    let set = byName.get(name);
    if (!set) byName.set(name, (set = new Set()));
    set.add(user);
    const re = info.reexports.get(name);
    if (re) {
      if (re.from) this.mark(re.from, re.name, user, seen);
      return;
    }
    if (info.exports.has(name)) return;
    for (const s of info.stars) if (this.provides(s, name, new Set())) this.mark(s, name, user, seen);
  }

  private provides(path: string, name: string, seen: Set<string>): boolean {
    if (seen.has(path)) return false;
    seen.add(path);
    const info = this.modules.get(path);
    if (!info) return false;
    if (name === 'default') return info.exports.has(name);
    return info.exports.has(name) || info.stars.some((s) => this.provides(s, name, seen));
  }
}

function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isNamespaceImport(p) && p.name === id) ||
    ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p)) && p.name === id) ||
    (ts.isPropertyAccessExpression(p) && p.name === id) ||
    (ts.isPropertyAssignment(p) && p.name === id) ||
    (ts.isQualifiedName(p) && p.right === id);
}

/** Names a dynamic import uses: `const { a, b: c } = await import(...)`, `(await import(...)).a`; else all. */
function dynamicImportNames(call: ts.CallExpression): string[] {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAwaitExpression(node.parent) || ts.isAsExpression(node.parent)) {
    node = node.parent;
  }
  const p = node.parent;
  if (ts.isVariableDeclaration(p) && p.initializer === node && ts.isObjectBindingPattern(p.name)) {
    const names: string[] = [];
    for (const el of p.name.elements) {
      if (el.dotDotDotToken) return [ALL];
      const key = el.propertyName ?? el.name;
      if (ts.isIdentifier(key) || ts.isStringLiteral(key)) names.push(key.text);
      else return [ALL];
    }
    return names;
  }
  if (ts.isPropertyAccessExpression(p) && p.expression === node) return [p.name.text];
  return [ALL];
}

/**
 * The test file that mirrors a module: `src/a/b.ts` → `test/unit/a/b.test.ts`, `b.<more>.test.ts` or
 * `b-<more>.test.ts` (unless `src/a/b-<more>.ts` exists: then that test is the other module's).
 */
export function isOwnTest(user: string, target: string, files: ReadonlySet<string>): boolean {
  if (!target.startsWith('src/') || !user.startsWith('test/unit/')) return false;
  const m = /^(.*\/)?([^/]+?)\.test\.[cm]?[jt]sx?$/.exec(user.slice('test/unit/'.length));
  if (!m) return false;
  const testDir = m[1] ?? '';
  const stem = m[2]!;
  const rel = target.slice('src/'.length);
  const slash = rel.lastIndexOf('/');
  const dir = rel.slice(0, slash + 1);
  const base = rel.slice(slash + 1).replace(/\.[^.]+$/, '');
  if (testDir !== dir) return false;
  if (stem === base) return true;
  if (stem.startsWith(`${base}.`)) return true;
  if (stem.startsWith(`${base}-`)) {
    const other = ['.ts', '.tsx'].some((ext) => files.has(`src/${dir}${stem.split('.')[0]}${ext}`));
    return !other;
  }
  return false;
}

export interface UnusedExport {
  path: string;
  name: string;
  line: number;
  /** The own test file(s) that are its only users; empty when nothing imports it. */
  onlyOwnTests: string[];
}

/** Exports of `checked` files that no module other than the file's own tests uses. */
export function unusedExports(graph: ExportGraph, checked: (path: string) => boolean, entries: ReadonlySet<string>): UnusedExport[] {
  const files = new Set(graph.modules.keys());
  const out: UnusedExport[] = [];
  for (const [path, info] of graph.modules) {
    if (!checked(path) || !isCode(path) || entries.has(path)) continue;
    for (const [name, site] of info.exports) {
      const users = [...graph.usersOf(path, name)].filter((u) => u !== path);
      const real = users.filter((u) => !isOwnTest(u, path, files));
      if (real.length > 0) continue;
      out.push({ path, name, line: site.line, onlyOwnTests: users.sort() });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}
