import { defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifestSource from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

// One version number: package.json's. manifest.json has none; the build writes it into dist/manifest.json.
const manifest = { ...manifestSource, version: pkg.version };

/**
 * Preact's only HTML sink: its `dangerouslySetInnerHTML` branch assigns `innerHTML`. CORS Lens never
 * uses that prop (test/unit/manifest/permissions.test.ts checks src/), so the assignment becomes a `textContent` one:
 * nothing in the bundle can parse a string as HTML, and Mozilla's linter has no innerHTML warning.
 * The build fails if Preact's code no longer has exactly one such assignment.
 */
function preactWithoutInnerHtml(): Plugin {
  const sink = /(\w+)\.innerHTML=(\w+)\.__html/g;
  return {
    name: 'cors-lens:preact-without-innerhtml',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id.split('?')[0] ?? '')) return null;
      const found = code.match(sink)?.length ?? 0;
      if (found !== 1) this.error(`expected one innerHTML assignment in Preact, found ${found}`);
      return { code: code.replace(sink, '$1.textContent=$2.__html'), map: null };
    },
  };
}

export default defineConfig({
  plugins: [preactWithoutInnerHtml(), preact(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      input: {
        panel: 'src/panel/index.html',
      },
    },
  },
  server: { port: 5173, strictPort: true },
});
