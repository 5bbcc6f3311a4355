/**
 * The real DevTools panel in real Chromium: the built extension is loaded, DevTools opens for the lab
 * tab, the "CORS" panel is shown through DevTools' own front-end API, and it must explain a blocked
 * request and its fix the way Chromium decided it. Also checks the pop-out tab (`?tabId=N`) and
 * takes the README screenshot from the real panel (`UPDATE_SCREENSHOTS=1` rewrites docs/panel.png).
 */
// Lets Playwright see DevTools windows (and so the panel's frame) as pages of the context.
process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';

import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCases, launch, openGallery, ROOT, runCases, startLab, until, type Lab, type Launched,
} from './support';
import { labInPanel, undockDevtools } from './support/devtools-panel';

let lab: Lab;
let browser: Launched;
let page: Page;
let devtools: Page;
let panel: Frame;
let tabId: number;

const row = (f: Frame, text: string) => f.locator('[role=row]', { hasText: text }).first();

beforeAll(async () => {
  lab = await startLab();
  browser = await launch({ args: ['--auto-open-devtools-for-tabs'] });
  ({ page, devtools, panel, tabId } = await labInPanel(browser, lab, 'panel'));
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

describe('the CORS panel in DevTools', () => {
  it('is told the inspected tab', () => {
    expect(new URL(panel.url()).searchParams.get('tabId')).toBe(String(tabId));
  });

  it('lists the lab requests live and explains the blocked one with its fix', async () => {
    const expected = buildCases(lab.origins).find((c) => c.id === 'acao-trailing-slash')!;
    expect(expected.expect).toMatchObject({ kind: 'blocked', code: 'AllowOriginMismatch' });
    await row(panel, 'cid=acao-trailing-slash').waitFor();
    await expect.poll(() => row(panel, 'cid=acao-trailing-slash').textContent()).toContain('Blocked');
    await row(panel, 'cid=acao-trailing-slash').click();

    const details = panel.getByRole('complementary', { name: 'Details of the selected request' });
    await details.getByTestId('headline').waitFor();
    expect(await details.getByTestId('headline').textContent()).toMatch(/^Blocked/);
    expect(await details.locator('.evidence').first().getAttribute('data-code')).toBe('AllowOriginMismatch');
    // Received vs needed: only the trailing slash is marked.
    expect(await details.getByTestId('received').locator('mark').allTextContents()).toEqual(['/']);
    expect(await details.getByTestId('needed').textContent()).toContain(lab.origins.page);
    expect(await details.getByTestId('chrome-message').textContent())
      .toContain(`from origin '${lab.origins.page}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value '${lab.origins.page}/'`);
    expect(await details.getByTestId('firefox-message').textContent()).toMatch(/^Cross-Origin Request Blocked/);
    // The fix: generated from this exchange, with the exact origin, for the stack picked.
    const code = details.getByTestId('fix-code');
    expect(await code.textContent()).toContain(lab.origins.page);
    await details.getByRole('combobox', { name: 'Server stack' }).selectOption('nginx');
    await expect.poll(() => code.getAttribute('data-stack')).toBe('nginx');
    expect(await code.textContent()).toMatch(/add_header\s+['"]?Access-Control-Allow-Origin/);
    await details.getByRole('button', { name: 'Copy the request as a curl command' }).waitFor();

    // The screenshot for the README: the real panel explaining this blocked request.
    await undockDevtools(devtools);
    await devtools.setViewportSize({ width: 1280, height: 800 });
    await details.getByTestId('fix-code').waitFor();
    // Every run leaves test-results/panel.png; docs/panel.png (committed, shown in the README) is
    // rewritten only on request, so running the tests does not dirty the tree.
    const shot = await devtools.screenshot({ path: join(ROOT, 'test-results/panel.png') });
    if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(join(ROOT, 'docs/panel.png'))) {
      writeFileSync(join(ROOT, 'docs/panel.png'), shot);
    }
  });

  it('tries a fix before deploying it: from the generated fix it passes, without Access-Control-Allow-Origin it fails', async () => {
    await row(panel, 'cid=acao-trailing-slash').click();
    const details = panel.getByRole('complementary', { name: 'Details of the selected request' });
    await details.getByText('Try a fix', { exact: true }).click();
    const result = details.getByTestId('try-result');
    // Unchanged, it is judged as the browser judged it.
    await expect.poll(() => result.getAttribute('data-code')).toBe('AllowOriginMismatch');
    await details.getByRole('button', { name: 'Start from the generated fix' }).click();
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('simple');
    expect(await result.getByRole('status').textContent()).toMatch(/Passes/);
    const response = details.getByRole('textbox', { name: /^Response/ });
    const fixed = await response.inputValue();
    expect(fixed).toMatch(new RegExp(`^Access-Control-Allow-Origin: ${lab.origins.page.replace(/[.]/g, '\\.')}$`, 'm'));
    await response.fill(fixed.split('\n').filter((l) => !/^access-control-allow-origin:/i.test(l)).join('\n'));
    await expect.poll(() => result.getAttribute('data-code')).toBe('MissingAllowOriginHeader');
    expect(await result.getAttribute('data-verdict')).toBe('blocked');
    expect(await result.textContent()).toContain('Would fail next:');
    // Readable at 800 px wide (test-results/panel-try-fix-800.png is there to look at).
    await devtools.setViewportSize({ width: 800, height: 800 });
    await details.getByTestId('try-result').scrollIntoViewIfNeeded();
    await devtools.screenshot({ path: join(ROOT, 'test-results/panel-try-fix-800.png') });
    expect(await panel.locator('.details').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await devtools.setViewportSize({ width: 1280, height: 800 });
  });

  it('links a preflighted request to its preflight and back', async () => {
    const put = row(panel, 'cid=preflight-put');
    await put.getByRole('button', { name: 'Go to the preflight of this request' }).click();
    const selected = panel.locator('[role=row][aria-selected=true]');
    await expect.poll(() => selected.textContent()).toContain('OPTIONS');
    await selected.getByRole('button', { name: /Go to the PUT request/ }).click();
    await expect.poll(() => selected.textContent()).toContain('PUT');
    expect(await panel.getByRole('complementary').textContent()).toContain('Preflight OPTIONS');
  });

  it('filters with the keyboard: / focuses the filter, Escape clears it', async () => {
    await panel.locator('.vt').focus();
    await devtools.keyboard.press('/');
    const filter = panel.getByRole('searchbox', { name: /Filter by URL/ });
    await expect.poll(() => filter.evaluate((el) => el === document.activeElement)).toBe(true);
    await devtools.keyboard.type('font-blocked');
    await expect.poll(() => panel.locator('[role=row][aria-rowindex]').count()).toBe(2); // header + one row
    await devtools.keyboard.press('Escape');
    await expect.poll(() => panel.locator('[role=row][aria-rowindex]').count()).toBeGreaterThan(5);
    // Arrows move through the table, Enter opens the details of the active row.
    await panel.locator('[role=row][aria-rowindex="2"]').click();
    await panel.locator('.vt').focus();
    await devtools.keyboard.press('Home');
    await devtools.keyboard.press('ArrowDown');
    const active = panel.locator('[role=row].active');
    await expect.poll(() => active.getAttribute('aria-rowindex')).toBe('3');
    await devtools.keyboard.press('Enter');
    await expect.poll(() => panel.locator('[role=row][aria-selected=true]').getAttribute('aria-rowindex')).toBe('3');
  });

  it('shows new requests as they happen', async () => {
    await runCases(page, ['acao-uppercase'], 'panel-live');
    await row(panel, 'cid=acao-uppercase').waitFor();
    await expect.poll(() => row(panel, 'cid=acao-uppercase').textContent()).toContain('Blocked');
  });

  it('reconnects by itself when the service worker is stopped, without duplicating rows', async () => {
    const grid = panel.getByRole('grid', { name: 'Cross-origin requests' });
    const before = await grid.getAttribute('aria-rowcount');
    await panel.evaluate(() => {
      const w = window as unknown as { __states: string[] };
      w.__states = [];
      const conn = () => document.querySelector('.conn')?.textContent ?? '';
      new MutationObserver(() => w.__states.push(conn())).observe(document.querySelector('.counts')!, { subtree: true, childList: true, characterData: true });
    });
    // Stop the worker the way Chrome does when it is idle: through the DevTools protocol.
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const cdp = await browser.context.newCDPSession(ext);
    const versions: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...e.versions));
    await cdp.send('ServiceWorker.enable');
    const running = await until('the extension worker version', async () =>
      versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`) && v.runningStatus === 'running'));
    await cdp.send('ServiceWorker.stopWorker', { versionId: running.versionId });
    await ext.close();

    const states = () => panel.evaluate(() => (window as unknown as { __states: string[] }).__states);
    await expect.poll(states).toContain('Reconnecting (attempt 1)…');
    // The new worker reads the log back from IndexedDB before it answers (0.8 s measured on a loaded machine):
    // wait for that, longer than expect.poll's one second.
    await expect.poll(async () => (await states()).at(-1), { timeout: 10_000 }).toBe('Live');
    expect(await grid.getAttribute('aria-rowcount')).toBe(before);
    expect(await panel.locator('[role=row]', { hasText: 'cid=acao-trailing-slash' }).count()).toBe(1);
    // And it is live again.
    await runCases(page, ['acao-null'], 'after-restart');
    await row(panel, 'cid=acao-null').waitFor();
  });

  it('pops out into a tab showing the same tab, which works the same way', async () => {
    const isPopOut = (p: Page) => p.url().includes('/src/panel/index.html?tabId=');
    expect(browser.context.pages().filter(isPopOut)).toHaveLength(0);
    await panel.getByRole('button', { name: 'Open this panel in a tab' }).click();
    // The new tab gets its own DevTools window too (--auto-open-devtools-for-tabs), and either may be
    // reported first, possibly before it has navigated: wait for the tab with the panel's address.
    const popped = await until('the pop-out tab', async () => browser.context.pages().find(isPopOut));
    await popped.waitForLoadState();
    expect(new URL(popped.url()).searchParams.get('tabId')).toBe(String(tabId));
    await row(popped as unknown as Frame, 'cid=missing-acao').waitFor();
    await row(popped as unknown as Frame, 'cid=missing-acao').click();
    const details = popped.getByRole('complementary', { name: 'Details of the selected request' });
    expect(await details.locator('.evidence').first().getAttribute('data-code')).toBe('MissingAllowOriginHeader');
    expect(await details.getByTestId('received').textContent()).toBe('not sent');

    // Export the log, then import the file: the same requests, judged again by the same classifier.
    const [download] = await Promise.all([
      popped.waitForEvent('download'),
      popped.getByRole('button', { name: 'Export a HAR report of this log' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^cors-report-127\.0\.0\.1_\d+-\d{8}-\d{6}\.har$/);
    const saved = join(ROOT, 'test-results', `panel-export-${Date.now()}.har`);
    await download.saveAs(saved);
    const liveRows = await popped.getByRole('grid').getAttribute('aria-rowcount');
    await popped.getByLabel('Import a HAR file').setInputFiles(saved);
    await popped.getByText(/Imported:/).waitFor();
    await expect.poll(() => popped.getByRole('grid').getAttribute('aria-rowcount')).toBe(liveRows);
    await row(popped as unknown as Frame, 'cid=acao-trailing-slash').click();
    expect(await details.locator('.evidence').first().getAttribute('data-code')).toBe('AllowOriginMismatch');
    await popped.getByLabel('Import a HAR file').setInputFiles({ name: 'broken.har', mimeType: 'application/json', buffer: Buffer.from('{"log": [') });
    expect(await popped.getByRole('alert').textContent()).toMatch(/Import failed\. .*not valid JSON/);
    rmSync(saved, { force: true });
    await popped.close();
  });

  it('marks a lab findings case and explains it in a Security section; its clean twin has no marker', async () => {
    const cases = buildCases(lab.origins);
    const risky = cases.find((c) => c.id === 'finding-null-origin-credentials')!;
    const twin = cases.find((c) => c.id === 'finding-null-origin-clean')!;
    expect(risky.findings).toEqual(['null-origin-allowed']);
    expect(twin.findings).toEqual([]);
    await runCases(page, [risky.id, twin.id], 'panel-findings');
    const marked = row(panel, `cid=${risky.id}`);
    await marked.waitFor();
    // The worker sends the tab's findings on its own throttle: wait for the marker, never a fixed time.
    const mark = marked.getByTestId('finding-mark');
    await mark.waitFor();
    expect(await mark.textContent()).toMatch(/^▲High: \d+ findings?, worst high$/);
    await row(panel, `cid=${twin.id}`).waitFor();
    expect(await row(panel, `cid=${twin.id}`).getByTestId('finding-mark').count()).toBe(0);
    // The Findings filter counts it and, at High or above, keeps it.
    const high = panel.getByRole('group', { name: 'Findings' }).getByRole('button', { name: /^High or above:/ });
    expect(await high.getAttribute('aria-label')).not.toContain('(0 high findings)');
    await high.click();
    await expect.poll(() => row(panel, `cid=${twin.id}`).count()).toBe(0);
    expect(await marked.count()).toBe(1);
    await marked.click();
    const details = panel.getByRole('complementary', { name: 'Details of the selected request' });
    const finding = details.getByRole('region', { name: /^Security/ }).locator('[data-finding="null-origin-allowed"]');
    await finding.waitFor();
    expect(await finding.locator('.finding-evidence').first().textContent()).toBe('Access-Control-Allow-Origin: null in the response of this request');
    expect(await finding.textContent()).toMatch(/Why it matters: .*Fix: .*Learn more: /);
    expect(await finding.getByRole('link').count()).toBeGreaterThan(0);

    // The screenshot for the README: the real panel with the Findings filter on and the Security section.
    await undockDevtools(devtools);
    await devtools.setViewportSize({ width: 1280, height: 800 });
    await finding.scrollIntoViewIfNeeded();
    const shot = await devtools.screenshot({ path: join(ROOT, 'test-results/panel-findings.png') });
    if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(join(ROOT, 'docs/panel-findings.png'))) {
      writeFileSync(join(ROOT, 'docs/panel-findings.png'), shot);
    }
    await high.click();
    await expect.poll(() => row(panel, `cid=${twin.id}`).count()).toBe(1);
  });

  it('shows the preflight cost per endpoint one click from the toolbar', async () => {
    // The lab's repeated-preflight case: the same PUT preflighted again and again with Access-Control-Max-Age: 0.
    await runCases(page, ['finding-preflight-not-cached'], 'panel-cost');
    await row(panel, 'cid=finding-preflight-not-cached').waitFor();
    const cost = panel.getByRole('button', { name: 'Preflight cost per endpoint' });
    await cost.click();
    const view = panel.getByRole('region', { name: 'Preflight cost' });
    const repeated = view.locator('tbody tr', { hasText: '/cors/finding-preflight-not-cached' }).first();
    await repeated.waitFor();
    await expect.poll(async () => Number(await repeated.locator('[data-col="preflights"]').textContent())).toBeGreaterThan(1);
    expect(await repeated.locator('[data-col="total"]').textContent()).toMatch(/^\d+(\.\d+)? m?s/);
    expect(await repeated.locator('[data-col="sent"]').textContent()).toBe('0');
    expect(await repeated.locator('[data-col="kept"]').textContent()).toMatch(/^not cached/);
    expect(await repeated.locator('[data-col="saved"]').textContent()).toMatch(/^\d+ preflights?, .* with Max-Age 600$/);
    expect(await view.getByTestId('cost-total').textContent()).toMatch(/^\d+ preflights? to \d+ endpoints?; the page waited /);
    await devtools.screenshot({ path: join(ROOT, 'test-results/panel-cost.png') });
    await cost.click();
    await panel.getByRole('grid', { name: 'Cross-origin requests' }).waitFor();
  });

  it('keeps the log across a navigation only when asked', async () => {
    const grid = panel.getByRole('grid', { name: 'Cross-origin requests' });
    const keepLog = panel.getByRole('checkbox', { name: 'Keep log' });
    await keepLog.check();
    await expect.poll(() => keepLog.isChecked()).toBe(true);
    const before = Number(await grid.getAttribute('aria-rowcount'));
    await openGallery(page, lab.galleryUrl);
    await runCases(page, ['simple-get'], 'kept');
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount'))).toBeGreaterThan(before);
    expect(await row(panel, 'cid=acao-trailing-slash').count()).toBe(1);

    await keepLog.uncheck();
    await expect.poll(() => keepLog.isChecked()).toBe(false);
    await openGallery(page, lab.galleryUrl);
    await panel.getByText(/The page navigated; the log was cleared/).waitFor();
    expect(await row(panel, 'cid=acao-trailing-slash').count()).toBe(0);
  });
});
