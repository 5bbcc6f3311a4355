/**
 * FastAPI 0.92 / Starlette 0.26 (Debian python3-fastapi) served by uvicorn. The app module serves ROUTES;
 * the snippet is pasted at the end of the module, after the routes, as its text says.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Snippet } from '../../../src/core/fix';
import type { StackAdapter, StartOptions } from '../support/contract';
import { missingModule, uvicorn } from './python';
import { lineWith } from './template';

const MODULES = [['fastapi', 'python3-fastapi'], ['uvicorn', 'python3-uvicorn']] as const;

/** The app module with the snippet appended where its text says. */
export function pasteFastapi(module: string, snippet: Snippet): string {
  lineWith(snippet.code, 'end of the module that creates `app`', 'where it goes');
  return `${module.trimEnd()}\n\n\n${snippet.code}\n`;
}

export const fastapiAdapter: StackAdapter = {
  stack: 'fastapi',
  packages: { debian: MODULES.map(([, pkg]) => pkg) },
  missing: () => missingModule(MODULES),
  async start({ port, snippet, workDir }: StartOptions) {
    let module = readFileSync(new URL('./fastapi/main.py', import.meta.url), 'utf8');
    if (snippet) module = pasteFastapi(module, snippet);
    writeFileSync(join(workDir, 'main.py'), module);
    return uvicorn(workDir, 'main:app', port, () => (snippet ? `\n--- main.py (end)\n${module.slice(-2_000)}` : ''));
  },
};
