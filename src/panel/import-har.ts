/**
 * Import HAR: the file is read by the report helper's `readHar` and every exchange is judged by the
 * same classifier as live traffic. Problems become a message in the panel, never a blank view.
 */
import { classify } from '../core/classify';
import { DEFAULT_MAX_BYTES, HarReadError, readHar } from '../core/har';
import type { ExchangeEntry } from '../shared/protocol';
import { toRow } from './rows';
import type { ImportedLog, PanelStore } from './store';

export interface HarFileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function readHarFile(file: HarFileLike, maxBytes = DEFAULT_MAX_BYTES): Promise<ImportedLog> {
  if (file.size > maxBytes) {
    throw new HarReadError('too-large', `“${file.name}” is ${mb(file.size)}; the limit is ${mb(maxBytes)}. Record a shorter session or filter the HAR first.`);
  }
  const result = readHar(await file.text(), { maxBytes });
  const entries: ExchangeEntry[] = result.exchanges.map((exchange, i) => ({
    exchange,
    verdict: classify(exchange),
    seq: i + 1,
    pageId: 'imported',
  }));
  return { name: file.name, rows: entries.map(toRow), problems: result.warnings };
}

/** Shows a HAR file in the panel, or says in words why it cannot. */
export async function importHarInto(store: PanelStore, file: HarFileLike): Promise<void> {
  try {
    const log = await readHarFile(file);
    store.imported.value = log;
    store.openKey.value = null;
    store.activeKey.value = null;
    store.notice.value = log.rows.length === 0
      ? { tone: 'info', text: `“${file.name}” contains no requests CORS Lens could read.${log.problems.length ? ` ${log.problems[0]}` : ''}` }
      : null;
  } catch (err) {
    const text = err instanceof HarReadError ? err.message : `“${file.name}” could not be read: ${err instanceof Error ? err.message : String(err)}`;
    store.notice.value = { tone: 'error', text: `Import failed. ${text}` };
  }
}
