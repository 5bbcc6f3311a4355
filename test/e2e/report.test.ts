/**
 * Issue 5 in a real browser: every lab case runs in Chromium with dist/ loaded; the popup, opened as
 * a tab with ?tabId=, exports the tab's report through a real download. The file must be valid HAR
 * 1.2, hold every lab request with the verdict and CORS error code Chromium itself reported (DevTools
 * protocol, same run), link each preflight Chromium sent to its request, and redact credentials
 * unless the user ticks "include sensitive headers".
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN } from '../../src/core/i18n/catalogues';
import type { HarEntry, HarReport } from '../../src/core/har';
import type { TabSnapshot } from '../../src/shared/protocol';
import { corsBlockErrors, harErrors } from '../unit/core/har/schema';
import { buildCases, getSnapshot, launch, runAgreement, startLab, type AgreementRun, type Lab, type Launched } from './support';

let lab: Lab;
let browser: Launched;
let run: AgreementRun;
let popup: Page;
let snapshot: TabSnapshot;
const exports: { fileName: string; text: string; har: HarReport }[] = [];

async function exportFromPopup(sensitive: boolean) {
  if (sensitive) await popup.getByRole('checkbox', { name: 'include sensitive headers' }).check();
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Export report' }).click(),
  ]);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  await popup.getByRole('status').filter({ hasText: `Saved ${download.suggestedFilename()}` }).waitFor();
  return { fileName: download.suggestedFilename(), text, har: JSON.parse(text) as HarReport };
}

beforeAll(async () => {
  lab = await startLab();
  browser = await launch();
  run = await runAgreement(browser, lab);
  snapshot = await getSnapshot(run.extPage, run.tabId);
  popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tabId=${run.tabId}`);
  await popup.getByRole('button', { name: 'Export report' }).and(popup.locator(':enabled')).waitFor();
  exports.push(await exportFromPopup(false));
  exports.push(await exportFromPopup(true));
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

const ids = buildCases({ page: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2', third: 'http://127.0.0.1:3', closed: 'http://127.0.0.1:4' }).map((c) => c.id);
const report = () => exports[0]!;
const entriesOf = (id: string): HarEntry[] => report().har.log.entries.filter((e) => e._cors.id === id || e._cors.preflightOf === id);

describe('popup export in Chromium', () => {
  it('downloads cors-report-<host>-<YYYYMMDD-HHMMSS>.har, valid HAR 1.2, saying which browser and extension made it', async () => {
    const host = new URL(lab.origins.page).host.replace(':', '_');
    expect(report().fileName).toMatch(new RegExp(`^cors-report-${host.replace(/\./g, '\\.')}-\\d{8}-\\d{6}\\.har$`));
    expect(harErrors(report().har)).toEqual([]);
    expect(harErrors(exports[1]!.har)).toEqual([]);
    expect(corsBlockErrors(report().har)).toEqual([]);
    const manifest = await browser.worker!.evaluate(() => chrome.runtime.getManifest().version);
    expect(report().har.log.creator).toEqual({ name: 'CORS Lens', version: manifest });
    expect(report().har.log.browser.name).toMatch(/^(Chromium|Google Chrome)$/);
    const ua = await popup.evaluate(() => navigator.userAgent);
    expect(report().har.log.browser.version).toBe(/Chrome\/([\d.]+)/.exec(ua)?.[1]);
    expect(report().har.log._corsLens).toMatchObject({ extensionVersion: manifest, sensitiveIncluded: false, exchanges: snapshot.entries.length });
    expect(report().har.log.pages.map((p) => p.title)).toContain(`${lab.origins.page}/`);
  });

  it('holds one request entry per hop of every exchange of the tab', () => {
    const requestEntries = report().har.log.entries.filter((e) => e._cors.role === 'request');
    const hops = snapshot.entries.reduce((n, e) => n + e.exchange.redirects.length + 1, 0);
    // An exchange that died on a redirect hop, or did not follow it (fetch's redirect: "manual"), has no
    // entry for the Location it never requested.
    const died = snapshot.entries.filter((e) => e.exchange.redirects.length > 0 && !e.exchange.response
      && (e.verdict.reasons[0]?.step.kind === 'redirect' || e.exchange.redirects.at(-1)!.followed === false)).length;
    expect(requestEntries).toHaveLength(hops - died);
    expect(new Set(requestEntries.map((e) => e._cors.id))).toEqual(new Set(snapshot.entries.map((e) => e.exchange.id)));
  });

  it.each(ids)('%s: present with the verdict, code and preflight Chromium reported', (id) => {
    const row = run.rows.find((r) => r.kase.id === id)!;
    expect(row.chromium, `Chromium never reported ${id}`).toBeDefined();
    expect(row.entry, `CORS Lens recorded nothing for ${id}`).toBeDefined();
    const chromium = row.chromium!;
    const own = entriesOf(row.entry!.exchange.id);
    const requests = own.filter((e) => e._cors.role === 'request');
    expect(requests.length, `no request entry for ${id} in the report`).toBeGreaterThan(0);
    const last = requests.at(-1)!;
    const written = { verdict: last._cors.verdict, code: last._cors.reasons[0]?.code ?? null };
    expect(written, 'the report must carry the verdict CORS Lens recorded').toEqual({
      verdict: row.entry!.verdict.kind,
      code: row.entry!.verdict.reasons[0]?.code ?? null,
    });
    expect(written, `CORS Lens's own verdict differs from Chromium's here (see agreement.test.ts): ${EN.t(row.entry!.verdict.headline)}`).toEqual({
      verdict: chromium.kind,
      code: chromium.kind === 'blocked' ? chromium.code : null,
    });
    expect(new Set(own.map((e) => e._cors.verdict))).toEqual(new Set([chromium.kind]));
    expect(requests[0]!.request.url).toBe(row.entry!.exchange.url.split('#')[0]);
    const preflights = own.filter((e) => e._cors.role === 'preflight');
    if (chromium.preflight === 'sent') {
      expect(preflights.length, `Chromium sent a preflight for ${id}; the report has none linked`).toBeGreaterThan(0);
      for (const p of preflights) {
        expect(p._resourceType).toBe('preflight');
        expect(p.request.method).toBe('OPTIONS');
        expect(p._initiator).toMatchObject({ type: 'preflight', requestId: row.entry!.exchange.id });
      }
      expect(requests[0]!._cors.preflight?.id).toBe(preflights[0]!._cors.id);
    } else {
      expect(preflights).toEqual([]);
      if (chromium.preflight === 'cached') expect(last._cors.preflight).toEqual({ cached: true });
    }
  });

  it('redacts cookies and credentials by default and keeps them when the box is ticked', () => {
    const SENSITIVE = /^(cookie|set-cookie|authorization|proxy-authorization)$/i;
    const secrets = new Set<string>();
    for (const e of snapshot.entries) {
      const x = e.exchange;
      const lists = [x.requestHeaders, x.response?.headers ?? [], ...x.redirects.flatMap((r) => [r.requestHeaders ?? [], r.response.headers]), ...x.preflights.flatMap((p) => [p.requestHeaders, p.response?.headers ?? []])];
      for (const h of lists.flat()) if (SENSITIVE.test(h.name) && h.value !== '') secrets.add(h.value);
    }
    expect(secrets.size, 'the lab\'s credentialed cases should have produced cookies to redact').toBeGreaterThan(0);
    const sensitiveHeaders = (har: HarReport) => har.log.entries.flatMap((e) => [...e.request.headers, ...e.response.headers]).filter((h) => SENSITIVE.test(h.name));
    expect(sensitiveHeaders(report().har).length).toBeGreaterThan(0);
    expect(new Set(sensitiveHeaders(report().har).map((h) => h.value))).toEqual(new Set(['[redacted]']));
    expect(report().har.log.entries.every((e) => e.request.cookies.length === 0 && e.response.cookies.length === 0)).toBe(true);
    // The lab asks for its cookies in a query parameter (?setcookie=…): URLs are not secrets, headers are.
    const withoutUrls = JSON.stringify(report().har.log.entries.map((e) => [e.request.headers, e.response.headers, e._cors]));
    for (const s of secrets) expect(withoutUrls).not.toContain(s);
    const sensitive = exports[1]!;
    expect(sensitive.har.log._corsLens.sensitiveIncluded).toBe(true);
    const kept = new Set(sensitiveHeaders(sensitive.har).map((h) => h.value));
    for (const s of secrets) expect(kept.has(s), `${s} missing from the export with sensitive headers`).toBe(true);
    expect(sensitive.har.log.entries.some((e) => e.request.cookies.length > 0)).toBe(true);
  });

  it('shows the same counts as the tab\'s log, as text', async () => {
    const blocked = snapshot.summary.counts.blocked;
    const bar = popup.locator('li[data-verdict="blocked"]');
    await expect.poll(() => bar.textContent()).toBe(`Blocked${blocked.toLocaleString('en-US')}`);
    await expect.poll(() => popup.getByTestId('group').count()).toBeGreaterThan(0);
  });
});
