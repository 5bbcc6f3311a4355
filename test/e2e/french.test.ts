/**
 * Issue 11 in real Chromium: a browser started in French (`--lang=fr`, and `LANGUAGE=fr`, which is where
 * Chromium on Linux takes its UI language from; `chromium-l10n`'s fr.pak is installed when missing) shows the
 * panel and the popup in French for the lab's blocked MissingAllowOriginHeader case, Firefox's French console
 * line verbatim and Chrome's line in English, labelled so. The language setting then switches the panel to
 * English without reloading the inspected page (nor the panel). Screenshots: docs/panel-fr.png (the French twin
 * of docs/panel.png, rewritten with UPDATE_SCREENSHOTS=1), and under test-results/ the panel at 800 px wide and
 * the popup, where no label may overflow its box.
 */
// Lets Playwright see DevTools windows (and so the panel's frame) as pages of the context.
process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordsFor } from '../../src/core/i18n/catalogues';
import type { ExchangeEntry } from '../../src/shared/protocol';
import { getSnapshot, launch, openExtensionPage, ROOT, startLab, until, type Lab, type Launched } from './support';
import { ensureChromiumLocale } from './support/chromium-locale';
import { labInPanel, undockDevtools } from './support/devtools-panel';
import { catchesPlantedOverflow, overflowing } from './support/overflow';

const FR = wordsFor('fr');
/** What a message rendered wrong looks like: an object where a nested message belongs, an id with no text. */
const BROKEN = ['[object Object]', '⟦', 'undefined'];
const EN = wordsFor('en');
/** Toolbar words whose French differs from the English. */
const TOOLBAR_IDS = ['panel_kind_blocked', 'panel_keep_log', 'panel_import', 'panel_export', 'panel_pop_out', 'panel_clear'];

/** Labels and controls that must stay readable (French runs about a third longer). */
const PANEL_LABELS = [
  '.toolbar button', '.toolbar label', '.toolbar select', '.toolbar input', '.counts > *', '.chip',
  '[role=columnheader]', '.details h2', '.details h3', '.details .console-label', '.details button', '.details dt',
].join(', ');
const POPUP_LABELS = '.popup h1, .popup h2, .popup h3, .popup button, .popup label, .popup select, .popup .chip, .popup-head > *';

/** DevTools' settings (a JSON string per setting): follow the browser's language, no infobar offering it. */
const DEVTOOLS_SETTINGS = { language: JSON.stringify('browserLanguage'), 'disable-locale-info-bar': 'true' };
const DEVTOOLS_IN_BROWSER_LANGUAGE = { preferences: DEVTOOLS_SETTINGS, synced_preferences_sync_disabled: DEVTOOLS_SETTINGS };

let lab: Lab;
let browser: Launched;
let page: Page;
let devtools: Page;
let panel: Frame;
let tabId: number;
/** The lab's missing-acao request, as the extension recorded and judged it. */
let missing: ExchangeEntry;

const row = (f: Frame | Page, text: string) => f.locator('[role=row]', { hasText: text }).first();
const detailsOf = (f: Frame | Page) => f.locator('aside.details');
/** Resolves once the panel has painted its current DOM (two animation frames), so a screenshot shows it. */
const painted = (f: Frame) => f.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
const openPopup = async (): Promise<Page> => {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 900 });
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tabId=${tabId}`);
  await popup.locator('main.popup[aria-busy=false]').waitFor();
  return popup;
};

/** Firefox's French line for CORSMissingAllowOrigin2, as Firefox prints it (the text, plain spaces). */
const firefoxFrench = (url: string, status: number) =>
  `Blocage d’une requête multiorigines (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur ${url}. Raison : l’en-tête CORS « Access-Control-Allow-Origin » est manquant. Code d’état : ${status}.`;

beforeAll(async () => {
  ensureChromiumLocale('fr');
  lab = await startLab();
  browser = await launch({
    args: ['--auto-open-devtools-for-tabs', '--lang=fr', '--accept-lang=fr-FR,fr'],
    env: { LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
    // DevTools in the browser's language too (it stays English and offers to switch otherwise).
    preferences: { devtools: DEVTOOLS_IN_BROWSER_LANGUAGE },
  });
  ({ page, devtools, panel, tabId } = await labInPanel(browser, lab, 'fr'));
  const ext = await openExtensionPage(browser.context, browser.extensionId, 'src/panel/index.html?tabId=-1');
  missing = await until('the missing-acao request judged blocked', async () =>
    (await getSnapshot(ext, tabId)).entries.find((e) => e.exchange.url.includes('cid=missing-acao') && e.verdict.kind === 'blocked'));
  await ext.close();
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

describe('CORS Lens in a French Chromium', () => {
  it('runs in French: the browser says so to the extension', async () => {
    const [ui, nav] = await panel.evaluate(() => [chrome.i18n.getUILanguage(), navigator.language]);
    expect(ui).toMatch(/^fr\b/);
    expect(nav).toMatch(/^fr\b/);
    expect(await panel.locator('[data-testid=lang-picker]').inputValue()).toBe('auto');
  });

  it('shows the panel in French: toolbar, verdict label, summary, both consoles', async () => {
    const toolbar = panel.getByRole('toolbar');
    await toolbar.waitFor();
    const bar = (await toolbar.innerText()).replace(/\s+/g, ' ');
    for (const english of ['Blocked', 'Preflighted', 'Keep log', 'Preflight cost', 'Import HAR', 'Export report', 'Pop out', 'Clear']) {
      expect(bar).not.toContain(english);
    }
    for (const id of TOOLBAR_IDS) expect(bar).toContain(FR.say(id));
    expect(bar).toMatch(/pré-vérifi/i);

    const blocked = row(panel, 'cid=missing-acao');
    await blocked.waitFor();
    const chip = blocked.locator('.chip[data-verdict="blocked"]');
    await expect.poll(() => chip.textContent()).toContain(FR.say('ui_verdict_blocked'));
    expect(FR.say('ui_verdict_blocked')).toBe('Bloquée');
    await blocked.click();

    const details = detailsOf(panel);
    const headline = details.getByTestId('headline');
    await headline.waitFor();
    const reason = missing.verdict.reasons[0]!;
    expect(reason.code).toBe('MissingAllowOriginHeader');
    expect(await headline.textContent()).toBe(FR.t(missing.verdict.headline));
    expect(FR.t(missing.verdict.headline)).not.toBe(EN.t(missing.verdict.headline));
    const summary = details.locator('.evidence[data-code="MissingAllowOriginHeader"]').getByText(FR.t(reason.summary), { exact: true });
    expect(await summary.count()).toBe(1);
    expect(FR.t(reason.summary)).toContain('Access-Control-Allow-Origin');
    expect(FR.t(reason.summary)).not.toBe(EN.t(reason.summary));

    const status = missing.exchange.response?.status;
    expect(status).toBe(200);
    expect(await details.getByTestId('firefox-message').textContent()).toBe(firefoxFrench(missing.exchange.url, 200));
    // Chrome prints English in every language: the line stays English, and the label says so.
    const chrome = details.getByTestId('chrome-message');
    expect(await chrome.textContent()).toBe(
      `Access to fetch at '${missing.exchange.url}' from origin '${lab.origins.page}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`);
    const chromeLabel = details.locator('.console-label', { hasText: 'Chrome' });
    expect(await chromeLabel.textContent()).toContain(FR.say('panel_console_chrome_english'));
    expect(await chromeLabel.textContent()).toMatch(/anglais/i);
    expect(await chrome.getAttribute('lang')).toBe('en');
    // MDN has this error page in French: the link goes there.
    const mdn = details.getByRole('link', { name: /CORSMissingAllowOrigin/ });
    expect(await mdn.getAttribute('href')).toBe('https://developer.mozilla.org/fr/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin');
    const all = await panel.locator('body').innerText();
    for (const broken of BROKEN) expect(all).not.toContain(broken);
  });

  it('makes the French twin of docs/panel.png, and keeps every label readable at 800 px', async () => {
    await undockDevtools(devtools);
    await devtools.setViewportSize({ width: 1280, height: 800 });
    await row(panel, 'cid=acao-trailing-slash').click();
    const details = detailsOf(panel);
    await details.locator('.evidence[data-code="AllowOriginMismatch"]').waitFor();
    await details.getByTestId('fix-code').waitFor();
    await expect.poll(() => row(panel, 'cid=acao-trailing-slash').getAttribute('aria-selected')).toBe('true');
    await painted(panel);
    const shot = await devtools.screenshot({ path: join(ROOT, 'test-results/panel-fr.png') });
    if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(join(ROOT, 'docs/panel-fr.png'))) {
      writeFileSync(join(ROOT, 'docs/panel-fr.png'), shot);
    }

    await devtools.setViewportSize({ width: 800, height: 800 });
    await expect.poll(() => panel.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(800);
    expect(await catchesPlantedOverflow(panel)).toBe(true);
    for (const cid of ['acao-trailing-slash', 'missing-acao']) {
      await row(panel, `cid=${cid}`).click();
      await expect.poll(() => row(panel, `cid=${cid}`).getAttribute('aria-selected')).toBe('true');
      await painted(panel);
      await devtools.screenshot({ path: join(ROOT, `test-results/panel-fr-800-${cid}.png`) });
      expect(await overflowing(panel, PANEL_LABELS)).toEqual([]);
      expect(await panel.locator('.details').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      expect(await panel.getByRole('toolbar').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    }
    await details.getByTestId('chrome-message').scrollIntoViewIfNeeded();
    await devtools.screenshot({ path: join(ROOT, 'test-results/panel-fr-800-consoles.png') });
    await devtools.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows the popup in French for that tab, every label readable', async () => {
    const popup = await openPopup();
    const text = (await popup.locator('main.popup').innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/bloquée/i);
    for (const id of ['popup_export', 'popup_open_panel']) expect(text).toContain(FR.say(id));
    for (const english of ['Blocked', 'Export report', 'Open the panel in a tab', 'Newest blocked', ' was blocked ', ' ago', ' waited', 'would have saved', 'Max-Age sent']) {
      expect(text).not.toContain(english);
    }
    for (const broken of BROKEN) expect(text).not.toContain(broken);
    expect(await popup.locator('[data-testid=lang-picker]').inputValue()).toBe('auto');
    await popup.locator('main.popup').screenshot({ path: join(ROOT, 'test-results/popup-fr.png') });
    expect(await catchesPlantedOverflow(popup)).toBe(true);
    expect(await overflowing(popup, POPUP_LABELS, 'main.popup')).toEqual([]);
    expect(await popup.locator('main.popup').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await popup.close();
  });

  it('switches to English from the language setting without reloading the inspected page', async () => {
    // Marks that a reload would wipe, and a count of the inspected page's navigations from now on.
    await page.evaluate(() => { (window as unknown as { __kept: string }).__kept = 'still here'; });
    await panel.evaluate(() => { (window as unknown as { __kept: string }).__kept = 'panel too'; });
    let navigations = 0;
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations++; });
    const popup = await openPopup();

    await row(panel, 'cid=missing-acao').click();
    await panel.locator('[data-testid=lang-picker]').selectOption('en');

    const blocked = row(panel, 'cid=missing-acao');
    await expect.poll(() => blocked.locator('.chip[data-verdict="blocked"]').textContent()).toContain('Blocked');
    const details = detailsOf(panel);
    await expect.poll(() => details.getByTestId('headline').textContent()).toBe(EN.t(missing.verdict.headline));
    expect(await details.getByTestId('headline').textContent()).toMatch(/^Blocked/);
    expect(await details.getByTestId('firefox-message').textContent()).toBe(
      `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${missing.exchange.url}. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.`);
    const bar = (await panel.getByRole('toolbar').innerText()).replace(/\s+/g, ' ');
    for (const id of TOOLBAR_IDS) expect(bar).toContain(EN.say(id));
    expect(bar).toContain('Keep log');
    expect(await details.getByRole('link', { name: /CORSMissingAllowOrigin/ }).getAttribute('href'))
      .toBe('https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin');
    // In English the Chrome line needs no "in English" note.
    expect(await details.getByTestId('chrome-english').count()).toBe(0);

    // Neither the inspected page nor the panel was reloaded.
    expect(await page.evaluate(() => (window as unknown as { __kept?: string }).__kept)).toBe('still here');
    expect(await panel.evaluate(() => (window as unknown as { __kept?: string }).__kept)).toBe('panel too');
    expect(navigations).toBe(0);

    // The choice is shared with the popup already open, and remembered for the next one.
    await expect.poll(() => popup.locator('main.popup').innerText()).toContain('Export report');
    await popup.close();
    const next = await openPopup();
    expect(await next.locator('[data-testid=lang-picker]').inputValue()).toBe('en');
    expect(await next.locator('main.popup').innerText()).toContain('Export report');
    await next.close();
  });
});
