/**
 * Page-load overhead of CORS Lens. The same lab page fires 500 cross-origin fetches at once (half of them
 * preflighted) and measures, in the page, from the first fetch to the last one settled. It is loaded in
 * four browsers: (a) no extension, (b) a minimal extension registering the same webRequest listeners with
 * empty bodies (bench/fixtures/minimal-extension), (c) CORS Lens (dist/), (d) CORS Lens paused.
 * Runs are interleaved across the four, each on a fresh page load; medians are compared.
 * BENCH_EXTENSION=<dir> measures an extension already built there instead of building dist/.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchRow } from './index';
import { DIST, ROOT, burst, launch, openBurst, openExtensionPage, request, startLab, type Launched } from '../test/e2e/support/index';

const FETCHES = 500;
const PREFLIGHTED = 0.5;
const WARMUP = 1;
const RUNS = Number(process.env.BENCH_PAGELOAD_RUNS ?? 7);
const MINIMAL = fileURLToPath(new URL('./fixtures/minimal-extension/', import.meta.url));

interface Config { name: string; browser: Launched; page: Page; times: number[] }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function run(): Promise<BenchRow[]> {
  const prebuilt = process.env.BENCH_EXTENSION;
  if (!prebuilt) {
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const lens = prebuilt ?? DIST;
  const lab = await startLab();
  const configs: Config[] = [];
  try {
    for (const [name, extension] of [['no extension', null], ['minimal extension', MINIMAL], ['CORS Lens', lens], ['CORS Lens paused', lens]] as const) {
      const browser = await launch({ extension });
      if (name === 'CORS Lens paused') {
        const ext = await openExtensionPage(browser.context, browser.extensionId);
        const settings = await request(ext, 'set-settings', { paused: true });
        if (!settings.paused) throw new Error('CORS Lens did not pause');
        await ext.close();
      }
      configs.push({ name, browser, page: await browser.context.newPage(), times: [] });
    }
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const c of configs) {
        await openBurst(c.page, lab.origins.page, FETCHES, PREFLIGHTED);
        const r = await burst(c.page, FETCHES, PREFLIGHTED);
        if (r.ok !== FETCHES) throw new Error(`${c.name}: ${r.failed} of ${FETCHES} fetches failed`);
        if (i >= WARMUP) c.times.push(r.ms);
      }
    }
  } finally {
    for (const c of configs) await c.browser.close();
    await lab.close();
  }
  const m = Object.fromEntries(configs.map((c) => [c.name, median(c.times)])) as Record<string, number>;
  const area = 'pageload';
  const rows: BenchRow[] = configs.map((c) => ({ area, metric: `${FETCHES} fetches, ${c.name} (median of ${RUNS})`, value: m[c.name]!, unit: 'ms' }));
  const ratio = (a: string, b: string) => m[a]! / m[b]!;
  const lensVsMinimal = ratio('CORS Lens', 'minimal extension');
  rows.push(
    { area, metric: 'CORS Lens / no extension', value: ratio('CORS Lens', 'no extension'), unit: 'x' },
    { area, metric: 'minimal extension / no extension', value: ratio('minimal extension', 'no extension'), unit: 'x' },
    { area, metric: 'CORS Lens / minimal extension', value: lensVsMinimal, unit: 'x', target: '<= 1.05', ok: lensVsMinimal <= 1.05 },
    { area, metric: 'CORS Lens paused / no extension', value: ratio('CORS Lens paused', 'no extension'), unit: 'x' },
  );
  return rows;
}
