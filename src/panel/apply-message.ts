/** The one place where inbound port messages change the panel store. */
import { batch } from '@preact/signals';
import type { ExchangeEntry, PortMessage } from '../shared/protocol';
import type { Row } from './table/rows';
import { toRow } from './table/rows';
import type { PanelStore } from './store';
import { sanitizeEntries } from '../core/model/sanitize';
import { NO_FINDINGS, receivedFindings } from './findings/log-findings';
import { m } from '../core';

const bySeq = (a: ExchangeEntry, b: ExchangeEntry) => a.seq - b.seq;

/**
 * Entries from a port go through the core's one boundary (sanitize.ts): a worker of another version or a
 * corrupted store cannot hand the panel a record that makes it throw. Well-typed entries come back as they are.
 */
const received = (list: unknown): ExchangeEntry[] =>
  sanitizeEntries(list).map((e) => (e.seq !== undefined && e.pageId !== undefined ? e as ExchangeEntry : { ...e, seq: e.seq ?? 0, pageId: e.pageId ?? '' }));

function upsert(current: readonly Row[], entries: readonly ExchangeEntry[]): Row[] {
  const next = current.slice();
  const index = new Map<string, number>();
  for (let i = 0; i < next.length; i++) index.set(next[i]!.id, i);
  let appended = false;
  for (const e of entries) {
    const at = index.get(e.exchange.id);
    if (at !== undefined) {
      next[at] = toRow(e);
    } else {
      index.set(e.exchange.id, next.length);
      next.push(toRow(e));
      appended = true;
    }
  }
  // Entries normally arrive in order of first sight; keep that order if a batch did not.
  if (appended) {
    for (let i = 1; i < next.length; i++) {
      if (next[i - 1]!.entry.seq > next[i]!.entry.seq) return next.sort((a, b) => bySeq(a.entry, b.entry));
    }
  }
  return next;
}

function snapshotRows(entries: readonly ExchangeEntry[]): Row[] {
  // A snapshot replaces everything; duplicate ids (should not happen) keep the newest.
  const unique = new Map<string, ExchangeEntry>();
  for (const e of entries) unique.set(e.exchange.id, e);
  return [...unique.values()].sort(bySeq).map(toRow);
}

export function applyPortMessage(store: PanelStore, message: PortMessage): void {
  batch(() => {
    switch (message.name) {
      case 'snapshot': {
        const p = message.payload;
        store.live.value = snapshotRows(received(p.entries));
        store.summary.value = p.summary;
        store.settings.value = p.settings;
        store.connection.value = { state: 'live' };
        break;
      }
      case 'upsert': {
        const p = message.payload;
        store.live.value = upsert(store.live.value, received(p.entries));
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
