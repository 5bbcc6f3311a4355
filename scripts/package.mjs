// npm run package — the store packages, built fresh from source, into packages/ (git-ignored):
//   cors-lens-chrome-<version>.zip   Chrome Web Store upload (manifest.json at the zip's root; vite build)
//   cors-lens-firefox-<version>.xpi  addons.mozilla.org upload (scripts/build-firefox.mjs, then web-ext build),
//                                    linted with AMO's rules first: any error, warning or notice stops here
//   cors-lens-source-<version>.zip   the source code AMO asks for: the files git tracks, plus untracked ones
//                                    it does not ignore, as they are in the working tree
// Both extensions are built from that snapshot, unpacked into a temporary folder (with this checkout's
// node_modules linked in), never from the live working tree: the packages are always the build of the
// archived source, even when files change while this runs (npm run build-for-amo checks it).
// The version is package.json's, the only place it is written; every package's manifest carries it.
// `--out-dir <dir>` writes elsewhere (the store-packages test packages into a temporary folder).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const outArg = process.argv.indexOf('--out-dir');
const OUT = resolve(ROOT, outArg > 0 && process.argv[outArg + 1] ? process.argv[outArg + 1] : 'packages');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const names = {
  chrome: `cors-lens-chrome-${version}.zip`,
  firefox: `cors-lens-firefox-${version}.xpi`,
  source: `cors-lens-source-${version}.zip`,
};

// A store build is a production build whatever the caller's NODE_ENV (under a test runner it is `test`,
// and a non-production JSX transform writes each component's absolute source path into the bundle).
const ENV = { ...process.env, NODE_ENV: 'production' };
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: ROOT, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...opts });
const script = (file, args, cwd = ROOT) => run(node, [join(cwd, file), ...args], { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
const webExt = (args) => script('node_modules/web-ext/bin/web-ext.js', args);

/** The build's manifest carries package.json's version, and no file names the folder it was built in. */
function checkBuild(dir, what, builtIn) {
  const found = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).version;
  if (found !== version) throw new Error(`${what}: manifest version ${found}, package.json says ${version}`);
  const leaks = readdirSync(dir, { recursive: true }).map(String)
    .filter((f) => statSync(join(dir, f)).isFile() && readFileSync(join(dir, f), 'latin1').includes(builtIn));
  if (leaks.length) throw new Error(`${what}: the build folder's path is written in ${leaks.join(', ')} (not reproducible)`);
}

/**
 * The source snapshot: a tree object made with a temporary index (the real index is not touched) from
 * the working tree minus what .gitignore excludes. Writes the source archive, and unpacks the same tree
 * into `dir` with node_modules linked in, for the builds.
 */
function sourceSnapshot(tmp, dir) {
  const env = { ...ENV, GIT_INDEX_FILE: join(tmp, 'source-index') };
  run('git', ['read-tree', 'HEAD'], { env });
  run('git', ['add', '--all', '.'], { env });
  const tree = run('git', ['write-tree'], { env }).trim();
  if (tree !== run('git', ['rev-parse', 'HEAD^{tree}']).trim()) {
    process.stderr.write('package: the working tree differs from HEAD; the source archive holds the working tree (commit before a release)\n');
  }
  run('git', ['archive', '--format=zip', `--prefix=cors-lens-${version}/`, '-o', join(OUT, names.source), tree]);
  mkdirSync(dir);
  const tar = execFileSync('git', ['archive', '--format=tar', tree], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

const tmp = mkdtempSync(join(tmpdir(), 'cors-lens-package-'));
try {
  mkdirSync(OUT, { recursive: true });
  for (const name of Object.values(names)) rmSync(join(OUT, name), { force: true });

  const src = join(tmp, 'source');
  sourceSnapshot(tmp, src);

  const chrome = join(tmp, 'chrome');
  script('node_modules/vite/bin/vite.js', ['build', '--outDir', chrome, '--emptyOutDir', '--logLevel', 'warn'], src);
  checkBuild(chrome, 'Chrome build', src);
  webExt(['build', '--source-dir', chrome, '--artifacts-dir', OUT, '--filename', names.chrome, '--no-input', '--no-config-discovery']);

  const firefox = join(tmp, 'firefox');
  script('scripts/build-firefox.mjs', ['--quiet', '--out-dir', firefox], src);
  checkBuild(firefox, 'Firefox build', src);
  script('scripts/lint-firefox.mjs', ['--dir', firefox]);
  webExt(['build', '--source-dir', firefox, '--artifacts-dir', OUT, '--filename', names.firefox, '--no-input', '--no-config-discovery']);

  for (const name of Object.values(names)) {
    const file = join(OUT, name);
    if (!existsSync(file)) throw new Error(`${name} was not written`);
    process.stdout.write(`${file}  ${Math.round(statSync(file).size / 1024)} KB  sha256 ${sha256(file)}\n`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
