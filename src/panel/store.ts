/**
 * The panel's state as signals. Inbound port messages change it only through `applyPortMessage`
 * (apply-message.ts); the UI changes only the view state (filters, sort, selection).
 */
import { computed, signal } from '@preact/signals';
import type { VerdictKind } from '../core/model/verdict';
import type { ExchangeEntry, Settings, TabSummary, VerdictCounts } from '../shared/protocol';
import { emptyCounts } from '../shared/protocol';
import type { KindFilter } from './table/filter';
import { createFilter } from './table/filter';
import type { Row, SortSpec, TableLine } from './table/rows';
import { createSorter } from './table/sort';
import { createSearchIndex } from './table/search';
import type { Severity } from '../core/findings/types';
import type { LogFindings } from './findings/log-findings';
import { indexFindings, NO_FINDINGS } from './findings/log-findings';
import { type Msg, EN } from '../core';
import type { Text } from './text';
import { words } from '../ui/i18n';
import { localEntries, type EntrySource } from '../shared/entry-source';

type ConnectionState =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'reconnecting'; attempt: number; inMs: number }
  | { state: 'failed'; message: Text };

export interface ImportedLog {
  /** File name shown in the banner. */
  name: string;
  rows: Row[];
  /** The file's full entries (the rows are made from them): details and export read them here. */
  entries: ExchangeEntry[];
  /** Entries of the file that could not be read, with the reader's words. */
  problems: Text[];
  /** The file's findings and preflight cost, computed by the core when it was read. */
  findings: LogFindings;
}

type Notice = { tone: 'info' | 'error'; text: Msg } | null;

/** No live tab: nothing to ask for. */
const NO_ENTRIES: EntrySource = { one: async () => null, all: async () => [] };

/** `remote`: the live tab's full entries (details and export ask for them; the store holds rows only). */
export function createPanelStore(remote: EntrySource = NO_ENTRIES) {
  /** Live log of the inspected tab, in order of first sight. */
  const live = signal<Row[]>([]);
  const summary = signal<TabSummary | null>(null);
  const settings = signal<Settings | null>(null);
  const connection = signal<ConnectionState>({ state: 'connecting' });
  /** A closed tab or a navigation that cleared the log: said once, in words. */
  const notice = signal<Notice>(null);
  const imported = signal<ImportedLog | null>(null);
  /** Findings and preflight cost of the live tab, as the worker last sent them (port event `findings`). */
  const liveFindings = signal<LogFindings>(NO_FINDINGS);

  /** The verdict filter buttons (All / Blocked / Preflighted / Simple). */
  const kindFilter = signal<KindFilter>('all');
  const showNonCors = signal(false);
  /** The Findings filter: only exchanges with a finding at or above this severity (null: off). */
  const findingFilter = signal<Severity | null>(null);
  /** What the main area shows: the exchanges, or the preflight cost per endpoint. */
  const view = signal<'log' | 'cost'>('log');
  /** What is typed in the filter box. */
  const filterText = signal('');
  const sort = signal<SortSpec>({ column: 'time', dir: 'asc' });
  /** Key (TableLine.key) of the line the keyboard is on: it stays on that line through sorts and updates. */
  const activeKey = signal<string | null>(null);
  /** Export Cookie / Authorization values too (off unless the user ticks it). */
  const exportSecrets = signal(false);
  /** Key (TableLine.key) of the line whose details are open. */
  const openKey = signal<string | null>(null);

  const rows = computed<readonly Row[]>(() => imported.value?.rows ?? live.value);
  /** Where the full entries of the rows shown are: the worker's, or the imported file's. */
  const entries = computed<EntrySource>(() => {
    const file = imported.value;
    return file ? localEntries(file.entries) : remote;
  });
  const findings = computed<LogFindings>(() => imported.value?.findings ?? liveFindings.value);
  /** Findings by exchange id, worst severity per exchange and counts: built once per change of the findings. */
  const findingIndex = computed(() => indexFindings(findings.value.findings));
  // The reason column sorts by its words as shown: only that sort follows the language.
  // Each column's order is kept, and kept up to date as rows arrive (sort.ts); Panel warms them while the page is idle.
  const sortOf = createSorter();
  const sorted = computed(() => sortOf(rows.value, sort.value, sort.value.column === 'reason' ? words.value : EN));
  /** What the filter box searches, prepared per row (Panel warms it while the page is idle). */
  const search = createSearchIndex();
  const filter = createFilter(32, search);
  const filtered = computed(() => {
    const min = findingFilter.value;
    const text = filterText.value;
    // The text is searched in the words shown: only a non-empty filter follows the language.
    return filter(sorted.value, kindFilter.value, showNonCors.value, text, min === null ? null : { min, worst: findingIndex.value.worst },
      text.trim() === '' ? EN : words.value);
  });
  /** The table's lines: filtered exchanges, each followed by its preflights. */
  const visible = computed<TableLine[]>(() => filtered.value.lines);
  /** How many exchanges pass the filters. */
  const shown = computed(() => filtered.value.rows.length);
  const counts = computed<VerdictCounts>(() => {
    const c = emptyCounts();
    for (const r of rows.value) c[r.kind as VerdictKind]++;
    return c;
  });
  const activeIndex = computed(() => {
    const key = activeKey.value;
    return key === null ? -1 : visible.value.findIndex((d) => d.key === key);
  });
  const open = computed(() => {
    const key = openKey.value;
    if (key === null) return null;
    const hash = key.indexOf('#preflight-');
    const id = hash < 0 ? key : key.slice(0, hash);
    const row = rows.value.find((r) => r.id === id);
    if (!row) return null;
    return { row, preflightIndex: hash < 0 ? null : Number(key.slice(hash + '#preflight-'.length)) };
  });

  return {
    live, summary, settings, connection, notice, imported, liveFindings,
    kindFilter, showNonCors, findingFilter, view, filterText, sort, activeKey, openKey, exportSecrets,
    rows, entries, sorted, visible, shown, counts, activeIndex, open, search, findings, findingIndex,
    sorter: sortOf,
  };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
