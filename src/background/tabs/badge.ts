/** The action badge: the number of blocked exchanges in the tab's log, written at most every few hundred ms. */
import { debug } from '../../shared/debug';
import type { StoreObserver } from './store';

export interface BadgeApi {
  setText(tabId: number, text: string): Promise<void>;
  setColor(color: string): Promise<void>;
}

export const BADGE_COLOR = '#c5221f';

export function badgeText(blocked: number): string {
  if (blocked <= 0) return '';
  return blocked > 999 ? '999+' : String(blocked);
}

export class Badge implements StoreObserver {
  private readonly due = new Set<number>();
  private readonly shown = new Map<number, string>();

  constructor(
    private readonly api: BadgeApi,
    private readonly blockedOf: (tabId: number) => number,
    private readonly schedule: () => void,
  ) {}

  entry(tabId: number): void { this.touch(tabId); }
  removed(tabId: number): void { this.touch(tabId); }
  meta(tabId: number): void { this.touch(tabId); }
  reset(tabId: number): void { this.touch(tabId); }
  tabRemoved(tabId: number): void {
    this.due.delete(tabId);
    this.shown.delete(tabId);
  }

  /** Writes the badges that changed. Failures (tab gone meanwhile) are ignored. */
  async flush(): Promise<void> {
    const tabs = [...this.due];
    this.due.clear();
    await Promise.all(tabs.map(async (tabId) => {
      const text = badgeText(this.blockedOf(tabId));
      if (this.shown.get(tabId) === text) return;
      this.shown.set(tabId, text);
      try {
        await this.api.setText(tabId, text);
      } catch (err) {
        debug.log('badge', `could not set the badge of tab ${tabId}`, err);
      }
    }));
  }

  private touch(tabId: number): void {
    if (tabId < 0) return;
    this.due.add(tabId);
    this.schedule();
  }
}
