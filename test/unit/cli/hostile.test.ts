/**
 * The command line on hostile files: characters that would act on the terminal (escape sequences, the
 * right-to-left override U+202E, line separators) are shown as visible \uXXXX in the table, the
 * warnings and the JSON; a malformed header skips one entry with a warning instead of refusing the file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/cors-lens.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cors-lens-cli-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(text: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.har`);
  writeFileSync(path, text);
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, path, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C' } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const entry = (method: string, url: string, headers: unknown[] = [{ name: 'Origin', value: 'http://app.test' }]) => ({
  startedDateTime: '2026-01-01T00:00:00.000Z', time: 1,
  request: { method, url, headers },
  response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }] },
});
const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });
// eslint-disable-next-line no-control-regex -- what must not reach the terminal
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('cors-lens on hostile text', { timeout: 30_000 }, () => {
  it('shows U+202E, escape sequences and C1 controls as visible \\uXXXX in the table and warnings', async () => {
    const url = 'http://api.test/\u202egpj.exe\u001b[31m\u0085x';
    const r = await run(har([entry('GET', url), entry('GE\u202eT', 'http://api.test/x\u2028y', [{ name: 'X', value: { toString: 1 } }])]));
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stdout).toContain('http://api.test/\\u202Egpj.exe\\u001B[31m\\u0085x');
    expect(r.stderr).toBe('cors-lens: warning: entry 1 (GE\\u202ET http://api.test/x\\u2028y) skipped: request.headers[0].value is an object, not text\n');
  });

  it('--json escapes them too and stays the same JSON', async () => {
    const url = 'http://api.test/\u202eabc\u2066';
    const r = await run(har([entry('GET', url)]), '--json');
    expect(r.stdout).not.toMatch(RAW);
    expect(JSON.parse(r.stdout).exchanges[0].url).toBe(url);
  });

  it('one huge method does not widen every row', async () => {
    const r = await run(har([entry('P'.repeat(100_000), 'http://api.test/a'), ...Array.from({ length: 50 }, (_, i) => entry('GET', `http://api.test/${i}`))]));
    expect(r.stdout.length).toBeLessThan(20_000);
  });

  it('a malformed header skips one entry (exit by the rest), not the whole file', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const text = har([entry('GET', 'http://api.test/ok'), entry('GET', 'http://api.test/deep', [{ name: 'X', value: '__DEEP__' }])]).replace('"__DEEP__"', deep);
    const r = await run(text);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 request');
    expect(r.stderr).toBe('cors-lens: warning: entry 1 (GET http://api.test/deep) skipped: request.headers[0].value is a list, not text\n');
  });
});
