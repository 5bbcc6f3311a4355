/**
 * Tab events (tabs.onUpdated, tabs.onRemoved, queued with the capture events so that they keep
 * their place among them) and forgetting tabs that closed while the worker was stopped.
 */
import { OTHER_TAB } from '../../shared/protocol';
import { debug } from '../../shared/debug';
import type { SessionEvent } from '../capture/event-order';
import type { PageTracker } from './page-tracker';
import type { Store } from './store';

type TabEvent = Exclude<SessionEvent, { kind: 'capture' }>;

export interface TabsLike {
  /** Whether the tab still exists (used to forget tabs closed while the worker slept). */
  exists(tabId: number): Promise<boolean>;
}

export class TabHousekeeping {
  constructor(
    private readonly pages: PageTracker,
    private readonly store: Store,
    /** Forgets the tab's requests in flight (the correlator's `dropTab`). */
    private readonly dropInFlight: (tabId: number) => void,
  ) {}

  apply(e: TabEvent): void {
    if (e.kind === 'tab-removed') {
      this.pages.forget(e.tabId);
      this.dropInFlight(e.tabId);
      this.store.removeTab(e.tabId);
      return;
    }
    this.pages.tabUpdated(e.tabId, e.status, e.url, e.tabUrl, e.time);
  }

  /** At wake-up: queues a `tab-removed` for every logged tab that no longer exists. */
  async forgetClosed(tabs: TabsLike | undefined, push: (e: TabEvent) => void): Promise<void> {
    if (!tabs) return;
    for (const tabId of this.store.tabIds()) {
      if (tabId === OTHER_TAB) continue;
      try {
        if (!(await tabs.exists(tabId))) push({ kind: 'tab-removed', tabId });
      } catch (err) {
        debug.log('session', 'could not check a tab', err);
      }
    }
  }
}
