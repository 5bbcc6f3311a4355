/**
 * Puts correlated records in their tab's log: picks the tab (`-1` → "Other") and the page session
 * (page-tracker.ts), leaves out same-origin requests unless they are recorded, and gives each
 * record its verdict — `pending` while in flight, classified once when it ended.
 */
import { OTHER_TAB } from '../../shared/protocol';
import type { Drained } from '../correlate/correlator';
import type { MainRecord } from '../correlate/main-record';
import { inFlightVerdict, safeClassify, type Classify } from '../correlate/verdicts';
import { looksSameOrigin } from './page-sessions';
import type { PageTracker } from './page-tracker';
import type { Store } from './store';

export class Recorder {
  private readonly originCache = new WeakMap<MainRecord, { url: string; same: boolean }>();

  constructor(
    private readonly store: Store,
    private readonly pages: PageTracker,
    private readonly classify: Classify,
    private readonly recordSameOrigin: () => boolean,
    /** Counts the classifier's runs. */
    private readonly stats: { classified: number },
  ) {}

  /** What the correlator handed out: claimed records leave the log, the others are shown in order of first sight. */
  record({ changed, ended, discarded }: Drained): void {
    for (const rec of discarded) if (rec.shown) this.store.discard(tabOf(rec), rec.ex.id);
    // In order of first sight, so that seq numbers follow the requests' start.
    const all: [MainRecord, boolean][] = [...changed.map((r) => [r, false] as [MainRecord, boolean]), ...ended.map((r) => [r, true] as [MainRecord, boolean])];
    all.sort((a, b) => a[0].ex.timings.start - b[0].ex.timings.start);
    for (const [rec, ended] of all) this.show(rec, ended);
  }

  /** An exchange by this id is in the tab's log and ended. */
  known(id: string, tabId: number): boolean {
    const e = this.store.peek(tabId >= 0 ? tabId : OTHER_TAB)?.entries.get(id);
    return e !== undefined && e.exchange.outcome.state !== 'pending';
  }

  /** Puts a record in the store: `pending` while in flight, classified once when it ended. */
  show(rec: MainRecord, ended: boolean): void {
    const tabId = tabOf(rec);
    this.pages.ensure(tabId);
    if (rec.pageId === undefined) {
      const topOrigin = rec.ex.frameId === 0 ? rec.ex.initiator : undefined;
      const pageId = this.pages.pageFor(tabId, rec.topDocument, rec.ex.timings.start, topOrigin);
      if (pageId === null) return; // its page was discarded by a navigation
      rec.pageId = pageId;
    }
    const sameOrigin = this.sameOrigin(rec);
    if (!ended && !rec.shown && sameOrigin && !this.recordSameOrigin()) return;
    let verdict = inFlightVerdict(rec.ex);
    if (ended || rec.ex.timings.end !== undefined) {
      verdict = safeClassify(this.classify, rec.ex);
      this.stats.classified++;
      if (verdict.kind === 'same-origin' && !rec.shown && !this.recordSameOrigin()) return;
    }
    rec.seq ??= this.store.nextSeq(tabId);
    if (this.store.upsert(tabId, rec.pageId, rec.seq, rec.ex, verdict)) rec.shown = true;
  }

  /** looksSameOrigin, parsed once per record and URL (a record is shown again at every change). */
  private sameOrigin(rec: MainRecord): boolean {
    const known = this.originCache.get(rec);
    if (known?.url === rec.url) return known.same;
    const same = looksSameOrigin(rec.url, rec.ex.initiator, rec.ex.type);
    this.originCache.set(rec, { url: rec.url, same });
    return same;
  }
}

/** The log a record goes to: its tab, or "Other" for requests outside any tab. */
function tabOf(rec: MainRecord): number {
  return rec.ex.tabId !== undefined && rec.ex.tabId >= 0 ? rec.ex.tabId : OTHER_TAB;
}
