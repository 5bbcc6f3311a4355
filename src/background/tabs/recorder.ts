/**
 * Puts correlated records in their tab's log: picks the tab (`-1` → "Other") and the page session
 * (page-tracker.ts), leaves out same-origin requests unless they are recorded, and gives each
 * record its verdict — `pending` while in flight, classified once when it ended.
 */
import { OTHER_TAB } from '../../shared/protocol';
import type { Drained } from '../correlate/correlator';
import type { MainRecord } from '../correlate/main-record';
import type { Verdict } from '../../core/model/verdict';
import { inFlightVerdict, safeClassify, type Classify } from '../correlate/verdicts';
import { forgetFacts } from '../../core/classify/header-facts';
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
    // In order of first sight, so that seq numbers follow the requests' start: both lists are
    // mostly in that order already, so they are merged (each sorted first only when it is not).
    const a = inStartOrder(changed);
    const b = inStartOrder(ended);
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i]!.ex.timings.start <= b[j]!.ex.timings.start)) this.show(a[i++]!, false);
      else this.show(b[j++]!, true);
    }
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
    // Only a new in-flight record can be left out for its origin: the URL is parsed for those alone.
    if (!ended && !rec.shown && !this.recordSameOrigin() && this.sameOrigin(rec)) return;
    let verdict: Verdict;
    if (ended || rec.ex.timings.end !== undefined) {
      verdict = safeClassify(this.classify, rec.ex);
      // Judged: the facts the capture kept with its header lists are not needed any more (header-facts.ts).
      forgetFacts(rec.ex);
      this.stats.classified++;
      if (verdict.kind === 'same-origin' && !rec.shown && !this.recordSameOrigin()) return;
    } else {
      verdict = inFlightVerdict(rec.ex);
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

/** The records by start time (stable: ties keep their order); the same array when it already is. */
function inStartOrder(recs: MainRecord[]): MainRecord[] {
  for (let k = 1; k < recs.length; k++) {
    if (recs[k]!.ex.timings.start < recs[k - 1]!.ex.timings.start) return [...recs].sort((x, y) => x.ex.timings.start - y.ex.timings.start);
  }
  return recs;
}

/** The log a record goes to: its tab, or "Other" for requests outside any tab. */
function tabOf(rec: MainRecord): number {
  return rec.ex.tabId !== undefined && rec.ex.tabId >= 0 ? rec.ex.tabId : OTHER_TAB;
}
