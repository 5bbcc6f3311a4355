/**
 * Capture scope in real Chromium: in mode `chosen` only the tabs turned on are captured. With nothing on no
 * webRequest listener is registered (a stopped worker is not woken by traffic); the popup turns its tab on,
 * another tab stays off, opening the CORS panel turns its tab on, and a chosen tab is still captured after
 * the browser stopped the worker: its per-tab listeners, added after the worker's first turn, wake it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  burst, burstTag, extensionWorker, getSnapshot, getSummary, launch, openBurst, openExtensionPage, request, startLab, tabIdOf, until, type Lab, type Launched,
} from './support';

const EVENTS = [
  'onBeforeRequest', 'onSendHeaders', 'onHeadersReceived', 'onBeforeRedirect', 'onResponseStarted', 'onCompleted', 'onErrorOccurred',
] as const;

let lab: Lab;
let browser: Launched;
let extPage: Page;
let pageA: Page;
let pageB: Page;
let tabA: number;
let tabB: number;

beforeAll(async () => {
  lab = await startLab();
  browser = await launch();
  extPage = await openExtensionPage(browser.context, browser.extensionId);
  await request(extPage, 'set-settings', { capture: 'chosen', paused: false });
  pageA = await browser.context.newPage();
  await openBurst(pageA, lab.origins.page, 4, 0, 'a');
  pageB = await browser.context.newPage();
  await openBurst(pageB, lab.origins.page, 4, 0, 'b');
  tabA = await tabIdOf(extPage, `${lab.origins.page}/burst?*tab=a*`);
  tabB = await tabIdOf(extPage, `${lab.origins.page}/burst?*tab=b*`);
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

/** The burst runs a tab's log holds, with how many of each run's fetches it recorded. */
async function runsOf(tabId: number): Promise<Map<string, number>> {
  const runs = new Map<string, number>();
  for (const e of (await getSnapshot(extPage, tabId)).entries) {
    const tag = burstTag(e.exchange.url);
    if (tag) runs.set(tag.run, (runs.get(tag.run) ?? 0) + 1);
  }
  return runs;
}

async function fired(page: Page): Promise<string> {
  const r = await burst(page, 4, 0);
  expect(r.ok).toBe(4);
  return r.run;
}

/** Fires 4 cross-origin fetches in the page and waits until the tab's log holds all of them. */
async function recorded(page: Page, tabId: number): Promise<string> {
  const run = await fired(page);
  await until(`run ${run} recorded in tab ${tabId}`, async () => (await runsOf(tabId)).get(run) === 4);
  return run;
}

/**
 * Stops the extension's worker through the DevTools session of a page already open (the harness's
 * stopExtensionWorker opens and closes a tab, and tabs.onRemoved would wake the worker at once), and answers
 * whether the worker is running, through the same session, so that nothing but the page's traffic can wake it.
 */
async function quietStop(page: Page): Promise<{ running: () => Promise<boolean>; detach: () => Promise<void> }> {
  const session = await browser.context.newCDPSession(page);
  const prefix = `chrome-extension://${browser.extensionId}/`;
  const running = async () => (await session.send('Target.getTargets')).targetInfos
    .some((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
  let stopped = false;
  session.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    if (e.versions.some((v) => v.scriptURL.startsWith(prefix) && v.runningStatus === 'stopped')) stopped = true;
  });
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await until('the extension\'s service worker to stop', async () => stopped || !(await running()));
  return { running, detach: () => session.detach() };
}

async function listening(): Promise<boolean> {
  const worker = await extensionWorker(browser.context);
  return worker.evaluate((names) => names.some((n) => chrome.webRequest[n].hasListeners()), [...EVENTS]);
}

describe('capture scope, mode chosen', () => {
  const off: string[] = [];

  it('with nothing on: no listener, and traffic does not wake a stopped worker', async () => {
    expect(await listening()).toBe(false);
    off.push(await fired(pageA));
    await extPage.close(); // no page of ours may wake the worker
    const worker = await quietStop(pageA);
    expect(await worker.running()).toBe(false);
    off.push(await fired(pageA));
    expect(await worker.running()).toBe(false);
    await worker.detach();
    extPage = await openExtensionPage(browser.context, browser.extensionId);
  });

  it('the popup says the tab is off and turns it on; then it is recorded, and what came before is not', async () => {
    const popup = await openExtensionPage(browser.context, browser.extensionId, `src/popup/index.html?tabId=${tabA}`);
    await popup.getByText('This tab is not captured: CORS Lens records nothing here.').waitFor();
    await popup.getByRole('button', { name: 'Capture this tab' }).click();
    await popup.getByText('This tab is captured: you turned it on.').waitFor();
    await popup.close();
    expect(await listening()).toBe(true);
    await recorded(pageA, tabA);
    const runs = await runsOf(tabA);
    expect(off.filter((run) => runs.has(run))).toEqual([]);
  });

  it('another tab stays off', async () => {
    const b = await fired(pageB);
    await recorded(pageA, tabA); // delivered after B's run: had B's been recorded, it would be there by now
    expect((await runsOf(tabB)).has(b)).toBe(false);
    expect((await getSummary(extPage, tabB)).capture).toMatchObject({ why: 'off', tab: false });
  });

  it('opening the CORS panel turns its tab on', async () => {
    const panel = await openExtensionPage(browser.context, browser.extensionId, `src/panel/index.html?tabId=${tabB}`);
    await until('tab B turned on by its panel', async () => (await getSummary(extPage, tabB)).capture?.why === 'tab');
    await recorded(pageB, tabB);
    await panel.close();
  });

  it('a chosen tab is still captured after the browser stopped the worker: its own traffic wakes it', async () => {
    await extPage.close(); // no page of ours may wake the worker
    const worker = await quietStop(pageA);
    expect(await worker.running()).toBe(false);
    const run = await fired(pageA);
    await until('the worker woken by the tab\'s requests', () => worker.running(), 10_000);
    await worker.detach();
    extPage = await openExtensionPage(browser.context, browser.extensionId);
    await until(`run ${run} recorded after the stop`, async () => (await runsOf(tabA)).get(run) === 4);
  });
});
