/**
 * The background session: composes capture → correlator → classifier → store → (persistence, ports,
 * badge). Everything browser-specific is injected, so tests run the real thing over fakes.
 *
 * Event path: listeners only turn a callback into a record and `push` it. Processing is batched:
 * a paced timer (at once when idle, at most every `burst` ms in a burst) correlates the queued
 * records, classifies the exchanges that ended (once each) and updates the store; persistence,
 * ports and the badge flush on their own short timers.
 *
 * Wake-up: `start()` reads settings and rehydrates the store; records pushed before that are
 * queued, not lost, and processed in order afterwards.
 */
import type { Observer } from '../core/model/exchange';
import type { ExchangeEntry, Settings, TabSnapshot, TabSummary } from '../shared/protocol';
import { OTHER_TAB } from '../shared/protocol';
import type { EventSink } from '../shared/transport';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_KEY, validateSettingsPatch } from '../shared/settings';
import { debug } from '../shared/debug';
import { Badge, type BadgeApi } from './tabs/badge';
import type { Capture } from './capture/listeners';
import type { CaptureEvent } from './capture/event';
import { Correlator, LATE_START_MS, type Recovered } from './correlate/correlator';
import type { MainRecord } from './correlate/main-record';
import { BadRequest, tabIdOf, type Handlers } from './messaging';
import { looksSameOrigin } from './tabs/page-sessions';
import { PageTracker } from './tabs/page-tracker';
import { Persistence } from './persist/persistence';
import { PortHub } from './ports';
import type { StorageAreaLike } from './persist/storage-area';
import { Store } from './tabs/store';
import { Paced, realTimers, Soon, type Timers } from './timers';
import { inEventOrder, type SessionEvent } from './capture/event-order';
import { pendingVerdict, safeClassify, type Classify } from './correlate/verdicts';

export interface TabsLike {
  /** Whether the tab still exists (used to forget tabs closed while the worker slept). */
  exists(tabId: number): Promise<boolean>;
}

export interface SessionDeps {
  classify: Classify;
  observer: Observer;
  capture: Capture;
  sessionArea: StorageAreaLike;
  localArea: StorageAreaLike;
  badge: BadgeApi;
  tabs?: TabsLike;
  timers?: Timers;
  now?: () => number;
  newPageId?: () => string;
  maxPerTab?: number;
  delays?: Partial<typeof DEFAULT_DELAYS>;
}

export const DEFAULT_MAX_PER_TAB = 5000;
/**
 * Timer delays (ms). When traffic is idle, processing and the storage write run on 0 ms timers: an
 * exchange is in storage a few ms after its last event (write-through; a stopped worker loses only
 * that instant). In a burst (`burstEvents` or more events within `burst` ms, as in a page load),
 * processing runs at most once per `burst` ms: the events are correlated, classified and written
 * in a few large batches instead of one small batch per event-loop turn, which would compete with
 * the page for the CPU; then a stopped worker can lose the last `burst` ms of a busy page. A write
 * in progress batches whatever arrives meanwhile. Ports and the badge keep a throttle of their own.
 */
export const DEFAULT_DELAYS = { process: 0, persist: 0, burst: 50, burstEvents: 16, ports: 20, badge: 300, idle: LATE_START_MS, stranded: 10_000 };

export { inEventOrder, type SessionEvent } from './capture/event-order';

let pageCounter = 0;
const defaultPageId = () => `p-${Date.now().toString(36)}-${(pageCounter++).toString(36)}`;

export class BackgroundSession {
  readonly store: Store;
  readonly ports: PortHub;
  private readonly persistence: Persistence;
  private readonly badge: Badge;
  private readonly correlator: Correlator;
  private readonly pages: PageTracker;
  private readonly processSoon: Paced;
  private readonly persistSoon: Soon;
  private readonly portsSoon: Soon;
  private readonly badgeSoon: Soon;
  private settings: Settings = { ...DEFAULT_SETTINGS };
  private queue: SessionEvent[] = [];
  private isReady = false;
  private readyPromise: Promise<void> | null = null;
  private housekeeping: Promise<void> = Promise.resolve();
  private readonly recoverable = new Map<string, Recovered & { keys: string[] }>();
  private readonly originCache = new WeakMap<MainRecord, { url: string; same: boolean }>();
  private readonly timers: Timers;
  private readonly delays: typeof DEFAULT_DELAYS;
  private idleHandle: unknown = null;
  readonly stats = { classified: 0, processed: 0, dropped: 0, interrupted: 0 };

  constructor(private readonly deps: SessionDeps) {
    const timers = deps.timers ?? realTimers;
    const delays = { ...DEFAULT_DELAYS, ...deps.delays };
    this.timers = timers;
    this.delays = delays;
    const now = deps.now ?? Date.now;
    this.store = new Store({ maxPerTab: deps.maxPerTab ?? DEFAULT_MAX_PER_TAB, now, newPageId: deps.newPageId ?? defaultPageId });
    this.processSoon = new Paced(() => this.process(), delays.process, delays.burst, delays.burstEvents, timers);
    this.persistSoon = new Soon(() => this.persistence.flush(), delays.persist, timers);
    this.badgeSoon = new Soon(() => this.badge.flush(), delays.badge, timers);
    this.portsSoon = new Soon(() => this.ports.flush(), delays.ports, timers);
    this.persistence = new Persistence(deps.sessionArea, this.store, deps.observer, () => this.persistSoon.trigger());
    this.ports = new PortHub(this.store, (t) => this.snapshot(t), () => this.portsSoon.trigger());
    this.badge = new Badge(deps.badge, (t) => this.store.peek(t)?.counts.blocked ?? 0, () => this.badgeSoon.trigger());
    this.store.observe(this.persistence);
    this.store.observe(this.ports);
    this.store.observe(this.badge);
    this.correlator = new Correlator(deps.observer, (id) => this.recover(id), (id, tabId) => this.known(id, tabId));
    this.pages = new PageTracker(this.store, () => this.settings.keepLog);
  }

  /** Reads settings and rehydrates; idempotent. Events pushed meanwhile wait in the queue. */
  start(): Promise<void> {
    this.readyPromise ??= this.boot();
    return this.readyPromise;
  }

  /** A listener's record (or a tab event). Cheap: queue and schedule. */
  push(event: SessionEvent): void {
    if (event.kind === 'capture' && this.isReady && this.settings.paused) return;
    this.queue.push(event);
    if (this.isReady) this.processSoon.trigger();
  }

  capture = (event: CaptureEvent): void => this.push({ kind: 'capture', event });

  async connectPort(tabId: number, sink: EventSink): Promise<void> {
    await this.writeThrough();
    this.ports.connect(tabId, sink);
  }

  /**
   * Processes what is queued and writes it to storage before a page is shown it, so that a worker
   * stopped right after cannot take back what the user (or a test) already saw.
   */
  private async writeThrough(): Promise<void> {
    await this.start();
    await this.processSoon.now();
    await this.persistSoon.now();
  }

  /** Processes everything queued and writes everything pending now (tests; before a snapshot). */
  async settle(): Promise<void> {
    await this.start();
    await this.housekeeping;
    await this.processSoon.now();
    // Nothing more is coming: preflights still waiting for a late main request are shown on their own.
    this.correlator.flushOrphans();
    this.process();
    await this.portsSoon.now();
    await this.persistSoon.now();
    await this.badgeSoon.now();
  }

  // ---- requests ----

  summary(tabId: number): TabSummary {
    this.process();
    return this.pages.ensure(tabId).summary();
  }

  snapshot(tabId: number): TabSnapshot {
    const log = this.pages.ensure(tabId);
    return { summary: log.summary(), entries: [...log.entries.values()], settings: { ...this.settings } };
  }

  getSettings(): Settings {
    return { ...this.settings };
  }

  async setSettings(patch: unknown): Promise<Settings> {
    const checked = validateSettingsPatch(patch);
    if (!checked.ok) throw new BadRequest(checked.error);
    const next = { ...this.settings, ...checked.patch };
    const pausedChanged = next.paused !== this.settings.paused;
    this.settings = next;
    if (pausedChanged) this.applyPause();
    await this.deps.localArea.set({ [SETTINGS_KEY]: next });
    this.ports.settings({ ...next });
    return { ...next };
  }

  clear(tabId: number): void {
    this.process();
    this.store.clear(tabId);
  }

  handlers(): Handlers {
    const ready = async () => { await this.start(); };
    return {
      'get-summary': async (p) => { const t = tabIdOf(p); await this.writeThrough(); return { ...this.summary(t), settings: this.getSettings() }; },
      'get-snapshot': async (p) => { const t = tabIdOf(p); await this.writeThrough(); return this.snapshot(t); },
      clear: async (p) => { const t = tabIdOf(p); await ready(); this.clear(t); return null; },
      'get-settings': async () => { await ready(); return this.getSettings(); },
      'set-settings': async (p) => { await ready(); return this.setSettings(p); },
    };
  }

  // ---- internals ----

  private async boot(): Promise<void> {
    try {
      const stored = await this.deps.localArea.get([SETTINGS_KEY]);
      this.settings = normalizeSettings(stored[SETTINGS_KEY]);
    } catch (err) {
      debug.warn('session', 'could not read settings; using defaults', err);
    }
    if (this.settings.paused) this.applyPause();
    let restored = 0;
    try {
      const inFlight = await this.persistence.load(this.deps.classify);
      // Taken back at once, so their preflights pair and their events find them from the first one on.
      for (const e of inFlight) this.correlator.adopt({ exchange: e.exchange, pageId: e.pageId, seq: e.seq });
      restored = inFlight.length;
    } catch (err) {
      debug.warn('session', 'could not rehydrate the log from storage.session', err);
    }
    this.isReady = true;
    this.processSoon.trigger();
    if (restored > 0) this.timers.set(() => this.resolveStranded(), this.delays.stranded);
    this.housekeeping = this.forgetClosedTabs();
  }

  private applyPause(): void {
    if (this.settings.paused) {
      this.deps.capture.stop();
      this.queue = this.queue.filter((e) => e.kind !== 'capture');
      this.correlator.abandonAll();
    } else {
      this.deps.capture.start();
    }
  }

  private process(): void {
    if (!this.isReady) return;
    const queue = inEventOrder(this.queue);
    this.queue = [];
    for (const item of queue) {
      try {
        if (item.kind === 'capture') {
          this.correlator.apply(item.event);
          this.stats.processed++;
        } else {
          this.drain();
          this.onTab(item);
        }
      } catch (err) {
        debug.warn('session', `could not process a ${item.kind} event`, err);
      }
    }
    this.drain();
    this.armIdle();
  }

  /**
   * When events stop coming, the events' clock stops too: what still waits for a late
   * onBeforeRequest (or a late request for its preflight) is settled after `idle` ms of quiet.
   */
  private armIdle(): void {
    if (this.idleHandle !== null) this.timers.clear(this.idleHandle);
    this.idleHandle = null;
    if (!this.correlator.waiting) return;
    this.idleHandle = this.timers.set(() => {
      this.idleHandle = null;
      this.correlator.flushOrphans();
      this.process();
    }, this.delays.idle);
  }

  /**
   * Exchanges taken back after a restart that heard nothing since: their end was probably lost with
   * the stopped worker (interrupted.ts). Resolved from what was seen, never left pending forever;
   * still revivable by a late event.
   */
  private resolveStranded(): void {
    this.process();
    const now = Date.now();
    for (const rec of [...this.correlator.openMains()]) {
      if (!rec.restored) continue;
      this.correlator.release(rec);
      rec.ex.timings.end = now;
      this.stats.interrupted++;
      if (rec.pageId !== undefined && rec.seq !== undefined) this.remember({ exchange: rec.ex, pageId: rec.pageId, seq: rec.seq });
      this.show(rec, false);
    }
  }

  private drain(): void {
    const { changed, ended, discarded } = this.correlator.drain();
    for (const rec of discarded) if (rec.shown) this.store.discard(this.tabOf(rec), rec.ex.id);
    // In order of first sight, so that seq numbers follow the requests' start.
    const all: [MainRecord, boolean][] = [...changed.map((r) => [r, false] as [MainRecord, boolean]), ...ended.map((r) => [r, true] as [MainRecord, boolean])];
    all.sort((a, b) => a[0].ex.timings.start - b[0].ex.timings.start);
    for (const [rec, ended] of all) this.show(rec, ended);
  }

  /** Puts a record in the store: `pending` while in flight, classified once when it ended. */
  private tabOf(rec: MainRecord): number {
    return rec.ex.tabId !== undefined && rec.ex.tabId >= 0 ? rec.ex.tabId : OTHER_TAB;
  }

  /** An exchange by this id is in the tab's log and ended. */
  private known(id: string, tabId: number): boolean {
    const e = this.store.peek(tabId >= 0 ? tabId : OTHER_TAB)?.entries.get(id);
    return e !== undefined && e.exchange.outcome.state !== 'pending';
  }

  private show(rec: MainRecord, ended: boolean): void {
    const tabId = this.tabOf(rec);
    this.pages.ensure(tabId);
    if (rec.pageId === undefined) {
      const topOrigin = rec.ex.frameId === 0 ? rec.ex.initiator : undefined;
      const pageId = this.pages.pageFor(tabId, rec.topDocument, rec.ex.timings.start, topOrigin);
      if (pageId === null) return; // its page was discarded by a navigation
      rec.pageId = pageId;
    }
    const sameOrigin = this.sameOrigin(rec);
    if (!ended && !rec.shown && sameOrigin && !this.settings.recordSameOrigin) return;
    let verdict = pendingVerdict(rec.ex);
    if (ended || rec.ex.timings.end !== undefined) {
      verdict = safeClassify(this.deps.classify, rec.ex);
      this.stats.classified++;
      if (verdict.kind === 'same-origin' && !rec.shown && !this.settings.recordSameOrigin) return;
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

  private onTab(e: Exclude<SessionEvent, { kind: 'capture' }>): void {
    if (e.kind === 'tab-removed') {
      this.pages.forget(e.tabId);
      this.correlator.dropTab(e.tabId);
      this.store.removeTab(e.tabId);
      return;
    }
    this.pages.tabUpdated(e.tabId, e.status, e.url, e.tabUrl, e.time);
  }

  private remember(e: Pick<ExchangeEntry, 'exchange' | 'pageId' | 'seq'>): void {
    const keys = [e.exchange.id, ...e.exchange.preflights.filter((p) => p.end === undefined && p.id).map((p) => p.id!)];
    const rec = { exchange: e.exchange, pageId: e.pageId, seq: e.seq, keys };
    for (const k of keys) this.recoverable.set(k, rec);
  }

  private recover(id: string): Recovered | undefined {
    const rec = this.recoverable.get(id);
    if (rec) for (const k of rec.keys) this.recoverable.delete(k);
    return rec;
  }

  private async forgetClosedTabs(): Promise<void> {
    const tabs = this.deps.tabs;
    if (!tabs) return;
    for (const tabId of this.store.tabIds()) {
      if (tabId === OTHER_TAB) continue;
      try {
        if (!(await tabs.exists(tabId))) this.push({ kind: 'tab-removed', tabId });
      } catch (err) {
        debug.log('session', 'could not check a tab', err);
      }
    }
  }
}
