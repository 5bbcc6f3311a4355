/**
 * Which tabs are captured (the pure part of capture scope, no browser API): in mode `everywhere` every tab;
 * in mode `chosen` the tabs the user turned on, and the tabs showing a page of a site the user turned on.
 * A site is an origin (`https://app.example`): a tab is on through its site while it shows that site's pages.
 */
import type { CaptureMode, TabCapture } from '../../shared/protocol';
import { parseUrl } from '../../core/http/url';

/** The site (origin) of a web page's URL; null for anything else (extension pages, `about:`, files). */
function siteOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  const parsed = parseUrl(url);
  return parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.origin : null;
}

export class ScopeState {
  mode: CaptureMode = 'everywhere';
  private readonly tabs = new Set<number>();
  private readonly sites = new Set<string>();
  /** The site each known tab shows (tabs showing no web page are left out). */
  private readonly showing = new Map<number, string>();

  why(tabId: number): TabCapture['why'] {
    if (this.mode === 'everywhere') return 'everywhere';
    if (this.tabs.has(tabId)) return 'tab';
    const site = this.showing.get(tabId);
    return site !== undefined && this.sites.has(site) ? 'site' : 'off';
  }

  captures(tabId: number): boolean {
    return this.why(tabId) !== 'off';
  }

  /** In mode `chosen`, the tabs to listen to, in increasing order. */
  chosenTabs(): number[] {
    const on = new Set(this.tabs);
    for (const [tabId, site] of this.showing) if (this.sites.has(site)) on.add(tabId);
    return [...on].sort((a, b) => a - b);
  }

  describe(tabId: number): TabCapture {
    const site = this.showing.get(tabId) ?? null;
    return { tabId, why: this.why(tabId), tab: this.tabs.has(tabId), site, siteOn: site !== null && this.sites.has(site) };
  }

  setTab(tabId: number, on: boolean): void {
    if (on) this.tabs.add(tabId);
    else this.tabs.delete(tabId);
  }

  /** Turns the site the tab shows on or off; false when the tab shows no web page (nothing changed). */
  setSiteOf(tabId: number, on: boolean): boolean {
    const site = this.showing.get(tabId);
    if (site === undefined) return false;
    if (on) this.sites.add(site);
    else this.sites.delete(site);
    return true;
  }

  /** The tab now shows `url` (a navigation, or what the browser said at wake-up). */
  show(tabId: number, url: string | undefined): void {
    const site = siteOf(url);
    if (site === null) this.showing.delete(tabId);
    else this.showing.set(tabId, site);
  }

  knows(tabId: number): boolean {
    return this.showing.has(tabId);
  }

  /** The tab closed: its choice goes with it (a new tab never inherits an old tab's id's choice). */
  removed(tabId: number): void {
    this.tabs.delete(tabId);
    this.showing.delete(tabId);
  }

  /** At wake-up: forgets the choices of tabs closed while the worker slept (tab -1, outside tabs, stays). */
  keepOpen(open: ReadonlySet<number>): void {
    for (const tabId of this.tabs) if (tabId >= 0 && !open.has(tabId)) this.tabs.delete(tabId);
  }

  /** What is stored: the tabs in `storage.session`, the sites in `storage.local`. */
  stored(): { tabs: number[]; sites: string[] } {
    return { tabs: [...this.tabs].sort((a, b) => a - b), sites: [...this.sites].sort() };
  }

  restore(stored: { tabs?: unknown; sites?: unknown }): void {
    if (Array.isArray(stored.tabs)) for (const t of stored.tabs) if (Number.isInteger(t) && (t as number) >= -1) this.tabs.add(t as number);
    if (Array.isArray(stored.sites)) for (const s of stored.sites) if (typeof s === 'string' && siteOf(s) === s) this.sites.add(s);
  }
}
