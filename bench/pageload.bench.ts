/**
 * Page-load overhead of CORS Lens. The same lab page fires 500 cross-origin fetches at once (half of them
 * preflighted) and measures, in the page, from the first fetch to the last one settled. It is loaded in
 * one browser per configuration:
 * - no extension;
 * - the reference (bench/fixtures/reference-extension): five empty listeners, each with `extraHeaders`. It
 *   never changes, so "CORS Lens / reference" means the same from one change to the next (issue 12);
 * - the mirror (bench/fixtures/minimal-extension): CORS Lens's own listeners with empty bodies, the cost
 *   of listening itself (test/unit/background/capture/bench-mirror.test.ts keeps it equal to listeners.ts);
 * - the idle extension (bench/fixtures/idle-extension): CORS Lens's permissions and no listener. Chromium
 *   proxies every request while an extension holding webRequest is loaded, listeners or not, so this is the
 *   floor of "capture only chosen tabs, none on" (README, Capture scope), shown next to no extension;
 * - CORS Lens; CORS Lens paused; CORS Lens capturing only chosen tabs with none turned on;
 * - with BENCH_EXTENSION_BASE=<dir>, another build of CORS Lens (an older commit), for before/after ratios.
 * Runs are interleaved across the browsers, each on a fresh page load; medians are compared. On Linux the bench
 * also sums the CPU each browser (all its processes) spent from the first fetch to just after the last one
 * settled (process-cpu.ts): far steadier than the times on a loaded machine, it says which costs are the same.
 * BENCH_EXTENSION=<dir> (or CORS_LENS_DIST=<dir>) measures an extension already built there instead of building dist/.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchRow } from './index';
import { canReadCpu, children, launchedSince, treeCpuMs } from './process-cpu';
import { DIST, ROOT, burst, launch, openBurst, openExtensionPage, request, startLab, type Launched } from '../test/e2e/support/index';

const FETCHES = 500;
const PREFLIGHTED = 0.5;
const WARMUP = 1;
const RUNS = Number(process.env.BENCH_PAGELOAD_RUNS ?? 7);
const MIRROR = fileURLToPath(new URL('./fixtures/minimal-extension/', import.meta.url));
const REFERENCE = fileURLToPath(new URL('./fixtures/reference-extension/', import.meta.url));
const IDLE = fileURLToPath(new URL('./fixtures/idle-extension/', import.meta.url));

const NONE = 'no extension';
const REF = 'reference (5 extraHeaders listeners)';
const MIR = 'mirror';
const IDLER = 'idle extension (webRequest permission, no listener)';
const LENS = 'CORS Lens';
const PAUSED = 'CORS Lens paused';
const CHOSEN = 'CORS Lens, capture only chosen tabs, none on';
const BASE = 'CORS Lens (base build)';

/** After the last fetch settled, the worker still sorts, judges and stores its last batch (50 ms batches). */
const SETTLE_MS = 500;

interface Config { name: string; browser: Launched; page: Page; times: number[]; pid: number | null; cpu: number[] }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Puts a freshly launched CORS Lens in the state the configuration names; false when it cannot (setting missing). */
async function prepare(name: string, browser: Launched): Promise<boolean> {
  if (name !== PAUSED && name !== CHOSEN) return true;
  const ext = await openExtensionPage(browser.context, browser.extensionId);
  try {
    if (name === PAUSED) {
      const settings = await request(ext, 'set-settings', { paused: true });
      if (!settings.paused) throw new Error('CORS Lens did not pause');
      return true;
    }
    // Issue 12's capture scope: until the setting exists, the row says so and fails.
    try {
      const settings = (await request(ext, 'set-settings', { capture: 'chosen' } as never)) as unknown as Record<string, unknown>;
      return settings.capture === 'chosen';
    } catch (err) {
      process.stderr.write(`bench: pageload: ${CHOSEN}: ${err instanceof Error ? err.message : String(err)}\n`);
      return false;
    }
  } finally {
    await ext.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const prebuilt = process.env.BENCH_EXTENSION ?? process.env.CORS_LENS_DIST;
  if (!prebuilt) {
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const lens = prebuilt ?? DIST;
  const base = process.env.BENCH_EXTENSION_BASE;
  const wanted: [string, string | null][] = [[NONE, null], [REF, REFERENCE], [MIR, MIRROR], [IDLER, IDLE], [LENS, lens], [PAUSED, lens], [CHOSEN, lens]];
  if (base) wanted.push([BASE, base]);
  const cpu = canReadCpu();
  const lab = await startLab();
  const configs: Config[] = [];
  const missing: string[] = [];
  try {
    for (const [name, extension] of wanted) {
      const before = cpu ? children() : null;
      const browser = await launch({ extension });
      const pid = before ? launchedSince(before) : null;
      if (!(await prepare(name, browser))) {
        missing.push(name);
        await browser.close();
        continue;
      }
      configs.push({ name, browser, page: await browser.context.newPage(), times: [], pid, cpu: [] });
    }
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const c of configs) {
        await openBurst(c.page, lab.origins.page, FETCHES, PREFLIGHTED);
        const cpu0 = c.pid === null ? 0 : treeCpuMs(c.pid);
        const r = await burst(c.page, FETCHES, PREFLIGHTED);
        if (r.ok !== FETCHES) throw new Error(`${c.name}: ${r.failed} of ${FETCHES} fetches failed`);
        if (c.pid !== null) {
          await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
          if (i >= WARMUP) c.cpu.push(treeCpuMs(c.pid) - cpu0);
        }
        if (i >= WARMUP) c.times.push(r.ms);
      }
    }
  } finally {
    for (const c of configs) await c.browser.close();
    await lab.close();
  }
  const m = new Map(configs.map((c) => [c.name, median(c.times)]));
  const area = 'pageload';
  const rows: BenchRow[] = configs.map((c) => ({ area, metric: `${FETCHES} fetches, ${c.name} (median of ${RUNS})`, value: m.get(c.name)!, unit: 'ms' }));
  const ratio = (a: string, b: string) => (m.get(a) ?? NaN) / (m.get(b) ?? NaN);
  const lensVsRef = ratio(LENS, REF);
  const chosen = ratio(CHOSEN, NONE);
  rows.push(
    { area, metric: `${LENS} / ${REF}`, value: lensVsRef, unit: 'x', target: '<= 0.92', ok: lensVsRef <= 0.92 },
    { area, metric: `reference / ${NONE}`, value: ratio(REF, NONE), unit: 'x' },
    { area, metric: `${LENS} / ${MIR}`, value: ratio(LENS, MIR), unit: 'x' },
    { area, metric: `${LENS} / ${NONE}`, value: ratio(LENS, NONE), unit: 'x' },
    { area, metric: `${PAUSED} / ${NONE}`, value: ratio(PAUSED, NONE), unit: 'x' },
    { area, metric: `idle extension / ${NONE} (the floor of an extension holding webRequest)`, value: ratio(IDLER, NONE), unit: 'x' },
    { area, metric: `${CHOSEN} / idle extension`, value: ratio(CHOSEN, IDLER), unit: 'x' },
    {
      area, metric: `${CHOSEN} / ${NONE}${missing.includes(CHOSEN) ? ' (the capture setting is missing: set-settings ignored capture: chosen)' : ''}`,
      value: chosen, unit: 'x', target: '<= 1.02', ok: chosen <= 1.02,
    },
  );
  if (cpu) rows.push(...cpuRows(configs));
  if (base) rows.push({ area, metric: `${LENS} / ${BASE}`, value: ratio(LENS, BASE), unit: 'x' }, { area, metric: `${BASE} / ${REF}`, value: ratio(BASE, REF), unit: 'x' });
  return rows;
}

/** CPU per burst of each browser, and the ratios that say what our listeners and our bodies cost. */
function cpuRows(configs: Config[]): BenchRow[] {
  const area = 'pageload';
  const m = new Map(configs.map((c) => [c.name, median(c.cpu)]));
  const ratio = (a: string, b: string) => (m.get(a) ?? NaN) / (m.get(b) ?? NaN);
  return [
    ...configs.map((c) => ({ area, metric: `CPU of the browser per burst, ${c.name} (median of ${RUNS})`, value: m.get(c.name)!, unit: 'ms' })),
    { area, metric: `CPU: ${LENS} / ${REF}`, value: ratio(LENS, REF), unit: 'x' },
    { area, metric: `CPU: ${LENS} / ${MIR}`, value: ratio(LENS, MIR), unit: 'x' },
    { area, metric: `CPU: ${MIR} / ${REF}`, value: ratio(MIR, REF), unit: 'x' },
    { area, metric: `CPU: idle extension / ${NONE}`, value: ratio(IDLER, NONE), unit: 'x' },
    { area, metric: `CPU: ${CHOSEN} / idle extension`, value: ratio(CHOSEN, IDLER), unit: 'x' },
  ];
}
