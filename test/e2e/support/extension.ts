/**
 * Talking to the loaded extension the way its own pages do: an extension page calls
 * `chrome.runtime.sendMessage` with the typed protocol (src/shared/protocol.ts).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { PROTOCOL_VERSION, type RequestName, type Requests, type Response, type TabSnapshot, type TabSummary } from '../../../src/shared/protocol';

/** Opens an extension page (the panel by default: any page of the extension can send requests). */
export async function openExtensionPage(context: BrowserContext, extensionId: string, path = 'src/panel/index.html'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

/** Sends one protocol request from an extension page; throws with the background's error message on failure. */
export async function request<K extends RequestName>(extPage: Page, name: K, payload: Requests[K]['payload']): Promise<Requests[K]['result']> {
  const message = { v: PROTOCOL_VERSION, name, payload };
  const response = (await extPage.evaluate((m) => chrome.runtime.sendMessage(m), message)) as Response<K> | undefined;
  if (!response || typeof response !== 'object') throw new Error(`extension gave no answer to ${name}`);
  if (!response.ok) throw new Error(`extension answered ${name} with an error: ${response.error}`);
  return response.result;
}

export const getSnapshot = (extPage: Page, tabId: number): Promise<TabSnapshot> => request(extPage, 'get-snapshot', { tabId });
export const getSummary = (extPage: Page, tabId: number): Promise<TabSummary> => request(extPage, 'get-summary', { tabId });

/** The tab id of the (single) tab whose URL matches `urlPattern` (a match pattern, e.g. `http://127.0.0.1:1234/*`). */
export async function tabIdOf(extPage: Page, urlPattern: string): Promise<number> {
  const ids = await extPage.evaluate(async (pattern) => (await chrome.tabs.query({ url: pattern })).map((t) => t.id ?? -1), urlPattern);
  if (ids.length !== 1 || ids[0] === undefined || ids[0] < 0) throw new Error(`expected one tab matching ${urlPattern}, found ${ids.length}`);
  return ids[0];
}

/**
 * Waits for a condition: re-checks `fn` every `intervalMs` until it returns a truthy value (or throws
 * with the last error after `timeoutMs`). A condition wait, like Playwright's waitForFunction.
 */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await delay(intervalMs);
  }
}
