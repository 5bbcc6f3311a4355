/** Export report: the log shown (live or imported) as a HAR 1.2 file with verdicts, secrets redacted unless asked. */
import type { ExportInput } from '../shared/report-download';
import { exportReport } from '../shared/report-download';
import type { ExchangeEntry } from '../shared/protocol';
import type { PanelStore } from './store';
import { m } from '../core';

/**
 * What is exported: exactly the exchanges the panel holds (all of them, not only the filtered ones), as full
 * entries: the live tab's are asked of the worker page by page (the panel holds rows), a file's are at hand.
 */
export async function exportInput(store: PanelStore, includeSensitive: boolean): Promise<ExportInput> {
  const rows = store.rows.value;
  const imported = store.imported.value;
  const page = imported ? null : store.summary.value?.page ?? null;
  const all = await store.entries.value.all();
  // The rows shown when the user asked, in their order, each with its newest entry.
  const byId = new Map(all.map((e) => [e.exchange.id, e]));
  const entries: ExchangeEntry[] = [];
  for (const r of rows) {
    const e = byId.get(r.id);
    if (e) entries.push(e);
  }
  return {
    entries,
    pages: page ? [page] : [],
    pageUrl: page && /^https?:/i.test(page.url) ? page.url : pageUrlOf(entries),
    includeSensitive,
    // What the capture dropped belongs to the live log; an imported file has its own.
    dropped: imported ? 0 : store.summary.value?.dropped ?? 0,
  };
}

/** The page the log is about, when the tab's page is not known: a navigation, else what the requests say. */
function pageUrlOf(entries: readonly ExchangeEntry[]): string | null {
  for (const e of entries) if (e.exchange.type === 'main_frame') return e.exchange.url;
  for (const e of entries) if (e.exchange.documentUrl) return e.exchange.documentUrl;
  for (const e of entries) if (e.exchange.initiator && e.exchange.initiator !== 'null') return e.exchange.initiator;
  return null;
}

/** `version`: the extension's, from its manifest (read by the page's entry). */
export async function exportShown(store: PanelStore, version: string): Promise<void> {
  try {
    const result = exportReport(await exportInput(store, store.exportSecrets.value), version);
    store.notice.value = { tone: 'info', text: m('panel_export_saved', { count: result.exchanges, file: result.fileName }) };
  } catch (err) {
    store.notice.value = { tone: 'error', text: m('panel_export_failed', { error: err instanceof Error ? err.message : String(err) }) };
  }
}
