/**
 * Import HAR: the file is read by the report helper's `readHar` and every exchange is judged by the
 * same classifier as live traffic. Problems become a message in the panel, never a blank view.
 */
import { classify } from '../core/classify/classify';
import { DEFAULT_MAX_BYTES, HarReadError, readHar } from '../core/har';
import type { Verdict } from '../core/model/verdict';
import type { ExchangeEntry } from '../shared/protocol';
import { PREVIEW_CHARS } from '../ui/long-text';
import { toRow } from './table/rows';
import { findingsOfEntries } from './findings/log-findings';
import type { ImportedLog, PanelStore } from './store';

interface HarFileLike {
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
    verdict: settled(classify(exchange)),
    seq: i + 1,
    pageId: 'imported',
  }));
  return { name: file.name, rows: entries.map(toRow), problems: result.warnings, findings: findingsOfEntries(entries) };
}

/**
 * The classifier builds a reason's console messages by concatenation, around the received value; V8 keeps
 * such a string as a rope, and the first read of any character copies it whole (a quarter of a second for
 * a 10 MB header value). Verdicts that come over the port are flat already; flatten these while importing,
 * so that opening the details (which shows the start of each message) never pays for it.
 */
function settled(v: Verdict): Verdict {
  for (const r of v.reasons) {
    for (const text of [r.chromeMessage, r.firefoxMessage, r.summary, r.expected]) {
      if (text !== null && text.length > PREVIEW_CHARS) void text.charCodeAt(0);
    }
  }
  return v;
}

/** Shows a HAR file in the panel, or says in words why it cannot. */
export async function importHarInto(store: PanelStore, file: HarFileLike): Promise<void> {
  try {
    const log = await readHarFile(file);
    store.imported.value = log;
    store.findingFilter.value = null;
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
