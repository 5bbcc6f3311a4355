/**
 * Issue 13: the extension reaches the browser through one `browser` namespace, webextension-polyfill's (the
 * native one in Firefox, a wrapper of `chrome` in Chromium), typed with @types/webextension-polyfill:
 * - no `chrome` namespace in src/ (`chrome.x`, `globalThis.chrome`, `typeof chrome`, a `chrome?:` cast);
 * - one module imports the polyfill as a value (src/shared/browser.ts; type imports are free);
 * - only entry modules import that one, and only they use a free `browser.x`: the polyfill throws when
 *   loaded outside an extension, so every other module takes the namespace as a parameter and unit tests
 *   can import it.
 * Comments are not code: a namespace named in prose does not count.
 */
import { describe, expect, it } from 'vitest';
import { withoutComments } from '../manifest/scan';
import { isCode } from './export-graph';
import { readRepoFile, repoFiles } from './repo-files';

const ADAPTER = 'src/shared/browser.ts';
/** The modules a browser loads first: the worker and each page's main. */
const isEntry = (path: string) => path === 'src/background/index.ts' || /^src\/[^/]+\/main\.tsx$/.test(path);

const CHROME_RULES: Array<[string, RegExp]> = [
  ['chrome namespace', /(?<![\w$.'"`/-])chrome\s*\??\.\s*[A-Za-z_$]/],
  ['chrome read off an object', /\.chrome\b(?!\s*\()/],
  ['typeof chrome', /\btypeof\s+chrome\b/],
  ['chrome in a cast', /\bchrome\?\s*:/],
];
const POLYFILL_VALUE_IMPORT = /\bimport\s+(?!type\b)[^;]*?\bfrom\s*['"]webextension-polyfill['"]|\bimport\s*\(?\s*['"]webextension-polyfill['"]|\brequire\s*\(\s*['"]webextension-polyfill['"]/;
/** A value import of src/shared/browser.ts (from anywhere, or as `./browser` from src/shared/). */
const ADAPTER_VALUE_IMPORT = /\bimport\s+(?!type\b)[^;]*?\bfrom\s*['"](?:[./]*\/shared\/browser|\.\/browser)['"]/;
const FREE_BROWSER = /(?<![\w$.'"`/-])browser\s*\??\.\s*[A-Za-z_$]/;

interface Finding { path: string; line: number; rule: string }

/** The rules' findings in one file (`path` decides whether it is the adapter or an entry). */
function scan(path: string, text: string): Finding[] {
  const out: Finding[] = [];
  const code = withoutComments(text).split('\n');
  code.forEach((line, i) => {
    const at = (rule: string) => out.push({ path, line: i + 1, rule });
    for (const [rule, re] of CHROME_RULES) if (re.test(line)) at(rule);
    if (path !== ADAPTER && POLYFILL_VALUE_IMPORT.test(line)) at('polyfill imported outside the adapter');
    if (!isEntry(path) && ADAPTER_VALUE_IMPORT.test(line)) at('adapter imported outside an entry');
    if (!isEntry(path) && path !== ADAPTER && FREE_BROWSER.test(line)) at('free browser namespace outside an entry');
  });
  return out;
}

const show = (f: Finding) => `${f.path}:${f.line}: ${f.rule}`;

describe('browser namespace scan on planted input', () => {
  it('finds every shape of the chrome namespace in code, and none in comments or strings of other shapes', () => {
    const src = [
      'const a = chrome.tabs.query({});', // 1
      'const b = globalThis.chrome?.i18n;', // 2
      "if (typeof chrome === 'undefined') x();", // 3
      'const c = (globalThis as { chrome?: { devtools?: D } }).chrome;', // 4
      'const d = chrome?.runtime.id;', // 5
      '// chrome.tabs.query in a comment', // 6
      '/* chrome.runtime */ const e = def.chrome(entry);', // 7
      "const f = 'chrome-extension://abc'; const g = { chrome: () => 'text' };", // 8
    ].join('\n');
    expect(scan('src/panel/x.ts', src).map(show)).toEqual([
      'src/panel/x.ts:1: chrome namespace',
      'src/panel/x.ts:2: chrome read off an object',
      'src/panel/x.ts:3: typeof chrome',
      'src/panel/x.ts:4: chrome read off an object',
      'src/panel/x.ts:4: chrome in a cast',
      'src/panel/x.ts:5: chrome namespace',
    ]);
  });

  it('lets only the adapter import the polyfill, only entries import the adapter and use a free browser', () => {
    const polyfill = "import browser from 'webextension-polyfill';\nimport type { Tabs } from 'webextension-polyfill';";
    expect(scan(ADAPTER, polyfill)).toEqual([]);
    expect(scan('src/ui/x.ts', polyfill).map(show)).toEqual(['src/ui/x.ts:1: polyfill imported outside the adapter']);
    expect(scan('src/ui/x.ts', "const p = import('webextension-polyfill');").map(show)).toEqual(['src/ui/x.ts:1: polyfill imported outside the adapter']);

    const entry = "import { browser } from '../shared/browser';\nvoid browser.tabs.create({ url });";
    expect(scan('src/panel/main.tsx', entry)).toEqual([]);
    expect(scan('src/background/index.ts', entry)).toEqual([]);
    expect(scan('src/panel/open.ts', entry).map(show)).toEqual([
      'src/panel/open.ts:1: adapter imported outside an entry',
      'src/panel/open.ts:2: free browser namespace outside an entry',
    ]);
    // a parameter's field, an object's `browser` field and prose are not the namespace
    expect(scan('src/popup/x.ts', 'const n = env.browser.name; const api = { browser: 1 }; // browser.tabs')).toEqual([]);
  });
});

describe('browser namespace in src/', () => {
  const files = repoFiles().filter((p) => p.startsWith('src/') && isCode(p));

  it('scans the extension sources', () => {
    expect(files).toContain(ADAPTER);
    expect(files).toContain('src/background/index.ts');
  });

  it('no chrome namespace, one polyfill import, the adapter only in entries', () => {
    const findings = files.flatMap((p) => scan(p, readRepoFile(p))).map(show);
    expect(findings, `browser API use outside the rules:\n${findings.join('\n')}\n`).toEqual([]);
  });

  it('the adapter is the polyfill, and every entry that reaches the browser imports it', () => {
    expect(POLYFILL_VALUE_IMPORT.test(readRepoFile(ADAPTER))).toBe(true);
    const users = files.filter((p) => p !== ADAPTER && FREE_BROWSER.test(withoutComments(readRepoFile(p))));
    expect(users.length).toBeGreaterThan(0);
    for (const p of users) expect(readRepoFile(p), p).toMatch(/from '\.\.\/shared\/browser'/);
  });
});
