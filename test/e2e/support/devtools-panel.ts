/**
 * Showing the CORS panel in a real DevTools window. Run inside DevTools' own page as strings, not functions:
 * the test files are transformed by Vite, which would rewrite a dynamic import() in a function's source.
 * DevTools' InspectorView lists the panels; an extension panel's id is "<extension origin><title>".
 * Needs `process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1'` before Playwright starts, so DevTools windows are pages.
 */
import type { Frame, Page } from 'playwright-core';
import { until } from './extension';

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
