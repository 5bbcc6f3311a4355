// Part of `npm run lint`: builds dist-firefox/ and runs Mozilla's add-on linter (web-ext lint) on it.
// Fails on any error, and on any warning except the one known to come from Preact itself
// (its `dangerouslySetInnerHTML` branch assigns innerHTML; our code never uses that prop, and a
// unit test checks src/ for it). Exit code: 0 clean, 1 problems.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT_DIR = 'dist-firefox';
const node = process.execPath;

// --no-build: lint what is already in dist-firefox/ (used to check this script itself).
if (!process.argv.includes('--no-build')) execFileSync(node, ['scripts/build-firefox.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });

let raw;
try {
  raw = execFileSync(node, ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', OUT_DIR, '--self-hosted', '--output', 'json', '--no-input'], { encoding: 'utf8' });
} catch (err) {
  raw = err.stdout; // web-ext exits non-zero when the linter found errors; the report is still on stdout
}
const report = JSON.parse(raw.slice(raw.indexOf('{')));

/** Preact's own innerHTML assignment: `x.innerHTML = y.__html`, reached only through dangerouslySetInnerHTML. */
function isPreactInnerHtml(w) {
  if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || !w.column) return false;
  const line = readFileSync(join(OUT_DIR, w.file), 'utf8').split('\n')[(w.line ?? 1) - 1] ?? '';
  return /\.innerHTML=\w+\.__html/.test(line.slice(Math.max(0, w.column - 20), w.column + 40));
}

const fmt = (m) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}${m.column ? `:${m.column}` : ''} ${m.message}`;
const errors = report.errors ?? [];
const warnings = (report.warnings ?? []).filter((w) => !isPreactInnerHtml(w));
const known = (report.warnings ?? []).length - warnings.length;
const notices = report.notices ?? [];

if (notices.length) process.stdout.write(`web-ext lint notices:\n${notices.map(fmt).join('\n')}\n`);
if (errors.length || warnings.length) {
  process.stderr.write(`web-ext lint on ${OUT_DIR}: ${errors.length} error(s), ${warnings.length} unexpected warning(s)\n`);
  process.stderr.write([...errors, ...warnings].map(fmt).join('\n') + '\n');
  process.exit(1);
}
process.stdout.write(`web-ext lint on ${OUT_DIR}: 0 errors, 0 unexpected warnings (${known} known: Preact's dangerouslySetInnerHTML branch)\n`);
