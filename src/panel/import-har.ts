/**
 * Import HAR: the file is read by the report helper's `readHar` and every exchange is judged by the
 * same classifier as live traffic. The rows are shown first; the file's findings and preflight cost follow
 * once they are painted. Problems become a message in the panel, never a blank view.
 */
import { classify } from '../core/classify/classify';
import { DEFAULT_MAX_BYTES, HarReadError, readHar } from '../core/har';
import { formatBytes } from '../core/har/read/errors';
import type { Verdict } from '../core/model/verdict';
import type { ExchangeEntry } from '../shared/protocol';
import { PREVIEW_CHARS } from '../ui/long-text';
import { rowOfEntry } from './table/rows';
import { findingsOfEntries, NO_FINDINGS } from './findings/log-findings';
import type { ImportedLog, PanelStore } from './store';
import { m, isMsg, EN } from '../core';
import { words } from '../ui/i18n';
import { stringsOf, type Text } from './text';

interface HarFileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** A reading error's words: its message when the reader gives one (`msg`), else its text. */
function errorText(err: unknown): Text {
  const msg = (err as { msg?: unknown } | null)?.msg;
  if (isMsg(msg)) return msg;
  return err instanceof Error ? err.message : String(err);
}

/** The file's exchanges as rows; its findings are not computed yet (NO_FINDINGS: importHarInto adds them). */
export async function readHarFile(file: HarFileLike, maxBytes = DEFAULT_MAX_BYTES): Promise<ImportedLog> {
  if (file.size > maxBytes) {
    // Sizes as the HAR reader writes them, in the page's language (the notice is made once, in that language).
    const lang = words.value.lang;
    const msg = m('panel_import_too_large', { name: file.name, size: formatBytes(file.size, lang), limit: formatBytes(maxBytes, lang) });
    throw new HarReadError('too-large', EN.t(msg), msg);
  }
  // Warnings come in the page's language at import time (errors carry a message, rendered when shown).
  const result = readHar(await file.text(), { maxBytes, words: words.value });
  const entries: ExchangeEntry[] = result.exchanges.map((exchange, i) => ({
    exchange,
    verdict: settled(classify(exchange)),
    seq: i + 1,
    pageId: 'imported',
  }));
  return { name: file.name, rows: entries.map(rowOfEntry), entries, problems: result.warnings, findings: NO_FINDINGS };
}

/**
 * The classifier builds a reason's console messages by concatenation, around the received value; V8 keeps
 * such a string as a rope, and the first read of any character copies it whole (a quarter of a second for
 * a 10 MB header value). Verdicts that come over the port are flat already; flatten these while importing,
 * so that opening the details (which shows the start of each message) never pays for it.
 */
function settled(v: Verdict): Verdict {
  for (const r of v.reasons) {
    for (const text of [r.chromeMessage, ...stringsOf(r.firefoxMessage), ...stringsOf(r.summary), ...stringsOf(r.expected)]) {
      if (text.length > PREVIEW_CHARS) void text.charCodeAt(0);
    }
  }
  return v;
}

/** Resolves after the next frame has been painted, or after a tenth of a second in a page that draws none (hidden). */
const afterPaint = () => new Promise<void>((resolve) => {
  setTimeout(resolve, 100);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
});

/**
 * Shows a HAR file in the panel, or says in words why it cannot. The rows are drawn first; the findings
 * (a pass of the core over every exchange) are computed after that frame, and the promise resolves then.
 */
export async function importHarInto(store: PanelStore, file: HarFileLike): Promise<void> {
  let log: ImportedLog;
  try {
    log = await readHarFile(file);
    store.imported.value = log;
    store.findingFilter.value = null;
    store.openKey.value = null;
    store.activeKey.value = null;
    const problem = log.problems[0];
    store.notice.value = log.rows.length === 0
      ? { tone: 'info', text: problem === undefined ? m('panel_import_empty', { name: file.name }) : m('panel_import_empty_why', { name: file.name, problem }) }
      : null;
  } catch (err) {
    const text = err instanceof HarReadError ? errorText(err) : m('panel_import_unreadable', { name: file.name, error: errorText(err) });
    store.notice.value = { tone: 'error', text: m('panel_import_failed', { text }) };
    return;
  }
  await afterPaint();
  // Another file, or the live log, may be shown by now: the findings are this file's.
  if (store.imported.value === log) store.imported.value = { ...log, findings: findingsOfEntries(log.entries) };
}
