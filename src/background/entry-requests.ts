/**
 * The full entries, on request: the panel holds compact rows (ExchangeRow) and asks for one exchange's
 * entry when the user opens it (`get-entry`), and for all of them, page by page, when it exports
 * (`get-entries`, in order of first sight after a `seq` cursor, so entries dropped meanwhile shift nothing).
 */
import type { ExchangeEntry, Requests } from '../shared/protocol';
import { ENTRIES_PAGE } from '../shared/protocol';
import { BadRequest, tabIdOf } from './messaging';

export interface EntrySource {
  /** Ready, and everything queued processed and written to storage. */
  writeThrough(): Promise<void>;
  /** The tab's entries in order of first sight (none for a tab never seen). */
  entries(tabId: number): Iterable<ExchangeEntry>;
  /** One entry of the tab, or undefined when it is not (or no longer) in the log. */
  entry(tabId: number, id: string): ExchangeEntry | undefined;
}

type EntryHandlers = {
  [K in 'get-entry' | 'get-entries']: (payload: Requests[K]['payload']) => Promise<Requests[K]['result']>;
};

function field<T extends 'string' | 'number'>(payload: unknown, key: string, type: T): T extends 'string' ? string : number {
  const v = (payload as Record<string, unknown>)[key];
  if (typeof v !== type || (type === 'number' && !Number.isFinite(v))) throw new BadRequest(`payload.${key} must be a ${type}`);
  return v as T extends 'string' ? string : number;
}

/** The page of entries after `afterSeq`: at most `limit`, and whether more follow. */
export function entriesAfter(all: Iterable<ExchangeEntry>, afterSeq: number, limit: number): { entries: ExchangeEntry[]; more: boolean } {
  const entries: ExchangeEntry[] = [];
  for (const e of all) {
    if (e.seq <= afterSeq) continue;
    if (entries.length === limit) return { entries: sorted(entries), more: true };
    entries.push(e);
  }
  return { entries: sorted(entries), more: false };
}

const sorted = (list: ExchangeEntry[]) => list.sort((a, b) => a.seq - b.seq);

export function entryHandlers(s: EntrySource): EntryHandlers {
  return {
    'get-entry': async (p) => {
      const t = tabIdOf(p);
      const id = field(p, 'id', 'string');
      await s.writeThrough();
      return s.entry(t, id) ?? null;
    },
    'get-entries': async (p) => {
      const t = tabIdOf(p);
      const afterSeq = field(p, 'afterSeq', 'number');
      const limit = Math.max(1, Math.min(ENTRIES_PAGE, Math.floor(field(p, 'limit', 'number'))));
      await s.writeThrough();
      return entriesAfter(s.entries(t), afterSeq, limit);
    },
  };
}
