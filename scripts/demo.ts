/**
 * `npm run demo`: CORS Lens working in one command.
 *
 * Builds the extension, starts the lab (three loopback origins) and opens Chromium with dist/ loaded.
 * - With a display (and without --headless): a real window on the lab gallery, every case run once, and
 *   the CORS Lens panel for that tab in a second tab. Close the browser or press Ctrl-C to stop.
 * - Without a display ($DISPLAY unset) or with --headless: runs every gallery case headless and prints,
 *   per case, Chromium's own verdict (DevTools protocol), CORS Lens's verdict and whether they agree.
 *   Exits 1 when they disagree on any case.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  ROOT, describeRow, launch, openExtensionPage, openGallery, request, runAgreement, runAllCases, startLab, tabIdOf,
} from '../test/e2e/support/index';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const out = (line = '') => process.stdout.write(`${line}\n`);

out('CORS Lens demo: building the extension (vite build)…');
const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) {
  out('The build failed; nothing to demo.');
  process.exit(1);
}

const lab = await startLab();
out(`Lab: gallery ${lab.galleryUrl}  API ${lab.origins.api}  third party ${lab.origins.third}`);

if (headless) {
  out(process.env.DISPLAY ? 'Running headless (--headless).' : 'No display ($DISPLAY is unset): running every case headless.');
  const browser = await launch();
  let exitCode = 0;
  try {
    const { rows } = await runAgreement(browser, lab);
    const table = rows.map(describeRow);
    const head = { case: 'case', chromium: 'Chromium (DevTools protocol)', extension: 'CORS Lens', agree: 'agree' };
    const cols = ['case', 'chromium', 'extension', 'agree'] as const;
    const width = Object.fromEntries(cols.map((c) => [c, Math.max(head[c].length, ...table.map((r) => r[c].length))])) as Record<typeof cols[number], number>;
    const line = (r: typeof head) => cols.map((c) => r[c].padEnd(width[c])).join('  ').trimEnd();
    out();
    out(line(head));
    out(cols.map((c) => '-'.repeat(width[c])).join('  '));
    for (const r of table) out(line(r));
    const agreeing = rows.filter((r) => r.agree).length;
    out();
    out(`${agreeing} of ${rows.length} cases: CORS Lens agrees with Chromium.`);
    if (agreeing !== rows.length) {
      out(`Disagreements: ${rows.filter((r) => !r.agree).map((r) => r.kase.id).join(', ')}`);
      exitCode = 1;
    }
  } finally {
    await browser.close();
    await lab.close();
  }
  process.exit(exitCode);
}

out('Opening Chromium with CORS Lens loaded…');
const browser = await launch({ headless: false });
const extPage = await openExtensionPage(browser.context, browser.extensionId);
await request(extPage, 'set-settings', { paused: false });
const gallery = await browser.context.newPage();
await openGallery(gallery, lab.galleryUrl);
const tabId = await tabIdOf(extPage, `${lab.origins.page}/*`);
await extPage.goto(`chrome-extension://${browser.extensionId}/src/panel/index.html?tabId=${tabId}`);
await gallery.bringToFront();
const run = await runAllCases(gallery);
out(`Ran ${run.results.length} cases in the gallery tab. The CORS Lens panel for that tab is open in the next tab;`);
out('in the gallery, open DevTools (F12) → "CORS Lens" for the same view, or click any case to run it again.');
out('Close the browser window or press Ctrl-C to stop.');

const stop = async () => {
  await browser.close();
  await lab.close();
  process.exit(0);
};
browser.context.on('close', () => void stop());
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
