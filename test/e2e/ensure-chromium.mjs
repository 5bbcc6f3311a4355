// Makes sure Chromium is there before the real-browser tests (see support/chromium.ts); exits 1 with advice if not.
import { tsImport } from 'tsx/esm/api';

try {
  const { ensureChromium } = await tsImport('./support/chromium.ts', import.meta.url);
  const path = ensureChromium();
  process.stdout.write(`Chromium: ${path}\n`);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
