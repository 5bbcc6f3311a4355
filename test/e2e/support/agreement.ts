/**
 * One gallery run observed twice: Chromium's own verdicts (DevTools protocol) and CORS Lens's (its
 * store, read through the protocol). Used by the agreement test and by `npm run demo`.
 */
import type { Page } from 'playwright-core';
import type { ExchangeEntry } from '../../../src/shared/protocol';
import type { LabCase } from '../../../lab/cases';
import type { Lab } from '../../../lab/server';
import type { Launched } from './browser';
import { CdpRecorder } from './cdp-recorder';
import { getSnapshot, openExtensionPage, request, tabIdOf, until } from './extension';
import { openGallery, runAllCases, type GalleryRun } from './gallery';
import { chromiumOutcomes, decided, subjectsByCase, type ChromiumOutcome } from './ground-truth';

export interface AgreementRow {
  kase: LabCase;
  chromium: ChromiumOutcome | undefined;
  entry: ExchangeEntry | undefined;
  /** Verdict kind, first reason code and preflight (sent / cached / none) all equal Chromium's. */
  agree: boolean;
}

export interface AgreementRun {
  run: GalleryRun;
  tabId: number;
  rows: AgreementRow[];
  galleryPage: Page;
  extPage: Page;
}

/** The extension's preflight account of an entry, in the ground truth's terms. */
export function extensionPreflight(entry: ExchangeEntry): 'sent' | 'cached' | 'none' {
  const p = entry.verdict.preflight;
  return p.observed ? 'sent' : p.cached ? 'cached' : 'none';
}

export function agrees(chromium: ChromiumOutcome | undefined, entry: ExchangeEntry | undefined): boolean {
  if (!chromium || !entry) return false;
  const v = entry.verdict;
  if (v.kind !== chromium.kind) return false;
  if ((v.reasons[0]?.code ?? null) !== (chromium.kind === 'blocked' ? chromium.code : null)) return false;
  if (chromium.kind === 'simple' || chromium.kind === 'preflighted') return extensionPreflight(entry) === chromium.preflight;
  return true;
}

/**
 * Runs every lab case in a new tab with CORS Lens loaded (same-origin recording on, so every case is
 * in the log), then waits until Chromium decided every request and the extension classified every one.
 * Waits end on conditions; on a timeout the rows say what is missing.
 */
export async function runAgreement(browser: Launched, lab: Lab, timeoutMs = 60_000): Promise<AgreementRun> {
  const extPage = await openExtensionPage(browser.context, browser.extensionId);
  await request(extPage, 'set-settings', { recordSameOrigin: true, paused: false });
  const galleryPage = await browser.context.newPage();
  const recorder = await CdpRecorder.attach(browser.context, galleryPage);
  const cases = await openGallery(galleryPage, lab.galleryUrl, recorder);
  const tabId = await tabIdOf(extPage, `${lab.origins.page}/*`);
  const run = await runAllCases(galleryPage);
  const truth = () => chromiumOutcomes(cases, run.nonce, recorder, lab.log(), lab.origins.page);
  const chromium = await recorder
    .waitFor('Chromium to decide every case', () => {
      const o = truth();
      return o.size === cases.length && [...o.values()].every((x) => decided(x.request)) ? o : null;
    }, timeoutMs)
    .catch(() => truth());
  const entriesNow = async () => {
    const snap = await getSnapshot(extPage, tabId);
    const sorted = [...snap.entries].sort((a, b) => a.seq - b.seq);
    return subjectsByCase(cases, run.nonce, sorted, (e) => e.exchange.url);
  };
  const entries = await until('CORS Lens to classify every case', async () => {
    const m = await entriesNow();
    return m.size === cases.length && [...m.values()].every((e) => e.verdict.kind !== 'pending') ? m : null;
  }, timeoutMs).catch(() => entriesNow());
  const rows = cases.map((kase) => {
    const c = chromium.get(kase.id);
    const entry = entries.get(kase.id);
    return { kase, chromium: c, entry, agree: agrees(c, entry) };
  });
  return { run, tabId, rows, galleryPage, extPage };
}

/** One line per case for humans: case, Chromium's verdict, the extension's, agree. */
export function describeRow(r: AgreementRow): { case: string; chromium: string; extension: string; agree: string } {
  const c = r.chromium;
  const chromium = !c ? 'not seen' : c.kind === 'blocked' ? `blocked ${c.code}` : c.kind === 'simple' || c.kind === 'preflighted'
    ? `${c.kind}${c.preflight === 'cached' ? ' (cached)' : ''}` : c.kind;
  const v = r.entry?.verdict;
  const extension = !v ? 'not recorded' : v.kind === 'blocked' ? `blocked ${v.reasons[0]?.code ?? '(no reason)'}`
    : v.kind === 'simple' || v.kind === 'preflighted' ? `${v.kind}${r.entry && extensionPreflight(r.entry) === 'cached' ? ' (cached)' : ''}` : v.kind;
  return { case: r.kase.id, chromium, extension, agree: r.agree ? 'yes' : 'NO' };
}
