/**
 * What the in-process command-line tests share: `cli` runs the command as `bin/cors-lens.mjs` would (its output
 * collected), and `harWriter` writes HAR files of test exchanges with the extension's own report writer, in a
 * temporary folder removed after the file's tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { classify } from '../../../src/core/classify/classify';
import { buildHarReport } from '../../../src/core/har';
import type { Exchange } from '../../../src/core/model/exchange';
import { run } from '../../../src/cli/run';
import type { Env } from '../../../src/cli/lang';

export interface CliRun { code: number; stdout: string; stderr: string }

/** The command line run in process with `argv` and the environment `env` (no locale variable: English). */
export async function cli(argv: readonly string[], env: Env = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { out: (t) => { stdout += t; }, err: (t) => { stderr += t; } }, env);
  return { code, stdout, stderr };
}

/** A writer of HAR files (`<name>.har`, numbered) of the given exchanges; call it at the top of a test file. */
export function harWriter(name: string): (xs: Exchange[]) => string {
  const dir = mkdtempSync(join(tmpdir(), `cors-lens-cli-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return (xs) => {
    const path = join(dir, `${name}${++n}.har`);
    writeFileSync(path, JSON.stringify(buildHarReport(
      xs.map((x) => ({ exchange: x, verdict: classify(x) })),
      { includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0' },
    )));
    return path;
  };
}
