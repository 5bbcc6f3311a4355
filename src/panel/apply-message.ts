/**
 * The one place where inbound port messages change the panel store. The worker sends compact rows: a
 * snapshot in pages (the first replaces the live rows, the next ones append), then batched upserts.
 */
import { batch } from '@preact/signals';
import type { ExchangeRow, PortMessage } from '../shared/protocol';
import type { Row } from './table/rows';
import { toRow } from './table/rows';
import type { PanelStore } from './store';
import { NO_FINDINGS, receivedFindings } from './findings/log-findings';
import { m } from '../core';

const isRow = (r: unknown): r is ExchangeRow => {
  const x = r as Partial<ExchangeRow> | null;
  return typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.seq === 'number' && typeof x.kind === 'string' &&
    typeof x.method === 'string' && typeof x.url === 'string' && typeof x.start === 'number' && typeof x.hay === 'string' &&
    Array.isArray(x.preflights) && Array.isArray(x.summaries);
};

/** Rows from a port: a worker of another version cannot hand the panel a row it cannot draw (such rows are left out). */
const received = (list: unknown): ExchangeRow[] => (Array.isArray(list) ? list.filter(isRow) : []);

/**
 * The id → position index of the live rows, kept with the array it describes: a snapshot of 50,000 rows
 * comes in 25 pages and each page (and each upsert) updates the index instead of rebuilding it.
 */
const indexes = new WeakMap<readonly Row[], Map<string, number>>();

function indexOf(rows: readonly Row[]): Map<string, number> {
  const known = indexes.get(rows);
  if (known) return known;
  const index = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) index.set(rows[i]!.id, i);
  return index;
}

/** New rows and new versions of rows, merged into `current` (replaced in place, appended in order of first sight). */
function upsert(current: readonly Row[], rows: readonly ExchangeRow[]): Row[] {
  const next = current.slice();
  if (rows.length === 0) return next;
  // The index moves to the new array: the old one is not updated again (every change makes a new array).
  const index = indexOf(current);
  indexes.delete(current);
  const firstAppended = next.length;
  for (const d of rows) {
    const at = index.get(d.id);
    if (at !== undefined) {
      next[at] = toRow(d);
    } else {
      index.set(d.id, next.length);
      next.push(toRow(d));
    }
  }
  // Rows normally arrive in order of first sight; keep that order if a batch did not (only appended rows can break it).
  for (let i = Math.max(1, firstAppended); i < next.length; i++) {
    if (next[i - 1]!.data.seq > next[i]!.data.seq) {
      next.sort((a, b) => a.data.seq - b.data.seq);
      index.clear();
      for (let j = 0; j < next.length; j++) index.set(next[j]!.id, j);
      break;
    }
  }
  indexes.set(next, index);
  return next;
}

export function applyPortMessage(store: PanelStore, message: PortMessage): void {
  batch(() => {
    switch (message.name) {
      case 'snapshot': {
        const p = message.payload;
        // Part 0 replaces everything (duplicate ids, which should not happen, keep the newest); the next parts append.
        store.live.value = upsert(p.part > 0 ? store.live.value : [], received(p.rows));
        store.summary.value = p.summary;
        store.settings.value = p.settings;
        store.connection.value = { state: 'live' };
        break;
      }
      case 'upsert': {
        const p = message.payload;
        store.live.value = upsert(store.live.value, received(p.rows));
        store.summary.value = p.summary;
        break;
      }
      case 'reset': {
        const p = message.payload;
        store.summary.value = p.summary;
        if (p.reason === 'closed') {
          store.notice.value = { tone: 'info', text: m('panel_notice_tab_closed') };
          break;
        }
        store.live.value = [];
        store.liveFindings.value = NO_FINDINGS;
        if (!store.imported.value) {
          store.openKey.value = null;
          store.activeKey.value = null;
        }
        store.notice.value = p.reason === 'navigation'
          ? { tone: 'info', text: m('panel_notice_navigated') }
          : null;
        break;
      }
      case 'settings':
        store.settings.value = message.payload;
        break;
      case 'findings':
        // Checked like entries: a worker of another version cannot hand the panel a finding it cannot draw.
        store.liveFindings.value = receivedFindings(message.payload);
        break;
    }
  });
}
