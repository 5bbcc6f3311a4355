/** Driving the lab gallery from a test: open it, run every case, get the run's nonce and page-side results. */
import type { Page } from 'playwright-core';
import type { LabCase } from '../../../lab/cases';
import type { CdpRecorder } from './cdp-recorder';

export interface CaseResult {
  id: string; url: string; nonce: string; ok: boolean; detail: string;
  /** Page-side results of the case's preparation requests, in order (cases with `prepare` only). */
  prepared?: { url: string; ok: boolean; detail: string }[];
}
export interface GalleryRun { nonce: string; results: CaseResult[] }

interface LabWindow { lab: { cases: LabCase[]; runAll(): Promise<GalleryRun>; runCase(id: string, nonce?: string, phase?: 'all' | 'prepare' | 'subject'): Promise<CaseResult> } }

/**
 * Opens the gallery and waits until it is ready. With a recorder, also waits until the gallery's worker
 * reports to DevTools, so the worker cases are observed from their first request.
 */
export async function openGallery(page: Page, galleryUrl: string, recorder?: CdpRecorder): Promise<LabCase[]> {
  await page.goto(galleryUrl);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  if (recorder) await recorder.whenTargetReady('worker');
  return page.evaluate(() => (window as unknown as LabWindow).lab.cases);
}

/** Runs every case in order; resolves when each one has reported completion in the page. */
export async function runAllCases(page: Page): Promise<GalleryRun> {
  return page.evaluate(() => (window as unknown as LabWindow).lab.runAll());
}

export async function runCases(page: Page, ids: string[], nonce: string): Promise<CaseResult[]> {
  return page.evaluate(async ({ ids, nonce }) => {
    const out = [];
    for (const id of ids) out.push(await (window as unknown as LabWindow).lab.runCase(id, nonce));
    return out;
  }, { ids, nonce });
}
