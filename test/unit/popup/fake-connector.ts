/**
 * A fake PopupConnector over an in-memory tab log: counts calls, records downloads and copies.
 * Summaries are derived from the entries the way the background derives them (newest 50 blocked;
 * findings and preflight cost by the core's findingsOf/preflightCost, summarised by the worker's own helpers).
 */
import { classify } from '../../../src/core/classify/classify';
import { findingsOf, preflightCost } from '../../../src/core/findings';
import { costSummary, findingsSummary } from '../../../src/background/findings';
import type { Exchange } from '../../../src/core/model/exchange';
import {
  emptyCounts, type ExchangeEntry, type PageInfo, type Settings, type TabCapture, type TabSnapshot, type TabSummary,
} from '../../../src/shared/protocol';
import type { PopupConnector } from '../../../src/popup/connector';
import { PAGE } from '../../support/builder';

export const TAB = 7;
export const NOW = Date.UTC(2026, 10, 21, 21, 30, 15);
export const PAGE_INFO: PageInfo = { pageId: 'page-1', url: `${PAGE}/shop/index.html`, startedAt: NOW - 60_000 };

export function entries(exchanges: Exchange[]): ExchangeEntry[] {
  return exchanges.map((x, i) => ({ exchange: x, verdict: classify(x), seq: i + 1, pageId: PAGE_INFO.pageId }));
}

export function summaryOf(list: ExchangeEntry[], dropped = 0): TabSummary {
  const counts = emptyCounts();
  for (const e of list) counts[e.verdict.kind]++;
  const blocked = list.filter((e) => e.verdict.kind === 'blocked').sort((a, b) => b.seq - a.seq).slice(0, 50);
  return { tabId: TAB, page: PAGE_INFO, counts, total: list.length, dropped, blocked, findings: findingsSummary(findingsOf(list)), cost: costSummary(preflightCost(list)) };
}

export interface FakeConnector extends PopupConnector {
  calls: string[];
  downloads: { text: string; fileName: string }[];
  copies: string[];
  log: ExchangeEntry[];
  settingsNow: Settings;
  /** The tab's choices as the worker keeps them (its `why` is derived from these and the mode). */
  scope: { tab: boolean; siteOn: boolean; site: string | null };
  failCapture: string | null;
  failLoad: string | null;
  copyWorks: boolean;
}

function captureOf(fake: FakeConnector): TabCapture {
  const { tab, siteOn, site } = fake.scope;
  const why = (fake.settingsNow.capture ?? 'everywhere') === 'everywhere' ? 'everywhere' : tab ? 'tab' : siteOn ? 'site' : 'off';
  return { tabId: TAB, why, tab, site, siteOn };
}

export function fakeConnector(initial: ExchangeEntry[], dropped = 0): FakeConnector {
  const fake: FakeConnector = {
    calls: [],
    downloads: [],
    copies: [],
    log: initial,
    settingsNow: { paused: false, keepLog: false, recordSameOrigin: false },
    scope: { tab: false, siteOn: false, site: PAGE },
    failCapture: null,
    failLoad: null,
    copyWorks: true,
    async load(tabId) {
      fake.calls.push(`load:${tabId}`);
      if (fake.failLoad) throw new Error(fake.failLoad);
      const settings = { ...fake.settingsNow };
      return { summary: { ...summaryOf(fake.log, dropped), settings, capture: captureOf(fake) }, settings };
    },
    async setCaptureMode(mode) {
      fake.calls.push(`mode:${mode}`);
      fake.settingsNow = { ...fake.settingsNow, capture: mode };
      return { ...fake.settingsNow };
    },
    async setCapture(tabId, change) {
      fake.calls.push(`capture:${tabId}:${JSON.stringify(change)}`);
      if (fake.failCapture) throw new Error(fake.failCapture);
      if (change.tab !== undefined) fake.scope.tab = change.tab;
      if (change.site !== undefined && fake.scope.site !== null) fake.scope.siteOn = change.site;
      return captureOf(fake);
    },
    async snapshot(tabId): Promise<TabSnapshot> {
      fake.calls.push(`snapshot:${tabId}`);
      return { summary: summaryOf(fake.log, dropped), entries: fake.log, settings: { ...fake.settingsNow } };
    },
    async clear(tabId) {
      fake.calls.push(`clear:${tabId}`);
      fake.log = [];
    },
    async setPaused(paused) {
      fake.calls.push(`pause:${paused}`);
      fake.settingsNow = { ...fake.settingsNow, paused };
      return { ...fake.settingsNow };
    },
    async openPanel(tabId) {
      fake.calls.push(`panel:${tabId}`);
    },
    download(text, fileName) {
      fake.downloads.push({ text, fileName });
      return text.length;
    },
    async copy(text) {
      fake.copies.push(text);
      return fake.copyWorks;
    },
    now: () => NOW,
    environment: { browser: { name: 'Chromium', version: '156.0.7390.1' }, extensionVersion: '0.1.0' },
  };
  return fake;
}
