/**
 * The answers to the pages' one-shot requests (messaging.ts dispatches them). Requests that show a
 * page the log first process what is queued and write it to storage (`writeThrough`).
 */
import type { Settings, TabSnapshot, TabSummary } from '../shared/protocol';
import { tabIdOf, type Handlers } from './messaging';

interface RequestTarget {
  /** Settings read and log rehydrated. */
  ready(): Promise<void>;
  /** Ready, and everything queued processed and written to storage. */
  writeThrough(): Promise<void>;
  summary(tabId: number): TabSummary;
  snapshot(tabId: number): TabSnapshot;
  clear(tabId: number): void;
  getSettings(): Settings;
  setSettings(patch: unknown): Promise<Settings>;
}

export function requestHandlers(s: RequestTarget): Handlers {
  return {
    'get-summary': async (p) => { const t = tabIdOf(p); await s.writeThrough(); return { ...s.summary(t), settings: s.getSettings() }; },
    'get-snapshot': async (p) => { const t = tabIdOf(p); await s.writeThrough(); return s.snapshot(t); },
    clear: async (p) => { const t = tabIdOf(p); await s.ready(); s.clear(t); return null; },
    'get-settings': async () => { await s.ready(); return s.getSettings(); },
    'set-settings': async (p) => { await s.ready(); return s.setSettings(p); },
  };
}
