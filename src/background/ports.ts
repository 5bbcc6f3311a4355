/**
 * Live ports, one per inspected tab (`portName(tabId)`). A port gets the tab's snapshot as compact rows
 * (`ExchangeRow`, in pages of SNAPSHOT_PAGE) when it connects, then batched `upsert` events of rows (one
 * per tab per flush), `reset` (followed by a fresh snapshot) and `settings`. A row is made once per entry
 * version (cached by entry object); the full entries travel only on request (`get-entry`, `get-entries`). Every snapshot is followed by the tab's `findings`; after that, `findings`
 * goes out (from `flushFindings`, on its own slower throttle) only when the tab's findings changed.
 */
import type { ExchangeEntry, ExchangeRow, PortEventArgs, Settings, TabFindings, TabSnapshot, TabSummary } from '../shared/protocol';
import { emptyCounts, SNAPSHOT_PAGE } from '../shared/protocol';
import { toExchangeRow } from '../shared/exchange-row';
import { portMessage, type EventSink } from '../shared/transport';
import { debug } from '../shared/debug';
import type { ResetReason, Store, StoreObserver } from './tabs/store';
import { withLens, type FindingsLens } from './findings';

/** The findings side the hub needs. */
type FindingsSource = Pick<FindingsLens, 'forTab' | 'latest' | 'changes' | 'markSent'>;

export class PortHub implements StoreObserver {
  private readonly sinks = new Map<number, Set<EventSink>>();
  private readonly changed = new Map<number, Map<string, ExchangeEntry>>();
  private readonly metaDirty = new Set<number>();
  /** The row of each entry version sent (weak: an entry replaced or dropped takes its row with it). */
  private readonly rows = new WeakMap<ExchangeEntry, ExchangeRow>();

  constructor(
    private readonly store: Store,
    private readonly snapshot: (tabId: number) => TabSnapshot,
    private readonly schedule: () => void,
    private readonly findings: FindingsSource,
  ) {}

  get connections(): number {
    let n = 0;
    for (const s of this.sinks.values()) n += s.size;
    return n;
  }

  /** Registers a page's port and sends it the tab's snapshot. */
  connect(tabId: number, sink: EventSink): void {
    let set = this.sinks.get(tabId);
    if (!set) this.sinks.set(tabId, (set = new Set()));
    set.add(sink);
    sink.onClose(() => this.disconnect(tabId, sink));
    this.sendSnapshot(tabId, [sink], this.snapshot(tabId));
    // With other ports open on the tab, not marked as sent: they may hold an older list, which the next flush updates.
    this.sendFindings(tabId, [sink], set.size === 1);
  }

  // ---- StoreObserver ----
  entry(tabId: number, e: ExchangeEntry): void {
    if (!this.sinks.has(tabId)) return;
    let m = this.changed.get(tabId);
    if (!m) this.changed.set(tabId, (m = new Map()));
    m.set(e.exchange.id, e);
    this.schedule();
  }
  removed(tabId: number): void { this.markMeta(tabId); }
  meta(tabId: number): void { this.markMeta(tabId); }
  reset(tabId: number, reason: ResetReason): void {
    this.changed.delete(tabId);
    this.metaDirty.delete(tabId);
    const sinks = this.sinks.get(tabId);
    if (!sinks) return;
    const snap = this.snapshot(tabId);
    for (const s of [...sinks]) this.send(tabId, s, 'reset', { reason, summary: snap.summary });
    this.sendSnapshot(tabId, [...sinks], snap);
    this.sendFindings(tabId, [...sinks], true);
  }
  tabRemoved(tabId: number): void {
    this.changed.delete(tabId);
    this.metaDirty.delete(tabId);
    const summary: TabSummary = { tabId, page: null, counts: emptyCounts(), total: 0, dropped: 0, blocked: [] };
    for (const s of [...(this.sinks.get(tabId) ?? [])]) this.send(tabId, s, 'reset', { reason: 'closed', summary });
  }

  settings(settings: Settings): void {
    for (const [tabId, set] of this.sinks) for (const s of [...set]) this.send(tabId, s, 'settings', settings);
  }

  /** Sends the batched upserts: one message per tab with the row of every entry that changed. */
  flush(): void {
    const tabs = new Set([...this.changed.keys(), ...this.metaDirty]);
    for (const tabId of tabs) {
      const sinks = this.sinks.get(tabId);
      const changed = this.changed.get(tabId);
      this.changed.delete(tabId);
      this.metaDirty.delete(tabId);
      if (!sinks || !this.store.peek(tabId)) continue;
      const rows = changed ? Array.from(changed.values(), (e) => this.rowOf(e)) : [];
      const summary = withLens(this.store.summary(tabId), this.findings.latest(tabId));
      for (const s of [...sinks]) this.send(tabId, s, 'upsert', { rows, summary });
    }
  }

  /** Sends `findings` to the tabs whose findings changed since they were last sent. */
  flushFindings(): void {
    if (this.sinks.size === 0) return;
    for (const value of this.findings.changes([...this.sinks.keys()])) {
      for (const s of [...(this.sinks.get(value.tabId) ?? [])]) this.send(value.tabId, s, 'findings', value);
    }
  }

  /** The compact row of an entry, made once per entry version. */
  private rowOf(e: ExchangeEntry): ExchangeRow {
    let row = this.rows.get(e);
    if (!row) this.rows.set(e, (row = toExchangeRow(e)));
    return row;
  }

  /** Sends a snapshot as rows, in pages: the first page replaces what the page holds, the next ones append. */
  private sendSnapshot(tabId: number, sinks: EventSink[], snap: TabSnapshot): void {
    const rows = snap.entries.map((e) => this.rowOf(e));
    const parts = Math.max(1, Math.ceil(rows.length / SNAPSHOT_PAGE));
    for (let part = 0; part < parts; part++) {
      const page = rows.slice(part * SNAPSHOT_PAGE, (part + 1) * SNAPSHOT_PAGE);
      for (const s of sinks) this.send(tabId, s, 'snapshot', { summary: snap.summary, settings: snap.settings, rows: page, part, parts });
    }
  }

  /** Sends the tab's findings to `sinks`; `all`: those are all the tab's ports (what they hold is now known). */
  private sendFindings(tabId: number, sinks: EventSink[], all: boolean): void {
    let value: TabFindings;
    try {
      value = this.findings.forTab(tabId);
    } catch (err) {
      debug.warn('ports', 'could not compute the findings of a tab', err);
      return;
    }
    if (all) this.findings.markSent(value);
    for (const s of sinks) this.send(tabId, s, 'findings', value);
  }

  private markMeta(tabId: number): void {
    if (!this.sinks.has(tabId)) return;
    this.metaDirty.add(tabId);
    this.schedule();
  }

  private send(tabId: number, sink: EventSink, ...[name, payload]: PortEventArgs): void {
    try {
      sink.send(portMessage(name, payload));
    } catch (err) {
      debug.log('ports', 'a port went away while sending', err);
      this.disconnect(tabId, sink);
    }
  }

  private disconnect(tabId: number, sink: EventSink): void {
    const set = this.sinks.get(tabId);
    if (!set) return;
    set.delete(sink);
    if (set.size === 0) {
      this.sinks.delete(tabId);
      this.changed.delete(tabId);
      this.metaDirty.delete(tabId);
    }
  }
}
