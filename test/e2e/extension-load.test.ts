/**
 * The built extension (dist/) loads in Chromium without errors, its service worker starts, and it
 * answers its own protocol.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launch, openExtensionPage, request, watchWorkerErrors, type Launched, type WorkerConsole } from './support';

let browser: Launched;
let errors: WorkerConsole;

beforeAll(async () => {
  browser = await launch({ developerMode: true });
  errors = await watchWorkerErrors(browser.context, browser.worker!.url());
});

afterAll(async () => {
  await errors?.detach();
  await browser?.close();
});

describe('the built extension in Chromium', () => {
  it('registers the service worker named in dist/manifest.json and activates it', async () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { background: { service_worker: string } };
    expect(browser.worker!.url()).toBe(`chrome-extension://${browser.extensionId}/${manifest.background.service_worker}`);
    // Right after launch the worker may still be installing or activating: wait for its state to settle.
    // The worker's own ServiceWorker object first: its registration's active/waiting/installing attributes
    // reach the worker asynchronously and can all still be null just after launch (seen once in CI).
    const state = await browser.worker!.evaluate(async () => {
      const scope = self as unknown as ServiceWorkerGlobalScope & { serviceWorker?: ServiceWorker };
      const reg = scope.registration;
      const sw = scope.serviceWorker ?? reg.active ?? reg.waiting ?? reg.installing;
      if (!sw) return 'no worker in the registration';
      const settled = () => sw.state === 'activated' || sw.state === 'redundant';
      if (!settled()) await new Promise<void>((resolve) => sw.addEventListener('statechange', () => { if (settled()) resolve(); }));
      return sw.state;
    });
    expect(state).toBe('activated');
  });

  it('is enabled with no manifest errors or install warnings', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://extensions');
    type Info = { id: string; state: string; manifestErrors: unknown[]; installWarnings: unknown[]; runtimeErrors: { message: string }[] };
    const info = await page.evaluate(() =>
      (globalThis as unknown as { chrome: { developerPrivate: { getExtensionsInfo(): Promise<unknown[]> } } }).chrome.developerPrivate.getExtensionsInfo());
    const ours = (info as Info[]).find((e) => e.id === browser.extensionId);
    expect(ours, 'the extension is listed on chrome://extensions').toBeDefined();
    expect({ state: ours!.state, manifestErrors: ours!.manifestErrors, installWarnings: ours!.installWarnings, runtimeErrors: ours!.runtimeErrors.map((e) => e.message) })
      .toEqual({ state: 'ENABLED', manifestErrors: [], installWarnings: [], runtimeErrors: [] });
    await page.close();
  });

  it('answers get-settings from an extension page with the protocol\'s settings shape', async () => {
    const page = await openExtensionPage(browser.context, browser.extensionId);
    const settings = await request(page, 'get-settings', {});
    expect(Object.keys(settings).sort()).toEqual(expect.arrayContaining(['keepLog', 'paused', 'recordSameOrigin']));
    expect(typeof settings.paused).toBe('boolean');
    await page.close();
  });

  it('opens its panel and popup pages without page errors', async () => {
    for (const path of ['src/panel/index.html', 'src/popup/index.html']) {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.waitForLoadState('load');
      await expect.poll(() => page.evaluate(() => document.body.children.length > 0)).toBe(true);
      expect(pageErrors, path).toEqual([]);
      await page.close();
    }
  });

  it('logged no uncaught exception or console error in the service worker', () => {
    expect(errors.errors()).toEqual([]);
  });
});
