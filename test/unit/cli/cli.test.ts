/** The command line, spawned as users run it: output, JSON and exit codes (0 clean, 1 blocked, 2 unreadable). */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify/classify';
import { buildHarReport } from '../../../src/core/har';
import { PAGE, exchange } from '../../support/builder';

const BIN = fileURLToPath(new URL('../../../bin/cors-lens.mjs', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/har/chrome-devtools-export.har', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cors-lens-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { code: number; stdout: string; stderr: string }
function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const report = (xs: ReturnType<ReturnType<typeof exchange>['build']>[]) => JSON.stringify(buildHarReport(
  xs.map((x) => ({ exchange: x, verdict: classify(x) })),
  { includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0' },
));

describe('cors-lens CLI', { timeout: 30_000 }, () => {
  it('prints a table of Chrome\'s export with each blocked reason, and exits 1', async () => {
    const r = await run(FIXTURE);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${FIXTURE}: 12 requests (written by WebInspector 537.36)`);
    expect(lines[2]).toMatch(/^#\s+METHOD\s+STATUS\s+VERDICT\s+URL$/);
    const missing = lines.findIndex((l) => l.includes('cid=missing-acao'));
    expect(lines[missing]).toMatch(/^3\s+GET\s+200\s+blocked\s+http:\/\/localhost:8081\/cors\?cid=missing-acao$/);
    expect(lines[missing + 1]).toMatch(/^\s+MissingAllowOriginHeader: The response came without an Access-Control-Allow-Origin header/);
    expect(r.stdout).toMatch(/^5\s+DELETE\s+not sent\s+blocked\s+/m);
    expect(r.stdout).toContain('PreflightMissingAllowOriginHeader: ');
    expect(r.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '7 blocked, 1 network-error, 1 preflighted, 1 simple, 1 no-cors, 1 same-origin',
      '7 requests were blocked by CORS.',
    ]);
  });

  it('--json prints every verdict with its reasons, same exit code', async () => {
    const r = await run(FIXTURE, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { counts: Record<string, number>; exchanges: { url: string; verdict: string; code: string | null; reasons: { code: string; mdn: string | null }[] }[]; warnings: string[] };
    expect(out.counts).toMatchObject({ blocked: 7, preflighted: 1, simple: 1, 'network-error': 1, 'no-cors': 1, 'same-origin': 1 });
    expect(out.exchanges).toHaveLength(12);
    const two = out.exchanges.find((x) => x.url.includes('cid=two-acao'))!;
    expect(two).toMatchObject({ verdict: 'blocked', code: 'MultipleAllowOriginValues' });
    expect(two.reasons[0]!.mdn).toMatch(/^https:\/\/developer\.mozilla\.org\//);
    expect(out.warnings).toEqual([]);
    const sent = (x: object) => (x as { sent: boolean }).sent;
    expect(out.exchanges.filter((x) => !sent(x)).map((x) => (x as unknown as { method: string }).method)).toEqual(['DELETE', 'PATCH', 'GET']); // the three blocked at their preflight
  });

  it('exits 0 when nothing was blocked, also for an empty log', async () => {
    const ok = file('ok.har', report([exchange().response((x) => x.acao(PAGE)).build(), exchange().id('x2').failed('net::ERR_CONNECTION_REFUSED').build()]));
    const r = await run(ok);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 network-error, 1 simple');
    expect(r.stdout).not.toContain('blocked by CORS');
    const empty = await run(file('empty.har', JSON.stringify({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [] } })));
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('nothing to classify');
  });

  it('reads its own report back with the same verdicts', async () => {
    const path = file('ours.har', report([exchange().response((x) => x.status(200)).failed().build()]));
    const r = await run(path, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).exchanges[0]).toMatchObject({ verdict: 'blocked', code: 'MissingAllowOriginHeader' });
  });

  it('warns on stderr about entries it skipped, and still classifies the rest', async () => {
    const har = JSON.parse(report([exchange().response((x) => x.acao(PAGE)).build()]));
    har.log.entries.push({ request: {} });
    const r = await run(file('partial.har', JSON.stringify(har)));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('cors-lens: warning: entry 1 skipped: request.method missing\n');
  });

  it.each([
    ['malformed JSON', 'broken.har', '{"log": ', /: This file is not valid JSON, so it cannot be a HAR file/],
    ['JSON that is not a HAR', 'other.json', '{"name": "package"}', /: This JSON file is not a HAR file: it has no "log.entries" list\.$/m],
    ['an empty file', 'empty.txt', '', /: The file is empty\.$/m],
  ])('exits 2 with a clear message on %s', async (_what, name, text, message) => {
    const r = await run(file(name, text));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cors-lens: /);
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 for a missing file, a directory, no file and unknown options', async () => {
    const missing = await run(join(dir, 'nope.har'));
    expect([missing.code, missing.stderr]).toEqual([2, `cors-lens: ${join(dir, 'nope.har')}: no such file.\n`]);
    const directory = await run(dir);
    expect([directory.code, directory.stderr]).toEqual([2, `cors-lens: ${dir} is a directory, not a HAR file.\n`]);
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no HAR file given.');
    expect(none.stderr).toContain('Usage: cors-lens <file.har> [--json]');
    const unknown = await run(FIXTURE, '--yaml');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown argument --yaml');
  });

  it('--help prints the usage with the exit codes and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: cors-lens <file.har> [--json]');
    expect(r.stdout).toContain('1  at least one request was blocked by CORS');
  });

  it('keeps control characters from the file out of the terminal', async () => {
    const x = exchange().to('http://127.0.0.1:4002/a\u001b[31mred').response((y) => y.acao(PAGE)).build();
    const r = await run(file('ctrl.har', report([x])));
    expect(r.stdout).not.toContain('\u001b');
  });
});
