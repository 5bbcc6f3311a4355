/**
 * Issue 9: every export in src/ has a user in another module (src, bin, lab, bench, scripts or test). An
 * export only its own test file imports (test/unit mirrors src/) is dead code, unless it is listed in
 * KEPT_FOR_TESTS with the reason it exists. Fix a violation by deleting what nothing uses, or by dropping
 * `export` when only its own module uses it.
 */
import { describe, expect, it } from 'vitest';
import { ExportGraph, isCode, isOwnTest, isSource, unusedExports, type Project } from './export-graph';
import { entryPoints } from './entries';
import { readRepoFile, repoFiles } from './repo-files';

/** `path: exportName` → why it stays exported although only its own test imports it (one line each). */
const KEPT_FOR_TESTS: Record<string, string> = {
  'src/core/http/origin.ts: toOrigin': "also on the core's public API; its test pins the opaque 'null' literal and URL origins",
  'src/background/tabs/badge.ts: badgeText': 'the badge wording rule, tested without a fake chrome.action',
  'src/background/tabs/badge.ts: badgeTitle': 'the tooltip wording in both languages, tested without a fake chrome.action',
  'src/core/report/curl.ts: MAX_VALUE': 'the bound the injection test asserts on a long value',
  'src/core/report/curl.ts: MAX_HEADERS': 'the bound the injection test asserts on a flood of headers',
  'src/core/report/curl.ts: shQuote': 'shell quoting is run through a real sh on hostile values, not only through curlFor',
  'src/core/report/summary.ts: MAX_FIELD': 'the bound the summary-bounds test asserts',
  'src/core/report/summary.ts: FixLike': 'the shape a test passes as a hostile fix callback',
  'src/core/report/summary.ts: MarkdownInput': "the summary's input type, which the bounds test builds",
  'src/shared/chrome-connection.ts: BackgroundError': 'the error class the test expects from a request the background refuses',
  'src/shared/protocol.ts: REQUEST_NAMES': 'the protocol test checks every request name has a handler',
};

const ENTRY_POINTS = ['src/background/index.ts', 'src/panel/main.tsx', 'src/popup/main.tsx', 'src/devtools/main.tsx'];

const CHECKED = (path: string) => path.startsWith('src/') && isCode(path);

function violations(project: Project): string[] {
  const graph = new ExportGraph(project);
  return unusedExports(graph, CHECKED, entryPoints(project)).map((u) => `${u.path}: ${u.name}`);
}

/** A small project in memory, with one of each way to use and to waste an export. */
const PLANTED: Record<string, string> = {
  'manifest.json': JSON.stringify({ background: { service_worker: 'src/background/index.ts' }, action: { default_popup: 'src/popup/index.html' } }),
  'src/popup/index.html': '<script type="module" src="./main.tsx"></script>',
  'src/popup/main.tsx': "import { render } from './render';\nexport const fromEntry = 1;\nrender();\n",
  'src/popup/render.ts': "export function render(): void {}\nexport function unusedFn(): void {}\n",
  'src/background/index.ts': "import { a, type T } from '../core/index';\nimport * as ns from '../core/ns';\nimport def from '../core/def';\nconst t: T | null = null;\nns.used(a, def, t);\n",
  'src/core/index.ts': "export * from './star';\nexport { a, unusedReexport } from './named';\n",
  'src/core/star.ts': "export interface T { x: number }\nexport type DeadType = string;\n",
  'src/core/named.ts': "export const a = 1;\nexport const unusedReexport = 2;\nexport const onlyOwnTest = 3;\nexport const onlyOtherTest = 4;\nexport const keptByBin = 5;\n",
  'src/core/ns.ts': "export function used(..._: unknown[]): void {}\nexport function notUsed(): void {}\n",
  'src/core/def.ts': "export default 1;\nexport const lazy = 2;\nexport const viaTypeof = 3;\n",
  'src/core/enumerated.ts': "export const enumeratedOnly = 1;\n",
  'test/unit/core/named.test.ts': "import { onlyOwnTest } from '../../../src/core/named';\n",
  'test/unit/core/other.test.ts': "import { onlyOtherTest } from '../../../src/core/named';\nimport * as e from '../../../src/core/enumerated';\nconst all = { e };\nconst { lazy } = await import('../../../src/core/def');\ntype V = typeof import('../../../src/core/def').viaTypeof;\n",
  'bin/core.ts': "export { keptByBin } from '../src/core/named';\n",
  'bin/cli.mjs': "const tsx = await import('tsx/esm/api');\nawait tsx.tsImport('../src/cli/main.ts', import.meta.url);\n",
  'src/cli/main.ts': "export function runByLauncher(): void {}\n",
};

describe('unused exports', () => {
  it('finds each planted unused export, and only those', () => {
    const planted: Project = { files: Object.keys(PLANTED), read: (p) => PLANTED[p]! };
    expect(violations(planted)).toEqual([
      'src/core/enumerated.ts: enumeratedOnly',
      'src/core/index.ts: unusedReexport',
      'src/core/named.ts: unusedReexport',
      'src/core/named.ts: onlyOwnTest',
      'src/core/ns.ts: notUsed',
      'src/core/star.ts: DeadType',
      'src/popup/render.ts: unusedFn',
    ]);
  });

  const project: Project = { files: repoFiles().filter((p) => isSource(p) || p.endsWith('.html') || p === 'manifest.json'), read: readRepoFile };

  it("knows a module's own test: the mirrored path, `name.*.test` or `name-*.test` unless that names another module", () => {
    const files = new Set(['src/panel/table/search.ts', 'src/panel/table/search-index.ts', 'src/core/fix/escape.ts']);
    expect(isOwnTest('test/unit/core/fix/escape.test.ts', 'src/core/fix/escape.ts', files)).toBe(true);
    expect(isOwnTest('test/unit/core/fix/escape.property.test.ts', 'src/core/fix/escape.ts', files)).toBe(true);
    expect(isOwnTest('test/unit/core/fix/escape-hostile.test.ts', 'src/core/fix/escape.ts', files)).toBe(true);
    expect(isOwnTest('test/unit/panel/table/search-index.test.ts', 'src/panel/table/search.ts', files)).toBe(false);
    expect(isOwnTest('test/unit/core/fix/stacks.test.ts', 'src/core/fix/escape.ts', files)).toBe(false);
    expect(isOwnTest('test/unit/fix/escape.test.ts', 'src/core/fix/escape.ts', files)).toBe(false);
  });

  it('finds the entry points in manifest.json, vite.config.ts and the devtools page', () => {
    const entries = entryPoints(project);
    for (const e of ENTRY_POINTS) expect(entries, e).toContain(e);
    for (const e of entries) expect(project.files, `entry ${e} exists`).toContain(e);
  });

  it('every export in src/ is used by another module', () => {
    const all = violations(project);
    const found = all.filter((v) => !(v in KEPT_FOR_TESTS));
    const stale = Object.keys(KEPT_FOR_TESTS).filter((k) => !all.includes(k));
    expect(stale, 'KEPT_FOR_TESTS entries that are used elsewhere now, or gone (remove them)').toEqual([]);
    if (found.length > 0) {
      expect.fail(`${found.length} exports nothing else uses (path: exportName); delete what nothing uses, drop \`export\` when only its module uses it, or list it in KEPT_FOR_TESTS with a reason:\n${found.join('\n')}\n`);
    }
  }, 60_000);
});
