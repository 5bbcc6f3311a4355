// Part of `npm run lint` (and of `npm run package`): Mozilla's add-on linter (web-ext lint) on the
// Firefox build, with addons.mozilla.org's rules (not --self-hosted). Fails on any error, any warning
// and any notice: the package we submit must lint clean. (Preact's one innerHTML assignment, the
// warning this script used to tolerate, is rewritten at build time: see vite.config.ts.)
// Exit code: 0 clean, 1 problems.
//   node scripts/lint-firefox.mjs               builds dist-firefox/ and lints it
//   node scripts/lint-firefox.mjs --no-build    lints dist-firefox/ as it is
//   node scripts/lint-firefox.mjs --dir <dir>   lints an unpacked build elsewhere (e.g. an unzipped .xpi)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dirArg = process.argv.indexOf('--dir');
const DIR = dirArg > 0 && process.argv[dirArg + 1] ? process.argv[dirArg + 1] : 'dist-firefox';
const node = process.execPath;
const webExt = fileURLToPath(new URL('../node_modules/web-ext/bin/web-ext.js', import.meta.url));

if (dirArg < 0 && !process.argv.includes('--no-build')) {
  execFileSync(node, [fileURLToPath(new URL('build-firefox.mjs', import.meta.url)), '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

let raw;
try {
  raw = execFileSync(node, [webExt, 'lint', '--source-dir', DIR, '--output', 'json', '--no-input'], { encoding: 'utf8' });
} catch (err) {
  raw = err.stdout; // web-ext exits non-zero when the linter found errors; the report is still on stdout
}
const start = typeof raw === 'string' ? raw.indexOf('{') : -1;
if (start < 0) { // web-ext stopped before linting (no such folder, no web-ext): its own message is above
  process.stderr.write(`web-ext lint on ${DIR}: no report\n`);
  process.exit(1);
}
const report = JSON.parse(raw.slice(start));

const fmt = (m) => `  ${m._type ?? ''} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}${m.column ? `:${m.column}` : ''} ${m.message}`;
const problems = [...(report.errors ?? []), ...(report.warnings ?? []), ...(report.notices ?? [])];
const { errors = 0, warnings = 0, notices = 0 } = report.summary ?? {};
if (problems.length) {
  process.stderr.write(`web-ext lint on ${DIR}: ${errors} error(s), ${warnings} warning(s), ${notices} notice(s)\n${problems.map(fmt).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`web-ext lint on ${DIR}: 0 errors, 0 warnings, 0 notices\n`);
