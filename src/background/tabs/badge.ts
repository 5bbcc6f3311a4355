/**
 * The action badge: the number of blocked exchanges in the tab's log, written at most every few hundred ms,
 * and its tooltip saying so in the browser's language (the worker has no page language).
 */
import { debug } from '../../shared/debug';
import type { StoreObserver } from './store';

export interface BadgeApi {
  setText(tabId: number, text: string): Promise<void>;
  setColor(color: string): Promise<void>;
  /** The tab's tooltip on the action (optional: a browser without it keeps the manifest's title). */
  setTitle?(tabId: number, title: string): Promise<void>;
}

export const BADGE_COLOR = '#c5221f';

export function badgeText(blocked: number): string {
  if (blocked <= 0) return '';
  return blocked > 999 ? '999+' : String(blocked);
}

/**
 * Says a catalogue message in the browser's language, with an optional `count` (plural ids `<id>__one`…).
 * The worker says it through the browser's own i18n, so its bundle carries no catalogue.
 */
export type SayCount = (id: string, count?: number) => string;

/** The action's tooltip: the manifest's title, or how many requests were blocked on this tab. */
export function badgeTitle(blocked: number, say: SayCount): string {
  return blocked > 0 ? say('bg_badge_title', blocked) : say('extActionTitle');
}

export class Badge implements StoreObserver {
  private readonly due = new Set<number>();
  private readonly shown = new Map<number, string>();

  constructor(
    private readonly api: BadgeApi,
    private readonly blockedOf: (tabId: number) => number,
    private readonly schedule: () => void,
    /** Absent: the tooltip is left as the manifest's title. */
    private readonly say?: SayCount,
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
      const blocked = this.blockedOf(tabId);
      const text = badgeText(blocked);
      const title = this.api.setTitle && this.say ? badgeTitle(blocked, this.say) : '';
      if (this.shown.get(tabId) === `${text}\n${title}`) return;
      this.shown.set(tabId, `${text}\n${title}`);
      try {
        await this.api.setText(tabId, text);
        if (this.api.setTitle && this.say) await this.api.setTitle(tabId, title);
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
