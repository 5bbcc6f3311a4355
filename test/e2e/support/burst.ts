/** Driving the lab's burst page: n cross-origin fetches at once, half preflighted if asked. */
import type { Page } from 'playwright-core';

export interface BurstResult {
  run: string; n: number; ok: number; failed: number; ms: number;
  /** Per fetch: when the page made it and when it settled (ms since the epoch). */
  times?: [number, number][];
}

interface BurstWindow {
  labBurst(n: number, pre: number, hold: string | null, concurrency?: number, blockEvery?: number): Promise<BurstResult>;
  labBurstRun?: string;
}

/** Opens the burst page; `label` goes into its URL (`&tab=<label>`) so a test can find the tab by URL. */
export async function openBurst(page: Page, pageOrigin: string, n = 100, pre = 0, label?: string): Promise<void> {
  await page.goto(`${pageOrigin}/burst?n=${n}&pre=${pre}${label ? `&tab=${encodeURIComponent(label)}` : ''}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}

/**
 * Fires the burst and resolves when every fetch settled. `concurrency` caps the fetches in flight
 * (Chromium itself refuses a page's fetches beyond roughly 1,400 in flight).
 */
export function burst(page: Page, n: number, pre: number, concurrency = n, blockEvery = 0): Promise<BurstResult> {
  return page.evaluate(({ n, pre, concurrency, blockEvery }) => (window as unknown as BurstWindow).labBurst(n, pre, null, concurrency, blockEvery),
    { n, pre, concurrency, blockEvery });
}

/**
 * What the burst page makes of request `i` (`pre` = 0.5, `blockEvery` as given to `burst`): preflighted when
 * i is even, refused by the lab when i % blockEvery === blockEvery - 1 (at the preflight when preflighted).
 */
export function burstExpectation(i: number, blockEvery: number): { kind: 'simple' | 'preflighted' | 'blocked'; code: string | null } {
  const preflighted = i % 2 === 0;
  if (blockEvery > 0 && i % blockEvery === blockEvery - 1) {
    return { kind: 'blocked', code: preflighted ? 'PreflightMissingAllowOriginHeader' : 'MissingAllowOriginHeader' };
  }
  return { kind: preflighted ? 'preflighted' : 'simple', code: null };
}

/** Chromium opens at most 6 connections per host: more held requests than that would queue in the browser. */
export const MAX_HELD = 6;

/** Fires a burst whose responses the lab holds under `hold`; resolves with the run id at once (fetches still in flight). */
export async function startHeldBurst(page: Page, n: number, pre: number, hold: string): Promise<string> {
  if (n > MAX_HELD) throw new Error(`at most ${MAX_HELD} held requests fit in Chromium's connections to one host`);
  return page.evaluate(({ n, pre, hold }) => {
    const w = window as unknown as BurstWindow;
    void w.labBurst(n, pre, hold);
    return w.labBurstRun!;
  }, { n, pre, hold });
}

/** The burst run a URL belongs to, and its index. */
export function burstTag(url: string): { run: string; i: number } | null {
  try {
    const u = new URL(url);
    if (u.searchParams.get('cid') !== 'burst') return null;
    return { run: u.searchParams.get('r') ?? '', i: Number(u.searchParams.get('i')) };
  } catch {
    return null;
  }
}
