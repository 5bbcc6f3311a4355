#!/usr/bin/env node
// cors-lens <file.har> | probe <url> (see --help): starts the command line, src/cli/main.ts. It is
// TypeScript, loaded through tsx (a dev dependency), so it runs from a clean clone after `npm ci` with no build step.
let tsx;
try {
  tsx = await import('tsx/esm/api');
} catch (err) {
  const missing = err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('tsx');
  process.stderr.write(`cors-lens: ${missing ? 'the classifier needs the dev dependency "tsx": run `npm ci` in the cors-lens checkout first.' : err?.message}\n`);
  process.exitCode = 2;
}
if (tsx) await tsx.tsImport('../src/cli/main.ts', import.meta.url);
