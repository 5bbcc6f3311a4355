/**
 * The command line as a package (issue 13): `npm pack` (its prepack runs `npm run build:cli`), the tarball installed
 * offline into an empty folder outside the checkout, so no dev dependency (tsx, tldts, the sources) is reachable,
 * then run as a user runs it: `npx cors-lens`, and `import('cors-lens/playwright')` with its types.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/paths';

const FIXTURE = join(ROOT, 'test/fixtures/har/chrome-devtools-export.har');
const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/har/chrome-devtools-export.expected.json'), 'utf8')) as
  Record<string, { kind: string; code?: string }>;
/** Bounds on the tarball: 195 KB gzipped and 710 KB unpacked when written (cli-dist/ 650 KB, README 56 KB). */
const MAX_TARBALL_BYTES = 300 * 1024;
const MAX_UNPACKED_BYTES = 1024 * 1024;

interface Run { code: number; stdout: string; stderr: string }
/** No locale variable (English), no Node options or module path that could reach the checkout; npm offline. */
const ENV = Object.fromEntries(Object.entries(process.env)
  .filter(([k]) => !/^(NODE_OPTIONS|NODE_PATH|LC_ALL|LC_MESSAGES|LANG|npm_config_.*|npm_package_.*|npm_lifecycle_.*)$/i.test(k)));
function run(cmd: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...ENV, LANG: 'C', npm_config_offline: 'true' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

interface Packed { filename: string; size: number; unpackedSize: number; files: { path: string }[] }
let tmp = '';
let app = '';
let packed: Packed;

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'cors-lens-package-')));
  const pack = await run('npm', ['pack', '--json', '--pack-destination', tmp], ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  // The prepack/prepare build prints a line on stdout before npm's JSON.
  packed = (JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[/m))) as Packed[])[0]!;
  app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' })}\n`);
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--offline', join(tmp, packed.filename)], app);
  expect(install.code, install.stderr).toBe(0);
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the cors-lens package', () => {
  it('packs only the launcher, the bundle and the docs, within its size bounds', () => {
    const paths = packed.files.map((f) => f.path).sort();
    expect(paths.filter((p) => !/^(bin\/|cli-dist\/|package\.json$|README\.md$|LICENSE)/.test(p))).toEqual([]);
    expect(paths.filter((p) => /^(src|test|node_modules|scripts|lab|bench)\//.test(p) || p.includes('/node_modules/'))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining([
      'bin/cors-lens.mjs', 'cli-dist/cors-lens.mjs', 'cli-dist/tldts.cjs', 'cli-dist/playwright.mjs', 'cli-dist/playwright.d.ts',
      'package.json', 'README.md',
    ]));
    expect(packed.size).toBeLessThan(MAX_TARBALL_BYTES);
    expect(packed.unpackedSize).toBeLessThan(MAX_UNPACKED_BYTES);
  });

  it('installs alone: no dependency comes with it, and the checkout is out of reach', () => {
    expect(app.startsWith(realpathSync(ROOT))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/cors-lens/package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies']) {
      expect(manifest[field], field).toBeUndefined();
    }
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.')).sort()).toEqual(['cors-lens']);
    expect(existsSync(join(app, 'node_modules/cors-lens/src'))).toBe(false);
  });

  it('`npx cors-lens --help` prints the usage and exits 0', async () => {
    const r = await run('npx', ['cors-lens', '--help'], app);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cors-lens <file\.har>/);
    expect(r.stderr).toBe('');
  });

  it('`npx cors-lens <har>` gives the golden verdicts and exits 1 for the blocked requests', async () => {
    const table = await run('npx', ['cors-lens', FIXTURE], app);
    expect(table.code, table.stderr).toBe(1);
    expect(table.stdout).toMatch(/^3\s+GET\s+200\s+blocked\s+http:\/\/localhost:8081\/cors\?cid=missing-acao$/m);
    expect(table.stdout).toContain('MissingAllowOriginHeader: ');

    const json = await run('npx', ['cors-lens', FIXTURE, '--json'], app);
    expect(json.code, json.stderr).toBe(1);
    const out = JSON.parse(json.stdout) as { counts: Record<string, number>; exchanges: { verdict: string; code: string | null }[] };
    const expected = Object.values(EXPECTED);
    const count = (kind: string) => expected.filter((e) => e.kind === kind).length;
    for (const [kind, n] of Object.entries(out.counts)) expect(n, kind).toBe(count(kind));
    expect(out.exchanges.filter((x) => x.verdict === 'blocked').map((x) => x.code).sort())
      .toEqual(expected.filter((e) => e.kind === 'blocked').map((e) => e.code).sort());
  });

  it('`--lang fr` speaks French from the bundled catalogues', async () => {
    const r = await run('npx', ['cors-lens', FIXTURE, '--lang', 'fr'], app);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('7 requêtes ont été bloquées par CORS.');
    const help = await run('npx', ['cors-lens', '--help', '--lang', 'fr'], app);
    expect(help.stdout).toMatch(/^Usage\u00a0: cors-lens <fichier\.har>/);
  });

  it("`import('cors-lens/playwright')` gives the helper, and its types resolve through the exports map", async () => {
    const r = await run(process.execPath, ['--input-type=module', '-e',
      "const m = await import('cors-lens/playwright'); process.stdout.write(JSON.stringify(Object.entries(m).map(([k, v]) => [k, typeof v])));"], app);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toContainEqual(['attachCorsLens', 'function']);

    writeFileSync(join(app, 'uses-types.mts'), [
      "import { attachCorsLens } from 'cors-lens/playwright';",
      'const attach: (...args: never[]) => unknown = attachCorsLens;',
      'export default attach;',
      '',
    ].join('\n'));
    const tsc = await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict',
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', 'uses-types.mts'], app);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('says what is wrong when the bundle is missing and there are no sources', async () => {
    const broken = join(tmp, 'broken');
    cpSync(join(app, 'node_modules/cors-lens'), broken, { recursive: true });
    rmSync(join(broken, 'cli-dist'), { recursive: true });
    const r = await run(process.execPath, [join(broken, 'bin/cors-lens.mjs'), '--help'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cli-dist/cors-lens.mjs');
  });
});
