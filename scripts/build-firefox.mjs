// npm run build:firefox — builds dist-firefox/ from the same sources and vite.config.ts as the
// Chromium build, with crxjs in Firefox mode and the Firefox variant of manifest.json.
import { readFileSync } from 'node:fs';
import { build, loadConfigFromFile } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { toFirefoxManifest } from './firefox-manifest.mjs';

// --out-dir <dir> builds elsewhere (the manifest tests build into a temporary directory).
const outArg = process.argv.indexOf('--out-dir');
const OUT_DIR = outArg > 0 && process.argv[outArg + 1] ? process.argv[outArg + 1] : 'dist-firefox';

const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'vite.config.ts');
if (!loaded) throw new Error('vite.config.ts not found');
const { config } = loaded;

// Drop the Chromium crx plugin (all its parts are named "crx:…") and add a Firefox one.
const plugins = (config.plugins ?? []).flat(Infinity).filter((p) => !(p && typeof p === 'object' && 'name' in p && String(p.name).startsWith('crx:')));
// One version number: package.json's (manifest.json has none), as in vite.config.ts.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = toFirefoxManifest({ ...JSON.parse(readFileSync('manifest.json', 'utf8')), version });

await build({
  ...config,
  configFile: false,
  plugins: [...plugins, crx({ manifest, browser: 'firefox' })],
  logLevel: process.argv.includes('--quiet') ? 'warn' : config.logLevel,
  build: { ...config.build, outDir: OUT_DIR, emptyOutDir: true },
});
