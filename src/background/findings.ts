/**
 * The security and cost lens in the worker: the core's `findingsOf` over the whole log (every tab: a
 * reflected origin is seen across tabs), delivered per tab. Following the store costs a dirty flag per
 * change; the log is only read when someone asks (a `get-summary`, a port's snapshot) or, while a panel
 * is connected, on a throttle after changes (`delays.findings`, or 4× the last computation when that is
 * longer: a 50,000-entry log is not recomputed continuously). One computation serves every tab until
 * the log changes again; a tab's preflight cost is recomputed only when that tab changed.
 */
import { countBySeverity, findingsOf, preflightCost, severityRank, worstSeverity } from '../core/findings';
import { costTotals, type EndpointCost } from '../core/findings/cost';
import type { Finding } from '../core/findings/types';
import type { ExchangeEntry, TabCostSummary, TabFindings, TabFindingsSummary, TabSummary } from '../shared/protocol';
import { SUMMARY_TOP_COST, SUMMARY_TOP_FINDINGS } from '../shared/protocol';
import type { Store, StoreObserver } from './tabs/store';

interface FindingsStats {
  /** Whole-log computations (findingsOf calls). */
  computed: number;
  /** Per-tab cost computations (preflightCost calls). */
  costs: number;
  /** Duration of the last whole-log computation, ms. */
  lastMs: number;
}

interface Computed {
  generation: number;
  findings: Finding[];
  /** Exchange id → the tab whose log holds it. */
  tabOf: Map<string, number>;
}

export class FindingsLens implements StoreObserver {
  /** Bumped on every change of any tab's entries. */
  private generation = 0;
  private computed: Computed | null = null;
  private readonly perTab = new Map<number, { generation: number; value: TabFindings }>();
  private readonly costs = new Map<number, EndpointCost[]>();
  /** What each tab's ports were last sent (a signature), so an unchanged result is not sent again. */
  private readonly sent = new Map<number, string>();
  readonly stats: FindingsStats = { computed: 0, costs: 0, lastMs: 0 };

  constructor(
    private readonly store: Store,
    /** Asks for `flush()` soon (throttled by the caller). */
    private readonly schedule: () => void,
    /** Whether any page listens (ports connected): no listener, no scheduled work. */
    private readonly listening: () => boolean,
  ) {}

  // ---- StoreObserver: a flag and, when a panel listens, a throttled flush ----
  entry(tabId: number): void { this.touch(tabId); }
  removed(tabId: number): void { this.touch(tabId); }
  meta(): void {}
  reset(tabId: number): void { this.touch(tabId); }
  tabRemoved(tabId: number): void {
    this.touch(tabId);
    this.sent.delete(tabId);
    this.perTab.delete(tabId);
  }

  /** Whether the log changed since the last computation. */
  get dirty(): boolean {
    return this.computed === null || this.computed.generation !== this.generation;
  }

  /** The tab's findings and cost, computed now when the log changed since (else the kept result). */
  forTab(tabId: number): TabFindings {
    const kept = this.perTab.get(tabId);
    if (kept && kept.generation === this.generation) return kept.value;
    const all = this.compute();
    const findings = all.findings.filter((f) => f.exchangeIds.some((id) => all.tabOf.get(id) === tabId));
    let cost = this.costs.get(tabId);
    if (!cost) {
      this.stats.costs++;
      cost = preflightCost(this.entriesOf(tabId));
      this.costs.set(tabId, cost);
    }
    const value: TabFindings = { tabId, findings, cost, summary: { findings: findingsSummary(findings), cost: costSummary(cost) } };
    this.perTab.set(tabId, { generation: this.generation, value });
    return value;
  }

  /** The last computed blocks of a tab, without computing (port `upsert`/`reset` summaries). */
  latest(tabId: number): TabFindings['summary'] | null {
    return this.perTab.get(tabId)?.value.summary ?? null;
  }

  /**
   * For the tabs whose ports listen: the findings that changed since they were last sent. Computes
   * only when the log changed; returns nothing when no page listens.
   */
  changes(tabIds: Iterable<number>): TabFindings[] {
    if (!this.listening()) return [];
    const out: TabFindings[] = [];
    for (const tabId of tabIds) {
      const value = this.forTab(tabId);
      const sig = signature(value);
      if (this.sent.get(tabId) === sig) continue;
      this.sent.set(tabId, sig);
      out.push(value);
    }
    return out;
  }

  /** Records that a tab's ports were just sent this value (a snapshot's follow-up). */
  markSent(value: TabFindings): void {
    this.sent.set(value.tabId, signature(value));
  }

  private touch(tabId: number): void {
    this.generation++;
    this.costs.delete(tabId);
    if (this.listening()) this.schedule();
  }

  private compute(): Computed {
    if (this.computed && this.computed.generation === this.generation) return this.computed;
    const entries: ExchangeEntry[] = [];
    const tabOf = new Map<string, number>();
    for (const tabId of this.store.tabIds()) {
      const log = this.store.peek(tabId);
      if (!log) continue;
      for (const e of log.entries.values()) {
        entries.push(e);
        tabOf.set(e.exchange.id, tabId);
      }
    }
    this.stats.computed++;
    const t0 = Date.now();
    this.computed = { generation: this.generation, findings: findingsOf(entries), tabOf };
    this.stats.lastMs = Date.now() - t0;
    return this.computed;
  }

  private entriesOf(tabId: number): ExchangeEntry[] {
    const log = this.store.peek(tabId);
    return log ? [...log.entries.values()] : [];
  }
}

/** Counts, worst severity and the worst few, by severity then endpoint (then the core's order). */
export function findingsSummary(findings: readonly Finding[]): TabFindingsSummary {
  const top = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) ||
      (a.f.endpoint < b.f.endpoint ? -1 : a.f.endpoint > b.f.endpoint ? 1 : 0) || a.i - b.i)
    .slice(0, SUMMARY_TOP_FINDINGS)
    .map((x) => x.f);
  return { counts: countBySeverity(findings), total: findings.length, worst: worstSeverity(findings), top };
}

/** A tab summary carrying the lens's blocks (none computed yet: the summary as it is). */
export function withLens(summary: TabSummary, blocks: TabFindings['summary'] | null): TabSummary {
  return blocks ? { ...summary, findings: blocks.findings, cost: blocks.cost } : summary;
}

export function costSummary(cost: readonly EndpointCost[]): TabCostSummary {
  return { ...costTotals(cost), endpoints: cost.length, top: cost.slice(0, SUMMARY_TOP_COST) };
}

/** What a page would see change: ids, severities, texts, exchanges and the cost figures. */
function signature(v: TabFindings): string {
  const parts: string[] = [];
  for (const f of v.findings) parts.push(`${f.id}\t${f.severity}\t${f.endpoint}\t${f.variant}\t${f.summary}\t${f.exchangeIds.length}\t${f.exchangeIds.at(-1) ?? ''}`);
  parts.push('');
  for (const c of v.cost) parts.push(`${c.endpoint}\t${c.preflights}\t${c.waited.totalMs}\t${c.maxAge.sent ?? ''}\t${c.saved.preflights}`);
  return parts.join('\n');
}
