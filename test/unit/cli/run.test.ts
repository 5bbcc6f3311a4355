/** The command in process (no child process): output streams and exit statuses of run(). */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run';

const FIXTURE = fileURLToPath(new URL('../../fixtures/har/chrome-devtools-export.har', import.meta.url));

async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { out: (t) => { stdout += t; }, err: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

describe('run', () => {
  it('classifies a file: 1 when blocked, the table on stdout, nothing on stderr', async () => {
    const r = await runCli(FIXTURE);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(`${FIXTURE}: 12 requests (written by WebInspector 537.36)`);
    expect(r.stdout.endsWith('7 requests were blocked by CORS.\n')).toBe(true);
  });

  it('--json carries the counts in the core\'s order and the same exit status', async () => {
    const r = await runCli('--json', FIXTURE);
    expect(r.code).toBe(1);
    expect(Object.keys(JSON.parse(r.stdout).counts)).toEqual(['blocked', 'network-error', 'inconclusive', 'preflighted', 'simple', 'no-cors', 'same-origin', 'pending']);
  });

  it('usage: help is 0 on stdout; no file or an unknown option is 2 on stderr', async () => {
    expect(await runCli('--help', '--yaml')).toMatchObject({ code: 0, stderr: '' });
    const none = await runCli();
    expect([none.code, none.stdout]).toEqual([2, '']);
    expect(none.stderr.startsWith('cors-lens: no HAR file given.\n\nUsage: cors-lens <file.har> [--json]')).toBe(true);
    expect((await runCli('a.har', 'b.har')).stderr.startsWith('cors-lens: unknown argument b.har\n')).toBe(true);
  });
});
