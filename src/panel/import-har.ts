/**
 * Import HAR: the file is read by the report helper's `readHar` and every exchange is judged by the
 * same classifier as live traffic. Problems become a message in the panel, never a blank view.
 */
import { classify } from '../core/classify/classify';
import { DEFAULT_MAX_BYTES, HarReadError, readHar } from '../core/har';
import { formatBytes } from '../core/har/read/errors';
import type { Verdict } from '../core/model/verdict';
import type { ExchangeEntry } from '../shared/protocol';
import { PREVIEW_CHARS } from '../ui/long-text';
import { toRow } from './table/rows';
import { findingsOfEntries } from './findings/log-findings';
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
    for (const text of [r.chromeMessage, ...stringsOf(r.firefoxMessage), ...stringsOf(r.summary), ...stringsOf(r.expected)]) {
      if (text.length > PREVIEW_CHARS) void text.charCodeAt(0);
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
    const problem = log.problems[0];
    store.notice.value = log.rows.length === 0
      ? { tone: 'info', text: problem === undefined ? m('panel_import_empty', { name: file.name }) : m('panel_import_empty_why', { name: file.name, problem }) }
      : null;
  } catch (err) {
    const text = err instanceof HarReadError ? errorText(err) : m('panel_import_unreadable', { name: file.name, error: errorText(err) });
    store.notice.value = { tone: 'error', text: m('panel_import_failed', { text }) };
  }
}
