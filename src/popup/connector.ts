/**
 * Everything the popup asks of the outside world, behind one interface: a chrome implementation
 * (chrome-connector.ts) and a fake for tests. The popup reads once (`load`), and acts on demand.
 */
import type { CaptureMode, Settings, TabCapture, TabSnapshot, TabSummary } from '../shared/protocol';

interface PopupEnvironment {
  browser: { name: string; version: string };
  extensionVersion: string;
}

export interface PopupConnector {
  /**
   * The popup's one read: the tab's summary with the capture settings it carries (`get-summary`).
   * `settings` is null only when they could not be read at all.
   */
  load(tabId: number): Promise<{ summary: TabSummary; settings: Settings | null }>;
  /** Every entry of the tab (for the report and the full Markdown summary). */
  snapshot(tabId: number): Promise<TabSnapshot>;
  clear(tabId: number): Promise<void>;
  setPaused(paused: boolean): Promise<Settings>;
  /** Capture every tab, or only the tabs and sites turned on (`set-settings`). */
  setCaptureMode(mode: CaptureMode): Promise<Settings>;
  /** Turns the tab and/or its site on or off (`set-capture`). */
  setCapture(tabId: number, change: { tab?: boolean; site?: boolean }): Promise<TabCapture>;
  /** Opens the CORS panel page as a tab showing `tabId`. */
  openPanel(tabId: number): Promise<void>;
  /** Saves `text` as a file named `fileName`; returns its size in bytes. */
  download(text: string, fileName: string): number;
  copy(text: string): Promise<boolean>;
  now(): number;
  environment: PopupEnvironment;
}
