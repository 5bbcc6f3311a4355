/**
 * The panel's state as signals. Inbound port messages change it only through `applyPortMessage`
 * (apply-message.ts); the UI changes only the view state (filters, sort, selection).
 */
import { computed, signal } from '@preact/signals';
import type { VerdictKind } from '../core/model/verdict';
import type { Settings, TabSummary, VerdictCounts } from '../shared/protocol';
import { emptyCounts } from '../shared/protocol';
import type { KindFilter } from './table/filter';
import { createFilter } from './table/filter';
import type { Row, SortSpec, TableLine } from './table/rows';
import { sortRows } from './table/rows';
import { createSearchIndex } from './table/search';

type ConnectionState =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'reconnecting'; attempt: number; inMs: number }
  | { state: 'failed'; message: string };

export interface ImportedLog {
  /** File name shown in the banner. */
  name: string;
  rows: Row[];
  /** Entries of the file that could not be read, with the reader's words. */
  problems: string[];
}

type Notice = { tone: 'info' | 'error'; text: string } | null;

export function createPanelStore() {
  /** Live log of the inspected tab, in order of first sight. */
  const live = signal<Row[]>([]);
  const summary = signal<TabSummary | null>(null);
  const settings = signal<Settings | null>(null);
  const connection = signal<ConnectionState>({ state: 'connecting' });
  /** A closed tab or a navigation that cleared the log: said once, in words. */
  const notice = signal<Notice>(null);
  const imported = signal<ImportedLog | null>(null);

  /** The verdict filter buttons (All / Blocked / Preflighted / Simple). */
  const kindFilter = signal<KindFilter>('all');
  const showNonCors = signal(false);
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
  const sorted = computed(() => sortRows(rows.value, sort.value));
  /** What the filter box searches, prepared per row (Panel warms it while the page is idle). */
  const search = createSearchIndex();
  const filter = createFilter(32, search);
  const filtered = computed(() => filter(sorted.value, kindFilter.value, showNonCors.value, filterText.value));
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
    live, summary, settings, connection, notice, imported,
    kindFilter, showNonCors, filterText, sort, activeKey, openKey, exportSecrets,
    rows, sorted, visible, shown, counts, activeIndex, open, search,
  };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
