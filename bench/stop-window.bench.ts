/**
 * The worker stop window: how long after an exchange ended must the MV3 worker live for the exchange
 * to survive a stop? A page fetches a cross-origin URL; `d` ms after the page saw the response,
 * Chromium stops the extension's worker (ServiceWorker.stopAllWorkers, as it does to an idle one);
 * the woken worker is then asked whether it kept the exchange, classified. Each `d` is tried RUNS times.
 * BENCH_EXTENSION=<dir> measures an extension already built there instead of building dist/.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchRow } from './index';
import { DIST, ROOT, getSnapshot, launch, openExtensionPage, startLab, tabIdOf, until } from '../test/e2e/support/index';

const DELAYS = [0, 2, 5, 10, 20, 50];
const RUNS = Number(process.env.BENCH_STOP_RUNS ?? 10);
/** From this delay on, (nearly) every run must keep the exchange. */
const TARGET_FROM_MS = 5;
const TARGET_KEPT = 0.95;

export async function run(): Promise<BenchRow[]> {
  const prebuilt = process.env.BENCH_EXTENSION;
  if (!prebuilt) {
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const lab = await startLab();
  const browser = await launch({ extension: prebuilt ?? DIST });
  try {
    const ext = await openExtensionPage(browser.context, browser.extensionId);
    const page = await browser.context.newPage();
    await page.goto(lab.galleryUrl);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const tabId = await tabIdOf(ext, `${lab.origins.page}/*`);
    const control = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(control);
    await cdp.send('ServiceWorker.enable');
    const running = async () => (await cdp.send('Target.getTargets')).targetInfos
      .some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    const rows: BenchRow[] = [];
    let n = 0;
    for (const d of DELAYS) {
      let kept = 0;
      for (let i = 0; i < RUNS; i++) {
        await getSnapshot(ext, tabId); // the worker is awake and has rehydrated
        const url = `${lab.origins.api}/cors?cid=stop-window-${n++}&acao=${encodeURIComponent(lab.origins.page)}`;
        await page.evaluate(async ({ url, d }) => {
          await (await fetch(url)).text();
          await new Promise((resolve) => setTimeout(resolve, d));
        }, { url, d });
        await cdp.send('ServiceWorker.stopAllWorkers');
        await until('the worker to stop', async () => !(await running()));
        const entry = (await getSnapshot(ext, tabId)).entries.find((e) => e.exchange.url === url);
        if (entry && entry.verdict.kind !== 'pending') kept++;
      }
      // At 0 ms some of the request's own events may not have reached the worker yet: no target there.
      const targeted = d >= TARGET_FROM_MS;
      rows.push({
        area: 'stop window', metric: `kept, worker stopped ${d} ms after the page saw the response`, value: kept / RUNS, unit: 'fraction',
        ...(targeted ? { target: `>= ${TARGET_KEPT}`, ok: kept / RUNS >= TARGET_KEPT } : {}),
      });
    }
    return rows;
  } finally {
    await browser.close();
    await lab.close();
  }
}
