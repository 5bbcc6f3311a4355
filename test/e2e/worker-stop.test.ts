/**
 * The MV3 worker can be stopped at any time. Stopping it mid-run (ServiceWorker.stopAllWorkers, as
 * Chromium does to an idle worker) loses no exchange recorded before, completes the ones in flight,
 * and captures and pairs the ones after (preflight with its request).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  burst, burstTag, getSnapshot, launch, openBurst, openExtensionPage, startHeldBurst, startLab, stopExtensionWorker, tabIdOf, until,
  type Lab, type Launched,
} from './support';
import type { ExchangeEntry } from '../../src/shared/protocol';

const N = 6;
let lab: Lab;
let browser: Launched;
let extPage: Page;
let page: Page;
let tabId: number;

beforeAll(async () => {
  lab = await startLab();
  browser = await launch();
  extPage = await openExtensionPage(browser.context, browser.extensionId);
  page = await browser.context.newPage();
  await openBurst(page, lab.origins.page, N, 0.5);
  tabId = await tabIdOf(extPage, `${lab.origins.page}/*`);
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

const ofRun = (entries: ExchangeEntry[], run: string) => entries.filter((e) => burstTag(e.exchange.url)?.run === run);

/** Every other request carries a custom header: its preflight must be paired with it. */
const preflightRecorded = (e: ExchangeEntry) =>
  burstTag(e.exchange.url)!.i % 2 === 1 || e.exchange.preflights.some((p) => p.end !== undefined);

async function entriesOf(run: string, settled: boolean): Promise<ExchangeEntry[]> {
  const what = settled ? 'all classified' : 'requests sent and preflights recorded';
  return until(`${N} entries of run ${run}, ${what}`, async () => {
    const mine = ofRun((await getSnapshot(extPage, tabId)).entries, run);
    const done = settled ? mine.every((e) => e.verdict.kind !== 'pending') : mine.every(preflightRecorded);
    return mine.length >= N && done ? mine : null;
  });
}

function expectRun(entries: ExchangeEntry[]): void {
  expect(entries.map((e) => burstTag(e.exchange.url)!.i).sort((a, b) => a - b)).toEqual([...Array(N).keys()]);
  for (const e of entries) {
    const i = burstTag(e.exchange.url)!.i;
    // Every other request carries a custom header: preflighted, with its OPTIONS paired to it.
    const want = i % 2 === 0 ? { kind: 'preflighted', observed: true } : { kind: 'simple', observed: false };
    expect({ i, kind: e.verdict.kind, observed: e.verdict.preflight.observed }).toEqual({ i, ...want });
  }
}

describe('stopping the service worker mid-run', () => {
  it('keeps what was recorded, completes what was in flight, and captures what came after', async () => {
    const before = await burst(page, N, 0.5);
    expect(before.ok).toBe(N);
    const beforeEntries = await entriesOf(before.run, true);

    // A burst in flight across the stop: the lab holds the responses until after the worker stopped.
    const held = await startHeldBurst(page, N, 0.5, 'across-stop');
    await lab.waitForRequests((r) => !r.preflight && r.url.includes('hold=across-stop'), N);
    await entriesOf(held, false);
    try {
      // Returns once the worker's DevTools target is gone: it is stopped, not merely idle.
      await stopExtensionWorker(browser.context, browser.extensionId);
    } finally {
      expect(lab.release('across-stop')).toBe(N);
    }
    await page.waitForFunction((run) => (window as unknown as { labBurstResult?: { run: string } }).labBurstResult?.run === run, held);

    const after = await burst(page, N, 0.5);
    expect(after.ok).toBe(N);

    const snapshot = await until('all three runs classified', async () => {
      const s = await getSnapshot(extPage, tabId);
      const done = [before.run, held, after.run].every((run) => {
        const mine = ofRun(s.entries, run);
        return mine.length >= N && mine.every((e) => e.verdict.kind !== 'pending');
      });
      return done ? s : null;
    });
    const stillThere = ofRun(snapshot.entries, before.run);
    expect(stillThere.map((e) => e.exchange.id).sort()).toEqual(beforeEntries.map((e) => e.exchange.id).sort());
    expectRun(stillThere);
    expectRun(ofRun(snapshot.entries, held));
    expectRun(ofRun(snapshot.entries, after.run));
    expect(snapshot.summary.dropped).toBe(0);
  });
});
