/** Export report: the log shown (live or imported) as a HAR 1.2 file with verdicts, secrets redacted unless asked. */
import { buildHarReport, reportFileName } from '../core/har';
import type { PanelStore } from './store';

function browserInfo(ua: string): { name: string; version: string } {
  const m = /(Firefox|Edg|OPR|Chrome|Chromium)\/([\d.]+)/.exec(ua);
  if (!m) return { name: 'unknown', version: '' };
  const names: Record<string, string> = { Edg: 'Edge', OPR: 'Opera' };
  return { name: names[m[1]!] ?? m[1]!, version: m[2]! };
}

function extensionVersion(): string {
  const c = (globalThis as { chrome?: { runtime?: { getManifest?: () => { version: string } } } }).chrome;
  try {
    return c?.runtime?.getManifest?.().version ?? '';
  } catch {
    return '';
  }
}

/** Builds the report text and its file name (pure apart from the clock and user agent). */
export function reportFor(store: PanelStore, includeSensitive: boolean, ua: string, now = new Date()): { name: string; text: string } {
  const rows = store.rows.value;
  const summary = store.summary.value;
  const page = store.imported.value ? null : summary?.page ?? null;
  const report = buildHarReport(rows.map((r) => r.entry), {
    includeSensitive,
    browser: browserInfo(ua),
    extensionVersion: extensionVersion(),
    pages: page ? [page] : [],
    now,
  });
  const pageUrl = page?.url ?? rows[0]?.entry.exchange.documentUrl ?? rows[0]?.entry.exchange.initiator ?? null;
  return { name: reportFileName(pageUrl, now), text: JSON.stringify(report, null, 2) };
}

export function exportReport(store: PanelStore, includeSensitive = false): void {
  try {
    const { name, text } = reportFor(store, includeSensitive, navigator.userAgent);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (err) {
    store.notice.value = { tone: 'error', text: `Could not export the report: ${err instanceof Error ? err.message : String(err)}` };
  }
}
