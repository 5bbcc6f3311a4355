/**
 * 2,000 cross-origin fetches fired in a burst (half preflighted): all recorded and classified, none twice,
 * and all written through to the log in IndexedDB.
 * The page keeps at most 1,000 in flight: beyond about 1,400 Chromium itself refuses a page's fetches
 * (net::ERR_INSUFFICIENT_RESOURCES, with or without any extension), and those never reach the network.
 */
import { EN } from '../../src/core/i18n/catalogues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  burst, burstExpectation, burstTag, getSnapshot, launch, openBurst, openExtensionPage, startLab, stopExtensionWorker, tabIdOf, until,
  type Lab, type Launched,
} from './support';
import type { TabSnapshot } from '../../src/shared/protocol';

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
    expect(wrong.map((e) => `${burstTag(e.exchange.url)!.i}: ${EN.t(e.verdict.headline)}`)).toEqual([]);
    expect(snapshot.summary.dropped).toBe(0);
    // Every OPTIONS the server saw is paired with its request, not listed on its own.
    expect(lab.log().filter((l) => l.preflight && l.url.includes(`r=${result.run}`))).toHaveLength(N / 2);
    expect(mine.filter((e) => e.verdict.preflight.observed)).toHaveLength(N / 2);

    // Written through: every entry of the tab is in the log's database (IndexedDB, shared by the worker and its pages).
    const stored = await until('every entry written to IndexedDB', async () => {
      const n = await extPage.evaluate((tab) => new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('cors-lens-log');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const count = db.transaction('entries').objectStore('entries').count(IDBKeyRange.bound([tab], [tab, []]));
          count.onsuccess = () => { db.close(); resolve(count.result); };
          count.onerror = () => { db.close(); reject(count.error); };
        };
      }), tabId);
      return n >= snapshot.summary.total ? n : null;
    }, 30_000, 250);
    expect(stored).toBe(snapshot.summary.total);
  }, 300_000);
});

/**
 * Issue 14: the worker stopped twice during a 2,000-request burst (a seventh of them refused by the
 * lab), compared with what the lab server saw. Nothing lost (every fetch recorded once), nothing left
 * pending, nothing counted as dropped, every OPTIONS paired, and every verdict right, blocked ones
 * blocked with their code. Chromium drops the webRequest events it fires while it stops the worker
 * (a window of seconds on a loaded machine) until it runs it again: an exchange whose deciding events
 * fell in that window cannot be judged, and must say so (inconclusive, "Interrupted" or "cause not
 * visible"), and a preflight whose events all fell there is not seen; only a fetch in flight during
 * a stop (the page says when each one was made and settled) may. How many, is printed and bounded.
 */
describe('the worker stopped twice during a 2,000-request burst', () => {
  const BLOCK_EVERY = 7;
  /** A request reaching the lab this close to a stop had its events fired while the worker was stopping. */
  const MARGIN_MS = 1_000;

  it('loses nothing and strands nothing', async () => {
    const extPage = await openExtensionPage(browser.context, browser.extensionId);
    const page = await browser.context.newPage();
    await openBurst(page, lab.origins.page, N, 0.5, 'stops');
    const tabId = await tabIdOf(extPage, `${lab.origins.page}/burst*tab=stops*`);
    const running = burst(page, N, 0.5, 1000, BLOCK_EVERY);
    const run = await page.evaluate(() => (window as unknown as { labBurstRun: string }).labBurstRun);
    const ofRun = (r: { url: string }) => burstTag(r.url)?.run === run;
    const stops: [number, number][] = [];
    for (const part of [1, 2]) {
      await lab.waitForRequests(ofRun, (part * N) / 3, 120_000);
      const from = Date.now();
      // Until the burst's traffic has woken it again: events fired in between may be dropped.
      await stopExtensionWorker(browser.context, browser.extensionId, true);
      stops.push([from - MARGIN_MS, Date.now() + MARGIN_MS]);
    }
    const result = await running;
    const expected = [...Array(N).keys()].map((i) => burstExpectation(i, BLOCK_EVERY));
    const refused = expected.filter((e) => e.kind === 'blocked').length;
    expect(result).toMatchObject({ n: N, ok: N - refused, failed: refused });

    let last: TabSnapshot | null = null;
    await until('every fetch of the burst classified', async () => {
      last = await getSnapshot(extPage, tabId);
      const mine = last.entries.filter((e) => burstTag(e.exchange.url)?.run === run && e.exchange.method !== 'OPTIONS');
      return mine.length >= N && mine.every((e) => e.verdict.kind !== 'pending');
    }, 120_000, 250).catch(() => undefined);
    const snapshot = last as TabSnapshot | null;
    expect(snapshot).not.toBeNull();
    const log = lab.log().filter(ofRun);
    const duringStop = (i: number) => {
      const [made, settled] = result.times![i]!;
      return stops.some(([a, b]) => made <= b && settled >= a);
    };
    const alone = snapshot!.entries.filter((e) => e.exchange.method === 'OPTIONS');
    const mine = snapshot!.entries.filter((e) => burstTag(e.exchange.url)?.run === run && e.exchange.method !== 'OPTIONS');
    const seen = new Set(mine.map((e) => burstTag(e.exchange.url)!.i));
    expect([...Array(N).keys()].filter((i) => !seen.has(i)), 'fetches CORS Lens lost').toEqual([]);
    expect(mine).toHaveLength(N);
    expect(mine.filter((e) => e.verdict.kind === 'pending').map((e) => burstTag(e.exchange.url)!.i), 'left pending').toEqual([]);
    expect(snapshot!.summary.dropped, 'counted as dropped').toBe(0);

    const unjudged = (e: (typeof mine)[number]) => e.verdict.kind === 'inconclusive' && /^(Interrupted|Failed, cause not visible)/.test(EN.t(e.verdict.headline));
    const wrong = mine.filter((e) => {
      const i = burstTag(e.exchange.url)!.i;
      const want = expected[i]!;
      if (unjudged(e) && duringStop(i)) return false;
      return e.verdict.kind !== want.kind || (e.verdict.reasons[0]?.code ?? null) !== want.code;
    });
    const t0 = stops[0]![0];
    const at = (i: number) => `made ${result.times![i]![0] - t0}, settled ${result.times![i]![1] - t0}; lab: `
      + log.filter((l) => burstTag(l.url)!.i === i).map((l) => `${l.method} at ${l.time - t0}`).join(', ');
    expect(wrong.map((e) => `${burstTag(e.exchange.url)!.i}: ${e.verdict.kind} ${EN.t(e.verdict.headline)} (${at(burstTag(e.exchange.url)!.i)}; `
      + `stops at ${stops.map(([a, b]) => `${a - t0}–${b - t0}`).join(', ')} ms)`)).toEqual([]);
    // Every OPTIONS the lab answered is paired with its request, unless its events were dropped during a stop;
    // none is shown on its own outside a stop, and no request claims a preflight the lab never saw.
    const preflightedAtLab = new Set(log.filter((l) => l.preflight).map((l) => burstTag(l.url)!.i));
    const observed = new Set(mine.filter((e) => e.verdict.preflight.observed).map((e) => burstTag(e.exchange.url)!.i));
    expect([...preflightedAtLab].filter((i) => !observed.has(i) && !duringStop(i)), 'preflights not paired').toEqual([]);
    expect(preflightedAtLab.size - observed.size).toBeLessThan(N / 20);
    expect([...observed].filter((i) => !preflightedAtLab.has(i)), 'preflights the lab never saw').toEqual([]);
    expect(alone.filter((e) => !duringStop(burstTag(e.exchange.url)!.i)).map((e) => e.exchange.url)).toEqual([]);
    const judged = mine.filter((e) => !unjudged(e)).length;
    // How much a stop costs, for the report (printed, and bounded: a stop is seconds, the burst much longer).
    console.info(`burst with two worker stops: ${judged}/${N} judged, ${N - judged} unjudged (events dropped during a stop), `
      + `${preflightedAtLab.size - observed.size} preflights unseen, ${alone.length} shown alone`);
    expect(N - judged).toBeLessThan(N / 10);
  }, 400_000);
});
