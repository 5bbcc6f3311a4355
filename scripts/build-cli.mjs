// `npm run build:cli` (also run by `prepare` and `prepack`): bundles the command line and the Playwright helper,
// with the core, tldts and the message catalogues, into plain JavaScript under cli-dist/, so the installed package
// needs no dependency and no TypeScript at run time. Node's builtins stay imports; nothing else does.
//   src/cli/main.ts          -> cli-dist/cors-lens.mjs   (the `cors-lens` bin, through bin/cors-lens.mjs)
//   src/playwright/index.ts  -> cli-dist/playwright.mjs  (`cors-lens/playwright`)
//   src/playwright/public.d.ts -> cli-dist/playwright.d.ts (its hand-written types)
import { copyFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules, createRequire } from 'node:module';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'cli-dist');
const input = { 'cors-lens': join(root, 'src/cli/main.ts'), playwright: join(root, 'src/playwright/index.ts') };

const require = createRequire(import.meta.url);
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

// A catalogue enters the bundle as JSON.parse('…'), which Node compiles and loads several times faster than the same
// object as a JavaScript literal (Vite's form), and without its `description` fields (notes for translators).
const CATALOGUE = /[\\/]_locales[\\/][^\\/]+[\\/]messages\.json$/;
const catalogueAsJsonParse = {
  name: 'cors-lens-catalogue-as-json-parse',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!CATALOGUE.test(source)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved && `\0catalogue:${resolved.id}`;
  },
  load(id) {
    if (!id.startsWith('\0catalogue:')) return null;
    const catalogue = JSON.parse(readFileSync(id.slice('\0catalogue:'.length), 'utf8'));
    for (const entry of Object.values(catalogue)) delete entry.description;
    return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(catalogue))});`, moduleType: 'js' };
  },
};

// The Public Suffix List (tldts, ~140 KB of code and tables) is loaded on first use, not at start: `--help` and most
// runs never ask for a site. tldts's own minified CommonJS build is copied to cli-dist/tldts.cjs and required when first needed
// (from cli-dist/ or cli-dist/chunks/, wherever the bundler puts the core).
const LAZY_TLDTS = '\0cors-lens-lazy-tldts';
const lazyTldts = {
  name: 'cors-lens-lazy-tldts',
  enforce: 'pre',
  resolveId: (source) => (source === 'tldts' ? LAZY_TLDTS : null),
  load: (id) => (id !== LAZY_TLDTS ? null : [
    "import { createRequire } from 'node:module';",
    "import { fileURLToPath } from 'node:url';",
    'let tldts;',
    "const file = () => new URL(import.meta.url.includes('/chunks/') ? '../tldts.cjs' : './tldts.cjs', import.meta.url);",
    'const load = () => (tldts ??= createRequire(import.meta.url)(fileURLToPath(file())));',
    'export function parse(url, options) { return load().parse(url, options); }',
  ].join('\n')),
};

await build({
  configFile: false,
  root,
  logLevel: process.env.CORS_LENS_BUILD_LOG ?? 'warn',
  plugins: [catalogueAsJsonParse, lazyTldts],
  ssr: { target: 'node', noExternal: true },
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rollupOptions: {
      input,
      external: (id) => builtins.has(id),
      // ASCII only (\u escapes): Node reads and compiles a one-byte source faster than a UTF-8 one.
      output: { format: 'es', charset: 'ascii', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/shared-[hash].mjs' },
    },
  },
});

copyFileSync(join(dirname(require.resolve('tldts/package.json')), 'dist/index.cjs.min.js'), join(outDir, 'tldts.cjs')); // self-contained
// (two path parts: a types file is no entry for the convention tests)
copyFileSync(join(root, 'src/playwright', 'public.d.ts'), join(outDir, 'playwright.d.ts'));

const size = (dir) => readdirSync(dir, { withFileTypes: true })
  .reduce((n, e) => n + (e.isDirectory() ? size(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
process.stdout.write(`build:cli: cli-dist/ (${Object.keys(input).map((n) => `${n}.mjs`).join(', ')}) ${(size(outDir) / 1024).toFixed(0)} KB\n`);
