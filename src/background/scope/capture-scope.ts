/**
 * Capture scope: capture every tab (mode `everywhere`, the default) or only the tabs and sites the user turns
 * on (mode `chosen`). Tab choices live in `storage.session` (gone with the browser), site choices in
 * `storage.local`; the mode is a setting (settings.ts). With nothing on, no webRequest listener is registered.
 *
 * The worker's start (MV3): the browser wakes a stopped worker for the events of the listeners it registered
 * before, and delivers them to the listeners added during the script's first turn. The mode and the choices
 * are in storage, which cannot be read in that turn, so the worker adds the listeners for every tab there
 * (index.ts, as it always did; pause works the same way) and holds what they record until the scope is read
 * (`load`); then it keeps only the chosen tabs' records and swaps to per-tab listeners (or none).
 */
import type { CaptureMode, TabCapture } from '../../shared/protocol';
import { debug } from '../../shared/debug';
import type { Capture, CaptureScope as ListenScope } from '../capture/listeners';
import type { CaptureEvent } from '../capture/event';
import type { StorageAreaLike } from '../persist/storage-area';
import { ScopeState } from './scope-state';
import { ScopedCapture, type Wanted } from './scoped-capture';

const SCOPE_TABS_KEY = 'scope.tabs';
const SCOPE_SITES_KEY = 'scope.sites';

/** The browser's tabs, as far as the scope needs them. */
export interface ScopeTabs {
  /** Every open tab and the URL it shows (at wake-up: which tabs show a site that is on). */
  all(): Promise<{ id: number; url?: string }[]>;
  /** What one tab shows; undefined when it is gone or shows nothing we can read. */
  url(tabId: number): Promise<string | undefined>;
}

interface ScopeDeps {
  /** createCapture over the browser's webRequest, its records going to `sink`. */
  make(scope: ListenScope, sink: (event: CaptureEvent) => void): Capture;
  /** Where the records of captured tabs go (the session). */
  sink(event: CaptureEvent): void;
  sessionArea: StorageAreaLike;
  localArea: StorageAreaLike;
  tabs: ScopeTabs;
  /** The capture mode once the settings are read. */
  mode(): Promise<CaptureMode>;
}

/** The tab a record belongs to: request events carry it, later ones repeat it in `from` (when they do). */
const tabOf = (e: CaptureEvent): number | undefined => (e.kind === 'request' ? e.tabId : e.from?.tabId);

export class CaptureScope {
  readonly state = new ScopeState();
  readonly capture: ScopedCapture;
  private loaded = false;
  private loading: Promise<void> | null = null;
  /** What came before the scope was read, in arrival order: records (kept if their tab is captured) and tab events. */
  private held: { tabId?: number; deliver: () => void }[] = [];

  constructor(private readonly deps: ScopeDeps) {
    this.capture = new ScopedCapture(
      (scope) => deps.make(scope, scope.tabId === undefined ? this.everyTab : deps.sink),
      () => this.wanted(),
    );
  }

  private wanted(): Wanted {
    return !this.loaded || this.state.mode === 'everywhere' ? 'all' : this.state.chosenTabs();
  }

  /** Records of the every-tab listeners: held until the scope is read, then passed on. */
  private readonly everyTab = (event: CaptureEvent): void => {
    if (this.loaded) this.deps.sink(event);
    else {
      // A record that does not say its tab is passed on (the correlator drops what it cannot place).
      const tabId = tabOf(event);
      const deliver = () => this.deps.sink(event);
      this.held.push(tabId === undefined ? { deliver } : { tabId, deliver });
    }
  };

  /**
   * Tab events (index.ts) go through here so that they keep their place among the records held before the
   * scope was read (a navigation after a record must not be processed before it).
   */
  inOrder(deliver: () => void): void {
    if (this.loaded) deliver();
    else this.held.push({ deliver });
  }

  /** At wake-up (idempotent): reads the mode, the choices and the tabs, then listens to what is chosen. */
  ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    try {
      this.state.mode = await this.deps.mode();
      const [tabs, sites, open] = await Promise.all([
        this.deps.sessionArea.get([SCOPE_TABS_KEY]), this.deps.localArea.get([SCOPE_SITES_KEY]), this.deps.tabs.all(),
      ]);
      this.state.restore({ tabs: tabs[SCOPE_TABS_KEY], sites: sites[SCOPE_SITES_KEY] });
      for (const tab of open) this.state.show(tab.id, tab.url);
      this.state.keepOpen(new Set(open.map((t) => t.id)));
    } catch (err) {
      debug.warn('scope', 'could not read the capture scope; nothing chosen', err);
    }
    this.loaded = true;
    const held = this.held;
    this.held = [];
    for (const { tabId, deliver } of held) if (tabId === undefined || this.state.captures(tabId)) deliver();
    this.capture.apply();
  }

  /** The mode changed (set-settings). */
  setMode(mode: CaptureMode): void {
    this.state.mode = mode;
    if (this.loaded) this.capture.apply();
  }

  /** tabs.onUpdated with a URL: a tab that comes to a site that is on is captured from now on. */
  showing(tabId: number, url: string): void {
    const before = this.state.captures(tabId);
    this.state.show(tabId, url);
    if (this.loaded && this.state.captures(tabId) !== before) this.capture.apply();
  }

  removed(tabId: number): void {
    const had = this.state.describe(tabId).tab;
    this.state.removed(tabId);
    if (!this.loaded) return;
    this.capture.apply();
    if (had) void this.save(false);
  }

  describe(tabId: number): TabCapture {
    return this.state.describe(tabId);
  }

  /** The `set-capture` request: turns the tab and/or its site on or off, stores the choice, answers the tab's capture. */
  async set(tabId: number, change: { tab?: boolean; site?: boolean }): Promise<TabCapture> {
    if (change.site !== undefined && !this.state.knows(tabId)) {
      this.state.show(tabId, await this.deps.tabs.url(tabId).catch(() => undefined));
    }
    if (change.tab !== undefined) this.state.setTab(tabId, change.tab);
    const siteChanged = change.site !== undefined && this.state.setSiteOf(tabId, change.site);
    this.capture.apply();
    await this.save(siteChanged);
    return this.state.describe(tabId);
  }

  private async save(sites: boolean): Promise<void> {
    const stored = this.state.stored();
    try {
      await this.deps.sessionArea.set({ [SCOPE_TABS_KEY]: stored.tabs });
      if (sites) await this.deps.localArea.set({ [SCOPE_SITES_KEY]: stored.sites });
    } catch (err) {
      debug.warn('scope', 'could not store the capture scope', err);
    }
  }
}
