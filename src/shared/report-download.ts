/**
 * Saves a HAR report from an extension page: the report is built by the pure core, turned into a
 * Blob and handed to an `<a download>` (no `downloads` permission needed). Used by the popup and
 * the DevTools panel alike. The report's sentences are in the page's language (the machine fields are
 * the same in every language, and `_corsLens.lang` records which one the sentences are in).
 */
import { buildHarReport, reportFileName, type HarReport } from '../core/har';
import type { Words } from '../core/i18n/words';
import { words as pageWords } from '../ui/i18n';
import type { ExchangeEntry, PageInfo } from './protocol';

interface BrowserInfo {
  name: string;
  version: string;
}

interface UaBrand { brand: string; version: string }

/** Browser name and version from the user agent (Firefox, Edge, Opera, Chrome/Chromium). */
export function browserInfo(userAgent: string = globalThis.navigator?.userAgent ?? '', brands?: readonly UaBrand[]): BrowserInfo {
  const ua = userAgent;
  const pick = (re: RegExp) => re.exec(ua)?.[1];
  const firefox = pick(/Firefox\/([\d.]+)/);
  if (firefox) return { name: 'Firefox', version: firefox };
  const edge = pick(/Edg\/([\d.]+)/);
  if (edge) return { name: 'Microsoft Edge', version: edge };
  const opera = pick(/OPR\/([\d.]+)/);
  if (opera) return { name: 'Opera', version: opera };
  const chrome = pick(/Chrome\/([\d.]+)/);
  if (chrome) {
    const list = brands ?? (globalThis.navigator as { userAgentData?: { brands?: UaBrand[] } } | undefined)?.userAgentData?.brands ?? [];
    const named = list.find((b) => b.brand === 'Google Chrome') ? 'Google Chrome' : 'Chromium';
    return { name: named, version: chrome };
  }
  return { name: 'unknown', version: '' };
}

export interface ExportInput {
  entries: readonly ExchangeEntry[];
  /** Page sessions the entries belong to (the HAR `pages`). */
  pages?: readonly PageInfo[];
  /** URL the file name is derived from (the tab's page). */
  pageUrl?: string | null;
  includeSensitive: boolean;
  now?: Date;
  /** Exchanges the capture dropped before the export (the tab summary's `dropped`): written as `_corsLens.dropped`. */
  dropped?: number;
  /** The language of the report's sentences: the page's current language unless given. */
  words?: Words;
}

interface ExportResult {
  fileName: string;
  /** Size of the saved file in bytes. */
  bytes: number;
  /** Exchanges written. */
  exchanges: number;
}

/** Builds the report (pure) and its file name; no side effect. */
export function prepareReport(input: ExportInput, browser: BrowserInfo, version: string): { report: HarReport; fileName: string; text: string } {
  const now = input.now ?? new Date();
  const report = buildHarReport(input.entries, {
    includeSensitive: input.includeSensitive,
    browser,
    extensionVersion: version,
    pages: [...(input.pages ?? [])],
    now,
    dropped: input.dropped ?? 0,
    words: input.words ?? pageWords.value,
  });
  return { report, fileName: reportFileName(input.pageUrl ?? input.pages?.[0]?.url, now), text: JSON.stringify(report, null, 2) };
}

/** Starts a download of `text` as `fileName` through a Blob URL and an `<a download>` element. */
export function downloadText(text: string, fileName: string, doc: Document = document, type = 'application/json'): number {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference to the data once started; free ours a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob.size;
}

/**
 * Builds the report and saves it as `cors-report-<host>-<YYYYMMDD-HHMMSS>.har`; `version` is the extension's
 * (`runtime.getManifest().version`, read by the page's entry module).
 */
export function exportReport(input: ExportInput, version: string, doc: Document = document): ExportResult {
  const { fileName, text } = prepareReport(input, browserInfo(), version);
  const bytes = downloadText(text, fileName, doc);
  return { fileName, bytes, exchanges: input.entries.length };
}
