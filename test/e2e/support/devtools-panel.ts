/**
 * Showing the CORS panel in a real DevTools window. Run inside DevTools' own page as strings, not functions:
 * the test files are transformed by Vite, which would rewrite a dynamic import() in a function's source.
 * DevTools' InspectorView lists the panels; an extension panel's id is "<extension origin><title>".
 * Needs `process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1'` before Playwright starts, so DevTools windows are pages.
 */
import type { Frame, Page } from 'playwright-core';
import type { Lab } from '../../../lab/server';
import type { Launched } from './browser';
import { openExtensionPage, tabIdOf, until } from './extension';
import { openGallery, runCases } from './gallery';

const PANEL_ID_SCRIPT = `(async () => {
  try {
    const UI = await import('./ui/legacy/legacy.js');
    const ids = UI.InspectorView.InspectorView.instance().tabbedPane.tabIds();
    return ids.find((x) => x.startsWith('chrome-extension://') && x.endsWith('CORS')) ?? null;
  } catch {
    return null;
  }
})()`;
const UNDOCK_SCRIPT = `(async () => {
  const UI = await import('./ui/legacy/legacy.js');
  UI.DockController.DockController.instance().setDockSide('undocked');
})()`;

/** The lab cases the panel shows: docs/panel.png and its French twin docs/panel-fr.png are made from them. */
const PANEL_CASES = [
  'simple-get', 'preflight-put', 'preflight-json', 'acao-trailing-slash', 'missing-acao', 'preflight-header-missing',
  'wildcard-credentials', 'img-crossorigin', 'font-blocked', 'redirect-tainted-page',
];

/** Shows the extension's "CORS" panel in the DevTools page `dt` and returns the panel's frame. */
export async function showCorsPanel(dt: Page): Promise<Frame> {
  const id = await until('the CORS panel to be registered in DevTools', () => dt.evaluate<string | null>(PANEL_ID_SCRIPT));
  await dt.evaluate((panelId) => (globalThis as unknown as { InspectorFrontendAPI: { showPanel(id: string): void } }).InspectorFrontendAPI.showPanel(panelId), id);
  return until('the panel frame', async () => dt.frames().find((f) => f.url().includes('/src/panel/index.html')) ?? null);
}

/** Undocks DevTools into a window of its own, so its viewport (and so the panel's width) can be set. */
export async function undockDevtools(dt: Page): Promise<void> {
  await dt.evaluate(UNDOCK_SCRIPT);
}

export interface LabPanel {
  /** The inspected page (the lab's gallery). */
  page: Page;
  devtools: Page;
  panel: Frame;
  tabId: number;
}

/**
 * In a browser launched with `--auto-open-devtools-for-tabs`: opens the lab's gallery, shows the CORS panel of
 * its DevTools window, runs PANEL_CASES there and returns the pieces with the gallery's tab id.
 */
export async function labInPanel(browser: Launched, lab: Lab, nonce: string): Promise<LabPanel> {
  const page = browser.context.pages().find((p) => !p.url().startsWith('devtools://')) ?? (await browser.context.newPage());
  await openGallery(page, lab.galleryUrl);
  const devtools = await until('the DevTools window', async () => browser.context.pages().find((p) => p.url().startsWith('devtools://')) ?? null);
  const panel = await showCorsPanel(devtools);
  await runCases(page, PANEL_CASES, nonce);
  const ext = await openExtensionPage(browser.context, browser.extensionId, 'src/panel/index.html?tabId=-1');
  const tabId = await tabIdOf(ext, `${lab.origins.page}/*`);
  await ext.close();
  return { page, devtools, panel, tabId };
}
