#!/usr/bin/env node
// cors-lens <file.har> | probe <url> (see --help): starts the command line.
// Installed from the package, it runs the bundle cli-dist/cors-lens.mjs (plain JavaScript, no dependency; built by
// `npm run build:cli`, which `prepare` and `prepack` run). In a clone it runs the bundle only while the bundle is
// newer than every file it was built from (src/cli, src/core, the catalogues, package-lock.json, the build script),
// so an edit is never hidden behind an old bundle: else, or with CORS_LENS_FROM_SOURCE=1, it runs src/cli/main.ts
// through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));
const bundleUrl = new URL('../cli-dist/cors-lens.mjs', import.meta.url);
const bundle = fileURLToPath(bundleUrl);
const source = at('../src/cli/main.ts');

/** The latest modification time under a path (a folder's own time counts: a deleted file changes it). */
function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(`${path}/${name}`)), st.mtimeMs);
}

function bundleIsCurrent() {
  if (!existsSync(bundle)) return false;
  if (!existsSync(source)) return true; // the installed package: the bundle is all there is
  const built = statSync(bundle).mtimeMs;
  return ['../src/cli', '../src/core', '../public/_locales', '../package-lock.json', '../scripts/build-cli.mjs'].every((p) => newest(at(p)) <= built);
}

if (process.env.CORS_LENS_FROM_SOURCE !== '1' && bundleIsCurrent()) {
  // Node 22.1+ keeps the bundle's compiled code in its cache folder, so the next start skips compiling it.
  module.enableCompileCache?.();
  await import(bundleUrl.href);
} else if (existsSync(source)) {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch (err) {
    const missing = err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('tsx');
    process.stderr.write(`cors-lens: ${missing
      ? 'running from source needs the dev dependency "tsx": run `npm ci` in the cors-lens checkout (it also builds the bundle), or `npm run build:cli`.'
      : err?.message}\n`);
    process.exitCode = 2;
  }
  if (tsx) await tsx.tsImport('../src/cli/main.ts', import.meta.url);
} else {
  process.stderr.write('cors-lens: this copy has neither its bundle (cli-dist/cors-lens.mjs) nor its sources: reinstall the package.\n');
  process.exitCode = 2;
}
