/** Export report: the log shown (live or imported) as a HAR 1.2 file with verdicts, secrets redacted unless asked. */
import type { ExportInput } from '../shared/report-download';
import { exportReport } from '../shared/report-download';
import type { Row } from './table/rows';
import type { PanelStore } from './store';
import { m } from '../core';

/** What is exported: exactly the entries the panel holds (all of them, not only the filtered ones). */
export function exportInput(store: PanelStore, includeSensitive: boolean): ExportInput {
  const rows = store.rows.value;
  const page = store.imported.value ? null : store.summary.value?.page ?? null;
  return {
    entries: rows.map((r) => r.entry),
    pages: page ? [page] : [],
    pageUrl: page && /^https?:/i.test(page.url) ? page.url : pageUrlOf(rows),
    includeSensitive,
    // What the capture dropped belongs to the live log; an imported file has its own.
    dropped: store.imported.value ? 0 : store.summary.value?.dropped ?? 0,
  };
}

/** The page the log is about, when the tab's page is not known: a navigation, else what the requests say. */
function pageUrlOf(rows: readonly Row[]): string | null {
  for (const r of rows) if (r.entry.exchange.type === 'main_frame') return r.entry.exchange.url;
  for (const r of rows) if (r.entry.exchange.documentUrl) return r.entry.exchange.documentUrl;
  for (const r of rows) if (r.entry.exchange.initiator && r.entry.exchange.initiator !== 'null') return r.entry.exchange.initiator;
  return null;
}

export function exportShown(store: PanelStore): void {
  try {
    const result = exportReport(exportInput(store, store.exportSecrets.value));
    store.notice.value = { tone: 'info', text: m('panel_export_saved', { count: result.exchanges, file: result.fileName }) };
  } catch (err) {
    store.notice.value = { tone: 'error', text: m('panel_export_failed', { error: err instanceof Error ? err.message : String(err) }) };
  }
}
