/**
 * 2,000 cross-origin fetches fired in a burst (half preflighted): all recorded and classified, none twice,
 * and all written through to storage.session within its quota (Chromium charges the memory a value
 * takes, not its JSON: the stored form must be compact for 2,000 to fit, let alone 5,000).
 * The page keeps at most 1,000 in flight: beyond about 1,400 Chromium itself refuses a page's fetches
 * (net::ERR_INSUFFICIENT_RESOURCES, with or without any extension), and those never reach the network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burst, burstTag, getSnapshot, launch, openBurst, openExtensionPage, startLab, tabIdOf, until, type Lab, type Launched } from './support';

const N = 2000;
let lab: Lab;
let browser: Launched;

beforeAll(async () => {
  lab = await startLab();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

describe('a burst of 2,000 cross-origin fetches', () => {
  it('records and classifies every one exactly once', async () => {
    const extPage = await openExtensionPage(browser.context, browser.extensionId);
    const page = await browser.context.newPage();
    await openBurst(page, lab.origins.page, N, 0.5);
    const tabId = await tabIdOf(extPage, `${lab.origins.page}/*`);
    const result = await burst(page, N, 0.5, 1000);
    expect(result).toMatchObject({ n: N, ok: N, failed: 0 });

    const snapshot = await until('every fetch of the burst to be classified', async () => {
      const s = await getSnapshot(extPage, tabId);
      const mine = s.entries.filter((e) => burstTag(e.exchange.url)?.run === result.run);
      // Entries the store dropped never come back: stop waiting and let the assertions below say so.
      return (mine.length >= N && mine.every((e) => e.verdict.kind !== 'pending')) || s.summary.dropped > 0 ? s : null;
    }, 180_000, 250);
    expect(snapshot.summary.dropped, 'exchanges dropped by the store').toBe(0);
    const mine = snapshot.entries.filter((e) => burstTag(e.exchange.url)?.run === result.run);
    const indices = mine.map((e) => burstTag(e.exchange.url)!.i);
    expect(mine).toHaveLength(N);
    expect(new Set(indices).size).toBe(N);
    expect(new Set(mine.map((e) => e.exchange.id)).size).toBe(N);
    const wrong = mine.filter((e) => e.verdict.kind !== (burstTag(e.exchange.url)!.i % 2 === 0 ? 'preflighted' : 'simple'));
    expect(wrong.map((e) => `${burstTag(e.exchange.url)!.i}: ${e.verdict.headline}`)).toEqual([]);
    expect(snapshot.summary.dropped).toBe(0);
    // Every OPTIONS the server saw is paired with its request, not listed on its own.
    expect(lab.log().filter((l) => l.preflight && l.url.includes(`r=${result.run}`))).toHaveLength(N / 2);
    expect(mine.filter((e) => e.verdict.preflight.observed)).toHaveLength(N / 2);

    // Written through: every entry of the tab is in storage.session, well within the quota.
    const stored = await until('every entry written to storage.session', async () => {
      const s = await extPage.evaluate(async (tab) => {
        const all = await chrome.storage.session.get(null);
        const entries = Object.keys(all).filter((k) => k.startsWith(`cl:e:${tab}:`)).length;
        return { entries, bytes: await chrome.storage.session.getBytesInUse(null), quota: chrome.storage.session.QUOTA_BYTES };
      }, tabId);
      return s.entries >= snapshot.summary.total ? s : null;
    }, 30_000, 250);
    expect(stored.entries).toBe(snapshot.summary.total);
    expect(stored.bytes).toBeLessThan(stored.quota / 2);
  }, 300_000);
});
