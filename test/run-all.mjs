// `npm test`: every test, unit and real-browser.
// Builds the extension (the real-browser tests load dist/), makes sure Chromium is there, runs Vitest's
// `unit`, `e2e` then `servers` project (the real-server suite, test/servers/README.md) with its normal output,
// and ends with one line: `N passed, N failed[, N skipped]` counting all three.
// Exits non-zero when anything failed, when a run crashed, or when no test ran at all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const tmp = mkdtempSync(join(tmpdir(), 'cors-lens-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function vitest(project) {
  const out = join(tmp, `${project}.json`);
  const ok = run(bin('vitest'), ['run', '--project', project, '--passWithNoTests',
    '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) {
    problems.push(`vitest (${project}) crashed before reporting (exit ${ok ? 0 : 'non-zero'})`);
    totals.failed++;
    return;
  }
  const before = totals.failed;
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // A file that failed outside any test (import error, failing beforeAll) counts once.
  for (const file of report.testResults ?? []) {
    const failures = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    // CI shows only the end of the log: each failed test is named again there, with the first line of its error.
    for (const t of failures) {
      const why = (t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
      problems.push(`${project}: ${file.name.replace(root, '')} > ${t.fullName}${why ? `: ${why}` : ''}`);
    }
    if (file.status === 'failed' && failures.length === 0) {
      totals.failed++;
      problems.push(`${project}: ${file.name.replace(root, '')} failed outside its tests: ${(file.message ?? '').split('\n')[0]}`);
    }
  }
  if (!ok && totals.failed === before) {
    totals.failed++;
    problems.push(`vitest (${project}) exited non-zero without a failed test`);
  }
}

function finish() {
  rmSync(tmp, { recursive: true, force: true });
  for (const p of problems) process.stderr.write(`npm test: ${p}\n`);
  const ran = totals.passed + totals.failed;
  if (ran === 0) process.stderr.write('npm test: no test ran\n');
  process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
  process.exit(totals.failed > 0 || ran === 0 ? 1 : 0);
}

process.stdout.write('npm test: unit tests\n');
vitest('unit');

process.stdout.write('npm test: building the extension (vite build) for the real-browser tests\n');
if (!run(bin('vite'), ['build', '--logLevel', 'warn'])) {
  problems.push('vite build failed: the real-browser tests were not run');
  totals.failed++;
  finish();
}

try {
  const { ensureChromium } = await tsImport('./e2e/support/chromium.ts', import.meta.url);
  process.stdout.write(`npm test: real-browser tests with ${ensureChromium()}\n`);
} catch (err) {
  problems.push(err instanceof Error ? err.message : String(err));
  totals.failed++;
  finish();
}
vitest('e2e');
process.stdout.write('npm test: real-server suite (each stack\'s snippet proven against the real server in Chromium)\n');
vitest('servers');
finish();
