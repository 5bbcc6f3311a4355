/**
 * Express with the `cors` package: a real Express 5 app (express/app.mjs) run by Node in its own process.
 * The snippet goes right after `const app = express();`, as its text says; `npm install cors` (the snippet's
 * only other instruction) is the repository's node_modules, linked into the scratch folder.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackAdapter } from '../support/contract';
import { missingNpm, NODE_MODULES, pasteAt } from '../support/paste';
import { spawnServer } from '../support/process';

const TEMPLATE = new URL('./express/app.mjs', import.meta.url);
const PACKAGES = ['express', 'cors'];

export const expressStack: StackAdapter = {
  stack: 'express',
  packages: { npm: PACKAGES },
  missing: () => missingNpm(PACKAGES),
  start({ port, snippet, workDir }) {
    writeFileSync(join(workDir, 'app.mjs'), pasteAt(readFileSync(TEMPLATE, 'utf8'), 'CORS-LENS-SNIPPET', snippet?.code ?? null));
    symlinkSync(NODE_MODULES, join(workDir, 'node_modules'), 'dir');
    return spawnServer({ command: process.execPath, args: ['app.mjs'], cwd: workDir, env: { PORT: String(port), NODE_ENV: 'production' }, port });
  },
};
