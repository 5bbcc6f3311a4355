/**
 * The package's types (src/playwright/public.d.ts, shipped as cors-lens/playwright's types) stay in step with the
 * code: public-sync.ts compiles (the judged verdict fits the declared one), every export of src/playwright/index.ts
 * is declared, and a planted drift in the declarations is caught.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SYNC = `${ROOT}test/unit/playwright/public-sync.ts`;
const PUBLIC = `${ROOT}src/playwright/public.d.ts`;
const INDEX = `${ROOT}src/playwright/index.ts`;

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(`${ROOT}tsconfig.json`, (p) => ts.sys.readFile(p));
  // No ambient type packages (chrome, vite, node): the helper uses none, and the check compiles less.
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, types: [], noEmit: true };
}

/** A program over public-sync.ts, with public.d.ts's text replaced when `publicText` is given. */
function program(publicText?: string, old?: ts.Program): ts.Program {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (p) => (publicText !== undefined && p === PUBLIC ? publicText : read(p));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (p, lang, onError, create) =>
    publicText !== undefined && p === PUBLIC ? ts.createSourceFile(p, publicText, lang) : getSourceFile(p, lang, onError, create);
  return ts.createProgram({ rootNames: [SYNC], options, host, oldProgram: old });
}

const errorsOf = (p: ts.Program): string[] =>
  ts.getPreEmitDiagnostics(p).map((d) => `${d.file ? d.file.fileName.replace(ROOT, '') : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);

function exportNames(p: ts.Program, file: string): string[] {
  const checker = p.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(p.getSourceFile(file)!)!;
  return checker.getExportsOfModule(symbol).map((s) => s.name).sort();
}

/** Compiling takes seconds on a busy machine: more than vitest's default per-test time. */
const COMPILE = { timeout: 120_000 };

describe('cors-lens/playwright types (public.d.ts)', () => {
  let real: ts.Program;
  beforeAll(() => {
    real = program();
  }, COMPILE.timeout);

  it('match the code (public-sync.ts compiles)', () => {
    expect(errorsOf(real)).toEqual([]);
  }, COMPILE.timeout);

  it('declare every export of src/playwright/index.ts', () => {
    const declared = new Set(exportNames(real, PUBLIC));
    expect(exportNames(real, INDEX).filter((n) => !declared.has(n))).toEqual([]);
  });

  it('catch a drift: a declared option the code does not take', () => {
    const text = readFileSync(PUBLIC, 'utf8');
    const drifted = text.replace("lang?: 'en' | 'fr';\n  /** How long", "lang?: 'en' | 'fr' | 'de';\n  /** How long");
    expect(drifted).not.toBe(text);
    // The code takes the declared options as they are, so the code that uses the option stops compiling.
    expect(errorsOf(program(drifted, real)).some((e) => e.startsWith('src/playwright/'))).toBe(true);
  }, COMPILE.timeout);

  it('catch a drift: a declared exchange field the recorded exchange does not have', () => {
    const text = readFileSync(PUBLIC, 'utf8');
    const drifted = text.replace('  requestHeaders: Header[];\n  redirects:', '  requestHeaderList: Header[];\n  redirects:');
    expect(drifted).not.toBe(text);
    expect(errorsOf(program(drifted, real)).some((e) => e.startsWith('test/unit/playwright/public-sync.ts'))).toBe(true);
  }, COMPILE.timeout);
});
