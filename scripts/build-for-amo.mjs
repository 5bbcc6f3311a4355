// npm run build-for-amo — rebuilds the Firefox add-on from the source archive as an addons.mozilla.org
// reviewer does (store/amo-review.md), and compares the result byte for byte with the .xpi:
//   1. unzip packages/cors-lens-source-<version>.zip into a temporary folder;
//   2. `npm ci` there (from package-lock.json), then `npm run build:firefox`;
//   3. compare every file of the rebuilt dist-firefox/ with the files in packages/cors-lens-firefox-<version>.xpi.
// Prints each difference (missing, extra, different content) and exits 1 on any; 0 when identical.
// Options: --source <zip> and --xpi <file> (other packages); --packages <dir> (where both are, default
// packages/); --node-modules <dir> links an existing node_modules instead of `npm ci` (quicker; the test
// uses it); --keep keeps the temporary folder. Needs `unzip` on the PATH.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const packages = resolve(ROOT, arg('--packages') ?? 'packages');
const source = resolve(ROOT, arg('--source') ?? join(packages, `cors-lens-source-${version}.zip`));
const xpi = resolve(ROOT, arg('--xpi') ?? join(packages, `cors-lens-firefox-${version}.xpi`));
const nodeModules = arg('--node-modules');
const missing = [source, xpi].filter((f) => !existsSync(f));
if (missing.length) {
  process.stderr.write(missing.map((f) => `build-for-amo: ${f} does not exist: run npm run package first\n`).join(''));
  process.exit(1);
}

const say = (line) => process.stdout.write(`build-for-amo: ${line}\n`);
// A production build, as `npm run package` makes it, whatever the caller's NODE_ENV.
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'inherit', 'inherit'] });

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
const files = (dir) => readdirSync(dir, { recursive: true }).map(String)
  .filter((f) => statSync(join(dir, f)).isFile()).map((f) => f.split('\\').join('/')).sort();

const tmp = mkdtempSync(join(tmpdir(), 'cors-lens-amo-'));
let differences = 0;
try {
  run('unzip', ['-q', source, '-d', join(tmp, 'source')]);
  const tops = readdirSync(join(tmp, 'source'));
  const src = tops.length === 1 ? join(tmp, 'source', tops[0]) : join(tmp, 'source');
  say(`source unpacked in ${src}`);
  if (nodeModules) {
    symlinkSync(resolve(ROOT, nodeModules), join(src, 'node_modules'), 'dir');
    say(`node_modules linked from ${resolve(ROOT, nodeModules)} (no npm ci)`);
  } else {
    say('npm ci --include=dev');
    // --include=dev: every dependency is a dev one, and NODE_ENV=production would otherwise omit them all.
    run('npm', ['ci', '--include=dev', '--no-audit', '--no-fund'], src);
  }
  say('npm run build:firefox');
  run('npm', ['run', 'build:firefox', '--', '--quiet'], src);
  const rebuilt = join(src, 'dist-firefox');

  const packed = join(tmp, 'xpi');
  run('unzip', ['-q', xpi, '-d', packed]);

  const a = files(rebuilt);
  const b = files(packed);
  const inA = new Set(a);
  const inB = new Set(b);
  for (const f of b) if (!inA.has(f)) { differences++; say(`only in the .xpi: ${f}`); }
  for (const f of a) if (!inB.has(f)) { differences++; say(`only in the rebuild: ${f}`); }
  for (const f of a) {
    if (inB.has(f) && !readFileSync(join(rebuilt, f)).equals(readFileSync(join(packed, f)))) {
      differences++;
      say(`differs: ${f}`);
    }
  }
  say(differences
    ? `${differences} difference(s) between the rebuild and ${relative(ROOT, xpi)}`
    : `the rebuild from ${relative(ROOT, source)} is identical to ${relative(ROOT, xpi)} (${a.length} files)`);
} finally {
  if (process.argv.includes('--keep')) say(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
process.exit(differences ? 1 : 0);
