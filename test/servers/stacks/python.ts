/**
 * What the Python adapters (Django, FastAPI) share: Debian's interpreter (the `python3` on PATH may be another
 * one without Debian's packages), which of their Debian packages is missing, and the application served by
 * uvicorn from a work folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { RunningServer } from '../support/contract';
import { spawnServer } from '../support/process';

export const PYTHON = '/usr/bin/python3';

/** The first Debian package absent, given as [python module, Debian package] pairs, or null when all are there. */
export function missingModule(modules: readonly (readonly [string, string])[]): string | null {
  if (!existsSync(PYTHON)) return 'python3';
  // One interpreter for all: find_spec locates a module without importing it.
  const script = 'import importlib.util, sys\nprint(next((m for m in sys.argv[1:] if importlib.util.find_spec(m) is None), ""))';
  const run = spawnSync(PYTHON, ['-c', script, ...modules.map(([module]) => module)], { encoding: 'utf8' });
  if (run.status !== 0) return 'python3';
  const absent = run.stdout.trim();
  return absent ? (modules.find(([module]) => module === absent)?.[1] ?? absent) : null;
}

/** Runs a `python3 -m …` command in `cwd` and throws with its output when it fails. */
export function runPython(cwd: string, args: string[]): string {
  const run = spawnSync(PYTHON, args, { cwd, encoding: 'utf8' });
  const output = `$ python3 ${args.join(' ')}\n${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0) throw new Error(`${output}${run.error ? String(run.error) : ''}`);
  return output;
}

/** Serves the ASGI application `app` (`module:attribute`) from `cwd` on 127.0.0.1:port with uvicorn. */
export function uvicorn(cwd: string, app: string, port: number, extraLog: () => string): Promise<RunningServer> {
  return spawnServer({
    command: PYTHON,
    args: ['-m', 'uvicorn', app, '--host', '127.0.0.1', '--port', String(port), '--app-dir', cwd],
    port,
    cwd,
    env: { PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
    extraLog,
  });
}
