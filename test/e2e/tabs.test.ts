/**
 * Tabs that close or navigate while requests are in flight leave no records behind: the closed tab's
 * log is empty, and a navigated tab holds only its new page's exchanges (read through the protocol).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  burst, burstTag, getSnapshot, launch, openBurst, openExtensionPage, startHeldBurst, startLab, tabIdOf, until, type Lab, type Launched,
} from './support';

const N = 6;
let lab: Lab;
let browser: Launched;
let extPage: Page;

beforeAll(async () => {
  lab = await startLab();
  browser = await launch();
  extPage = await openExtensionPage(browser.context, browser.extensionId);
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

const pending = async (tabId: number, run: string) => until(`${N} in-flight exchanges of ${run} in the log`, async () => {
  const mine = (await getSnapshot(extPage, tabId)).entries.filter((e) => burstTag(e.exchange.url)?.run === run);
  return mine.length >= N ? mine : null;
});

describe('tabs closing and navigating mid-request', () => {
  it('forgets a tab closed with requests in flight, and keeps the other tabs', async () => {
    const keep = await browser.context.newPage();
    await openBurst(keep, lab.origins.page, N, 0, 'keep');
    const keepId = await tabIdOf(extPage, `${lab.origins.page}/burst?*tab=keep`);
    const kept = await burst(keep, N, 0.5);

    const doomed = await browser.context.newPage();
    await openBurst(doomed, lab.origins.page, N, 0, 'doomed');
    const doomedId = await tabIdOf(extPage, `${lab.origins.page}/burst?*tab=doomed`);
    const run = await startHeldBurst(doomed, N, 0.5, 'closing');
    try {
      await lab.waitForRequests((r) => !r.preflight && r.url.includes('hold=closing'), N);
      await pending(doomedId, run);
      await doomed.close();
    } finally {
      lab.release('closing');
    }
    const gone = await until('the closed tab\'s log to be empty', async () => {
      const s = await getSnapshot(extPage, doomedId);
      return s.entries.length === 0 && s.summary.total === 0 ? s : null;
    });
    expect(gone.summary.counts.pending).toBe(0);

    const other = await getSnapshot(extPage, keepId);
    expect(other.entries.filter((e) => burstTag(e.exchange.url)?.run === kept.run)).toHaveLength(N);
    await keep.close();
  });

  it('keeps only the new page\'s exchanges after navigating away from requests in flight', async () => {
    const page = await browser.context.newPage();
    await openBurst(page, lab.origins.page, N, 0, 'nav');
    const tabId = await tabIdOf(extPage, `${lab.origins.page}/burst?*tab=nav`);
    const old = await startHeldBurst(page, N, 0.5, 'navigating');
    try {
      await lab.waitForRequests((r) => !r.preflight && r.url.includes('hold=navigating'), N);
      await pending(tabId, old);
      await openBurst(page, lab.origins.page, N, 0, 'nav');
    } finally {
      lab.release('navigating');
    }
    const fresh = await burst(page, 4, 0.5);
    const snapshot = await until('the new page\'s exchanges only, all classified', async () => {
      const s = await getSnapshot(extPage, tabId);
      const mine = s.entries.filter((e) => burstTag(e.exchange.url)?.run === fresh.run);
      return mine.length === 4 && mine.every((e) => e.verdict.kind !== 'pending') ? s : null;
    });
    expect(snapshot.entries.filter((e) => burstTag(e.exchange.url)?.run === old)).toEqual([]);
    expect(snapshot.entries.filter((e) => e.verdict.kind === 'pending')).toEqual([]);
    expect(snapshot.summary.total).toBe(snapshot.entries.length);
    const pageId = snapshot.summary.page?.pageId;
    expect(snapshot.entries.every((e) => e.pageId === pageId)).toBe(true);
    await page.close();
  });
});
