/**
 * The answers to the pages' one-shot requests (messaging.ts dispatches them). Requests that show a
 * page the log first process what is queued and write it to storage (`writeThrough`).
 */
import type { CaptureMode, Settings, TabCapture, TabSnapshot, TabSummary } from '../shared/protocol';
import { BadRequest, tabIdOf, type Handlers } from './messaging';
import { entryHandlers, type EntrySource } from './entry-requests';

interface RequestTarget extends EntrySource {
  /** Settings read and log rehydrated. */
  ready(): Promise<void>;
  summary(tabId: number): TabSummary;
  snapshot(tabId: number): TabSnapshot;
  clear(tabId: number): void;
  getSettings(): Settings;
  setSettings(patch: unknown): Promise<Settings>;
}

/** Capture scope (scope/capture-scope.ts). */
export interface ScopeTarget {
  /** The choices read (after the settings). */
  ready(): Promise<void>;
  describe(tabId: number): TabCapture;
  set(tabId: number, change: { tab?: boolean; site?: boolean }): Promise<TabCapture>;
  setMode(mode: CaptureMode): void;
}

/** Without a scope (tests of the session alone) every tab is captured. */
const EVERY_TAB: ScopeTarget = {
  ready: async () => {},
  describe: (tabId) => ({ tabId, why: 'everywhere', tab: false, site: null, siteOn: false }),
  set: async (tabId) => EVERY_TAB.describe(tabId),
  setMode: () => {},
};

/** `set-capture`'s change: `tab` and `site`, each true, false or left out. */
function captureChange(payload: unknown): { tab?: boolean; site?: boolean } {
  const p = payload as Record<string, unknown>;
  const out: { tab?: boolean; site?: boolean } = {};
  for (const key of ['tab', 'site'] as const) {
    const v = p[key];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') throw new BadRequest(`payload.${key} must be true or false`);
    out[key] = v;
  }
  return out;
}

export function requestHandlers(s: RequestTarget, scope: ScopeTarget = EVERY_TAB): Handlers {
  return {
    'get-summary': async (p) => {
      const t = tabIdOf(p);
      await s.writeThrough();
      await scope.ready();
      return { ...s.summary(t), settings: s.getSettings(), capture: scope.describe(t) };
    },
    'get-snapshot': async (p) => { const t = tabIdOf(p); await s.writeThrough(); return s.snapshot(t); },
    ...entryHandlers(s),
    clear: async (p) => { const t = tabIdOf(p); await s.ready(); s.clear(t); return null; },
    'get-settings': async () => { await s.ready(); return s.getSettings(); },
    'set-settings': async (p) => {
      await s.ready();
      const settings = await s.setSettings(p);
      await scope.ready();
      scope.setMode(settings.capture ?? 'everywhere');
      return settings;
    },
    'set-capture': async (p) => {
      const t = tabIdOf(p);
      const change = captureChange(p);
      await s.ready();
      await scope.ready();
      return scope.set(t, change);
    },
  };
}
