/**
 * Import HAR: the file is read by the report helper's `readHar` and every exchange is judged by the
 * same classifier as live traffic. The first rows are shown as soon as they are judged, the rest join them
 * between frames; the file's findings and preflight cost follow once every row is in. Problems become a
 * message in the panel, never a blank view.
 */
import { classify } from '../core/classify/classify';
import { DEFAULT_MAX_BYTES, HarReadError, readHar } from '../core/har';
import { formatBytes } from '../core/har/read/errors';
import type { Exchange } from '../core/model/exchange';
import type { Verdict } from '../core/model/verdict';
import type { ExchangeEntry } from '../shared/protocol';
import { PREVIEW_CHARS } from '../ui/long-text';
import { rowOfEntry, type Row } from './table/rows';
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

/** A file read and its exchanges rebuilt, none judged yet. */
interface OpenedHar {
  exchanges: Exchange[];
  problems: Text[];
}

async function openHar(file: HarFileLike, maxBytes: number): Promise<OpenedHar> {
  if (file.size > maxBytes) {
    // Sizes as the HAR reader writes them, in the page's language (the notice is made once, in that language).
    const lang = words.value.lang;
    const msg = m('panel_import_too_large', { name: file.name, size: formatBytes(file.size, lang), limit: formatBytes(maxBytes, lang) });
    throw new HarReadError('too-large', EN.t(msg), msg);
  }
  // Warnings come in the page's language at import time (errors carry a message, rendered when shown).
  const result = readHar(await file.text(), { maxBytes, words: words.value });
  return { exchanges: result.exchanges, problems: result.warnings };
}

/** Exchange `i` of a file, judged by the classifier. */
const entryOf = (exchange: Exchange, i: number): ExchangeEntry => ({ exchange, verdict: settled(classify(exchange)), seq: i + 1, pageId: 'imported' });

/** The file's exchanges as rows, all judged at once; its findings are not computed yet (NO_FINDINGS). */
export async function readHarFile(file: HarFileLike, maxBytes = DEFAULT_MAX_BYTES): Promise<ImportedLog> {
  const { exchanges, problems } = await openHar(file, maxBytes);
  const entries = exchanges.map(entryOf);
  return { name: file.name, rows: entries.map(rowOfEntry), entries, problems, findings: NO_FINDINGS };
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

/** Resolves in a task of its own, so the page may draw and handle input first (a message: timeouts are clamped). */
const nextTask = () => new Promise<void>((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
  channel.port2.postMessage(null);
});

/** Exchanges judged before the first rows are drawn: more than a screenful, a small part of a large file. */
const FIRST_ROWS = 200;
/** The longest stretch of judging between two chances for the page to draw and answer input (ms). */
const SLICE_MS = 12;
/** How often the rows judged so far go to the table meanwhile (ms): each hand-over sorts and filters them again. */
const HAND_OVER_MS = 120;

/**
 * Shows a HAR file in the panel, or says in words why it cannot. The whole file is read and its exchanges
 * rebuilt first (a redirect's next hop or a preflight can be anywhere in it); then the first FIRST_ROWS
 * exchanges are judged and drawn, and the rest are judged in slices between frames, joining the table as they
 * come. The findings (a pass of the core over every exchange) are computed once every row is in, after that
 * frame, and the promise resolves then. Another file, or the live log, shown meanwhile stops the work.
 */
export async function importHarInto(store: PanelStore, file: HarFileLike): Promise<void> {
  let opened: OpenedHar;
  try {
    opened = await openHar(file, DEFAULT_MAX_BYTES);
  } catch (err) {
    const text = err instanceof HarReadError ? errorText(err) : m('panel_import_unreadable', { name: file.name, error: errorText(err) });
    store.notice.value = { tone: 'error', text: m('panel_import_failed', { text }) };
    return;
  }
  const { exchanges, problems } = opened;
  const entries: ExchangeEntry[] = [];
  const rows: Row[] = [];
  const judge = (i: number) => {
    const entry = entryOf(exchanges[i]!, i);
    entries.push(entry);
    rows.push(rowOfEntry(entry));
  };
  for (let i = 0; i < Math.min(FIRST_ROWS, exchanges.length); i++) judge(i);
  // New arrays at each hand-over: the table's sorter tells appended rows by comparing with the last list.
  let log: ImportedLog = { name: file.name, rows: rows.slice(), entries: entries.slice(), problems, findings: NO_FINDINGS };
  store.imported.value = log;
  store.findingFilter.value = null;
  store.openKey.value = null;
  store.activeKey.value = null;
  const problem = problems[0];
  store.notice.value = exchanges.length === 0
    ? { tone: 'info', text: problem === undefined ? m('panel_import_empty', { name: file.name }) : m('panel_import_empty_why', { name: file.name, problem }) }
    : null;
  await afterPaint();
  let handedOver = performance.now();
  while (entries.length < exchanges.length) {
    if (store.imported.value !== log) return;
    const end = performance.now() + SLICE_MS;
    do judge(entries.length);
    while (entries.length < exchanges.length && performance.now() < end);
    if (entries.length === exchanges.length || performance.now() - handedOver >= HAND_OVER_MS) {
      log = { ...log, rows: rows.slice(), entries: entries.slice() };
      store.imported.value = log;
      handedOver = performance.now();
    }
    await nextTask();
  }
  await afterPaint();
  if (store.imported.value === log) store.imported.value = { ...log, findings: findingsOfEntries(log.entries) };
}
