/** Export report: the log shown (live or imported) as a HAR 1.2 file with verdicts, secrets redacted unless asked. */
import type { ExportInput } from '../shared/report-download';
import { exportReport } from '../shared/report-download';
import type { PanelStore } from './store';

/** What is exported: exactly the entries the panel holds (all of them, not only the filtered ones). */
export function exportInput(store: PanelStore, includeSensitive: boolean): ExportInput {
  const rows = store.rows.value;
  const page = store.imported.value ? null : store.summary.value?.page ?? null;
  const first = rows[0]?.entry.exchange;
  return {
    entries: rows.map((r) => r.entry),
    pages: page ? [page] : [],
    pageUrl: page?.url ?? first?.documentUrl ?? first?.initiator ?? null,
    includeSensitive,
  };
}

export function exportShown(store: PanelStore): void {
  try {
    const result = exportReport(exportInput(store, store.exportSecrets.value));
    store.notice.value = { tone: 'info', text: `Saved ${result.exchanges} requests to ${result.fileName}.` };
  } catch (err) {
    store.notice.value = { tone: 'error', text: `Could not export the report: ${err instanceof Error ? err.message : String(err)}` };
  }
}
