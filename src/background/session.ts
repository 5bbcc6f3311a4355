/**
 * The background session: composes capture → pipeline → correlator → recorder → store → (persistence,
 * ports, badge). Everything browser-specific is injected, so tests run the real thing over fakes.
 * This file only wires the parts and orders the wake-up; each job lives in its own module:
 *
 * - event path: pipeline.ts (queue, pacing, pause) → correlate/correlator.ts → tabs/recorder.ts
 *   (page assignment, same-origin filter, verdicts) → tabs/store.ts;
 * - followers of the store, each flushed on its own short timer: persist/persistence.ts, ports.ts,
 *   tabs/badge.ts;
 * - wake-up: settings.ts, persist/rehydrate.ts (the stored log), correlate/recovery.ts (what was in
 *   flight), tabs/housekeeping.ts (tabs closed meanwhile); records pushed before it is done are
 *   queued, not lost, and processed in order afterwards;
 * - the pages' requests: requests.ts.
 */
import type { Observer } from '../core/model/exchange';
import type { Settings, TabSnapshot, TabSummary } from '../shared/protocol';
import type { EventSink } from '../shared/transport';
import { debug } from '../shared/debug';
import { Badge, type BadgeApi, type SayCount } from './tabs/badge';
import type { Capture } from './capture/listeners';
import type { CaptureEvent } from './capture/event';
import type { SessionEvent } from './capture/event-order';
import { Correlator, LATE_START_MS } from './correlate/correlator';
import { Recovery } from './correlate/recovery';
import type { Classify } from './correlate/verdicts';
import type { Handlers } from './messaging';
import { PageTracker } from './tabs/page-tracker';
import { Recorder } from './tabs/recorder';
import { TabHousekeeping, type TabsLike } from './tabs/housekeeping';
import { Persistence } from './persist/persistence';
import type { StorageAreaLike } from './persist/storage-area';
import type { LogDb } from './persist/log-db';
import { PortHub } from './ports';
import { FindingsLens, withLens } from './findings';
import { Store } from './tabs/store';
import { Pipeline } from './pipeline';
import { requestHandlers, type ScopeTarget } from './requests';
import { SessionSettings } from './settings';
import { realTimers, Soon, type Timers } from './timers';

export interface SessionDeps {
  classify: Classify;
  observer: Observer;
  capture: Capture;
  /** Where the log is written through (IndexedDB in the browser). */
  log: LogDb;
  /** `storage.session`: holds the marker that tells a wake from a fresh start of the browser. */
  sessionArea: StorageAreaLike;
  localArea: StorageAreaLike;
  badge: BadgeApi;
  /** The badge tooltip's words in the browser's UI language (absent: the manifest's title stays). */
  say?: SayCount;
  tabs?: TabsLike;
  timers?: Timers;
  now?: () => number;
  newPageId?: () => string;
  maxPerTab?: number;
  delays?: Partial<typeof DEFAULT_DELAYS>;
}

const DEFAULT_MAX_PER_TAB = 50_000;
/**
 * Timer delays (ms). When traffic is idle, processing and the storage write run on 0 ms timers: an
 * exchange is in storage a few ms after its last event (write-through; a stopped worker loses only
 * that instant). In a burst (`burstEvents` or more events within `burst` ms, as in a page load),
 * processing runs at most once per `burst` ms: the events are correlated, classified and written
 * in a few large batches instead of one small batch per event-loop turn, which would compete with
 * the page for the CPU; then a stopped worker can lose the last `burst` ms of a busy page. A write
 * in progress batches whatever arrives meanwhile. Ports and the badge keep a throttle of their own.
 */
export const DEFAULT_DELAYS = { process: 0, persist: 0, burst: 50, burstEvents: 16, ports: 20, badge: 300, findings: 300, idle: LATE_START_MS, stranded: 10_000 };

let pageCounter = 0;
const defaultPageId = () => `p-${Date.now().toString(36)}-${(pageCounter++).toString(36)}`;

export class BackgroundSession {
  readonly store: Store;
  readonly ports: PortHub;
  readonly findings: FindingsLens;
  private readonly persistence: Persistence;
  private readonly badge: Badge;
  private readonly correlator: Correlator;
  private readonly pages: PageTracker;
  private readonly pipeline: Pipeline;
  private readonly recovery: Recovery;
  private readonly tabs: TabHousekeeping;
  private readonly settings: SessionSettings;
  private readonly persistSoon: Soon;
  private readonly portsSoon: Soon;
  private readonly badgeSoon: Soon;
  private readonly findingsSoon: Soon;
  private readyPromise: Promise<void> | null = null;
  private housekeeping: Promise<void> = Promise.resolve();
  readonly stats = { classified: 0, processed: 0, dropped: 0, interrupted: 0 };

  constructor(private readonly deps: SessionDeps) {
    const timers = deps.timers ?? realTimers;
    const delays = { ...DEFAULT_DELAYS, ...deps.delays };
    const now = deps.now ?? Date.now;
    this.store = new Store({ maxPerTab: deps.maxPerTab ?? DEFAULT_MAX_PER_TAB, now, newPageId: deps.newPageId ?? defaultPageId });
    this.persistSoon = new Soon(() => this.persistence.flush(), delays.persist, timers);
    this.badgeSoon = new Soon(() => this.badge.flush(), delays.badge, timers);
    this.portsSoon = new Soon(() => this.ports.flush(), delays.ports, timers);
    this.persistence = new Persistence(deps.log, deps.sessionArea, this.store, () => this.persistSoon.trigger(), () => this.settings.keepAcrossRestarts);
    // Paced by its own cost: at most a fifth of the worker's time goes to findings on a huge log.
    this.findingsSoon = new Soon(() => this.ports.flushFindings(), () => Math.max(delays.findings, 4 * this.findings.stats.lastMs), timers);
    this.findings = new FindingsLens(this.store, () => this.findingsSoon.trigger(), () => this.ports.connections > 0);
    this.ports = new PortHub(this.store, (t) => this.snapshot(t), () => this.portsSoon.trigger(), this.findings);
    this.badge = new Badge(deps.badge, (t) => this.store.peek(t)?.counts.blocked ?? 0, () => this.badgeSoon.trigger(), deps.say);
    // First: the findings are marked stale before the ports answer a reset with a fresh snapshot.
    this.store.observe(this.findings);
    this.store.observe(this.persistence);
    this.store.observe(this.ports);
    this.store.observe(this.badge);
    this.settings = new SessionSettings(deps.localArea, (paused) => this.pipeline.setPaused(paused), (s) => this.ports.settings(s));
    const pages = (this.pages = new PageTracker(this.store, () => this.settings.keepLog));
    const recorder = new Recorder(this.store, pages, deps.classify, () => this.settings.recordSameOrigin, this.stats);
    this.correlator = new Correlator(deps.observer, (id) => this.recovery.recover(id), (id, tabId) => recorder.known(id, tabId));
    this.tabs = new TabHousekeeping(pages, this.store, (tabId) => this.correlator.dropTab(tabId));
    this.pipeline = new Pipeline({
      capture: deps.capture, correlator: this.correlator, recorder, tabs: this.tabs, paused: () => this.settings.paused,
      timers, delays, stats: this.stats,
    });
    this.recovery = new Recovery({
      adopt: (found) => this.correlator.adopt(found),
      releaseRestored: () => this.correlator.releaseRestored(),
      process: () => this.pipeline.process(),
      show: (rec, ended) => recorder.show(rec, ended),
    }, timers, delays.stranded, this.stats);
  }

  /** Reads settings and rehydrates; idempotent. Events pushed meanwhile wait in the queue. */
  start(): Promise<void> {
    this.readyPromise ??= this.boot();
    return this.readyPromise;
  }

  /** A listener's record (or a tab event). Cheap: queue and schedule. */
  push(event: SessionEvent): void {
    this.pipeline.push(event);
  }

  capture = (event: CaptureEvent): void => this.push({ kind: 'capture', event });

  async connectPort(tabId: number, sink: EventSink): Promise<void> {
    await this.writeThrough();
    this.ports.connect(tabId, sink);
  }

  /** Processes everything queued and writes everything pending now (tests; before a snapshot). */
  async settle(): Promise<void> {
    await this.start();
    await this.housekeeping;
    await this.pipeline.now();
    this.pipeline.flushOrphans();
    await this.portsSoon.now();
    await this.findingsSoon.now();
    await this.persistSoon.now();
    await this.badgeSoon.now();
  }

  /** The tab's summary with its findings and cost (computed now if the log changed since). */
  summary(tabId: number): TabSummary {
    this.pipeline.process();
    return withLens(this.pages.ensure(tabId).summary(), this.findings.forTab(tabId).summary);
  }

  snapshot(tabId: number): TabSnapshot {
    const log = this.pages.ensure(tabId);
    return { summary: withLens(log.summary(), this.findings.forTab(tabId).summary), entries: [...log.entries.values()], settings: this.settings.get() };
  }

  getSettings(): Settings {
    return this.settings.get();
  }

  setSettings(patch: unknown): Promise<Settings> {
    return this.settings.set(patch);
  }

  clear(tabId: number): void {
    this.pipeline.process();
    this.store.clear(tabId);
  }

  /** The requests' answers; `scope` decides which tabs are captured (scope/capture-scope.ts; left out: every tab). */
  handlers(scope?: ScopeTarget): Handlers {
    return requestHandlers({
      ready: async () => { await this.start(); },
      writeThrough: () => this.writeThrough(),
      summary: (t) => this.summary(t),
      snapshot: (t) => this.snapshot(t),
      entries: (t) => this.store.peek(t)?.entries.values() ?? [],
      entry: (t, id) => this.store.peek(t)?.entries.get(id),
      clear: (t) => this.clear(t),
      getSettings: () => this.getSettings(),
      setSettings: (p) => this.setSettings(p),
    }, scope);
  }

  /**
   * Processes what is queued and writes it to storage before a page is shown it, so that a worker
   * stopped right after cannot take back what the user (or a test) already saw.
   */
  private async writeThrough(): Promise<void> {
    await this.start();
    await this.pipeline.now();
    await this.persistSoon.now();
  }

  private async boot(): Promise<void> {
    await this.settings.load();
    try {
      this.recovery.takeBack(await this.persistence.load(this.deps.classify));
    } catch (err) {
      debug.warn('session', 'could not rehydrate the log', err);
    }
    this.pipeline.open();
    this.recovery.watchStranded();
    this.housekeeping = this.tabs.forgetClosed(this.deps.tabs, (e) => this.push(e));
  }
}
