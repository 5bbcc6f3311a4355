/**
 * Issue 14, in the real panel page of the built extension (the pop-out form of the DevTools panel, with
 * no tab): Import HAR with header values of 256 KB, 1 MB and 10 MB, open each exchange's details, and
 * check they are shown and usable: bounded text, the whole value on request (show all, copy). The time
 * from the click to the next frame is printed, not asserted (`npm run bench panel` has it as a row).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, ROOT, type Launched } from './support';
import { LONG_SIZES, longValueHar, policyValue } from './long-values';
import { OPEN_DETAILS_SCRIPT } from './open-details';

let browser: Launched;
let page: Page;
const timings: string[] = [];

beforeAll(async () => {
  browser = await launch();
  const origin = `chrome-extension://${browser.extensionId}`;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${origin}/src/panel/index.html?tabId=-1`);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const file = join(ROOT, 'test-results', 'long-values.har');
  writeFileSync(file, longValueHar());
  await page.getByLabel('Import a HAR file').setInputFiles(file);
  const t0 = Date.now();
  await page.getByText(/Imported:/).waitFor();
  timings.push(`import ${Date.now() - t0} ms`);
});

afterAll(async () => {
  if (timings.length) process.stdout.write(`panel-long-values: click -> details shown, next frame: ${timings.join('; ')}\n`);
  await browser?.close();
});

describe('details of an exchange with huge header values (real panel)', () => {
  it('imports the file: one row per exchange', async () => {
    await expect.poll(() => page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(LONG_SIZES.length + 1));
  });

  it.each(LONG_SIZES)('$label: the details open, bounded, and give the whole value on request', async ({ label, chars }) => {
    const ms = await page.evaluate<number>(`${OPEN_DETAILS_SCRIPT}(${JSON.stringify(`/long/${chars}`)})`);
    timings.push(`${label} ${ms.toFixed(0)} ms`);
    const details = page.getByRole('complementary', { name: 'Details of the selected request' });
    expect(await details.getByTestId('headline').textContent()).toMatch(/^Blocked/);
    expect(await details.locator('.evidence').first().getAttribute('data-code')).toBe('AllowOriginMismatch');
    // Nothing laid out whole: every long value is a prefix and a marker with its real length.
    expect(await details.evaluate((el) => el.textContent!.length)).toBeLessThan(60_000);
    const markers = details.locator(`.long-marker[data-length="${chars}"]`);
    expect(await markers.count()).toBeGreaterThanOrEqual(3); // received ACAO, both header table rows
    expect(await details.getByTestId('received').textContent()).toContain(`… ${chars.toLocaleString('en-US')} characters: show all / copy`);

    // Show all: the whole value, in a view that draws only the lines in sight; its end is there too.
    const name = `Content-Security-Policy value (${chars.toLocaleString('en-US')} characters)`;
    await details.getByRole('button', { name: `Show the whole ${name}` }).click();
    const view = details.getByRole('region', { name: 'The whole Content-Security-Policy value' });
    const value = policyValue(chars);
    const cols = Number(await view.getAttribute('data-cols'));
    const lines = Number(await view.getAttribute('data-lines'));
    expect(lines).toBe(Math.ceil(chars / cols));
    expect(await view.locator('.long-line').first().textContent()).toBe(value.slice(0, cols));
    await view.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect.poll(() => view.locator(`.long-line[data-line="${lines - 1}"]`).count()).toBe(1);
    expect(await view.locator(`.long-line[data-line="${lines - 1}"]`).textContent()).toBe(value.slice((lines - 1) * cols));
    expect(await view.locator('.long-line').count()).toBeLessThan(60);

    // Copy: the exact whole value reaches the clipboard.
    await details.getByRole('button', { name: `Copy the whole ${name}` }).click();
    await expect.poll(() => details.getByRole('button', { name: `Copy the whole ${name}` }).textContent()).toBe('copied');
    const copied = await page.evaluate(async () => {
      const text = await navigator.clipboard.readText();
      return { length: text.length, start: text.slice(0, 40), end: text.slice(-40) };
    });
    expect(copied).toEqual({ length: chars, start: value.slice(0, 40), end: value.slice(-40) });

    // Try a fix: the editor holds a marker, not the value, and judges the exchange with the whole value.
    const t0 = Date.now();
    await details.getByText('Try a fix', { exact: true }).click();
    const result = details.getByTestId('try-result');
    await expect.poll(() => result.getAttribute('data-code')).toBe('AllowOriginMismatch');
    timings.push(`${label} try a fix shown ${Date.now() - t0} ms`);
    const response = details.getByRole('textbox', { name: /^Response/ });
    expect((await response.inputValue()).length).toBeLessThan(1000);
    expect(await response.inputValue()).toContain(`… [+${(chars - 80).toLocaleString('en-US')} characters #2]`);
    await details.getByRole('button', { name: 'Start from the generated fix' }).click();
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('simple');
  });

  it('stays readable at 800 px wide', async () => {
    await page.setViewportSize({ width: 800, height: 800 });
    await page.screenshot({ path: join(ROOT, 'test-results', 'panel-long-values-800.png') });
    const overflow = await page.locator('.details').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
