/**
 * Where the pages get full entries: the panel holds compact rows, and asks for one exchange's entry when the
 * user opens it, and for all of them (page by page) when it exports, as the popup does. The live tab's come
 * from the worker (`get-entry`, `get-entries`: no message carries the whole log); an imported file's are at hand.
 */
import type { BackgroundConnection } from './transport';
import type { ExchangeEntry } from './protocol';
import { ENTRIES_PAGE } from './protocol';
import { sanitizeEntries } from '../core/model/sanitize';

export interface EntrySource {
  /** One exchange's entry; null when it is gone (cleared, dropped, another page). */
  one(id: string): Promise<ExchangeEntry | null>;
  /** Every entry, in order of first sight. */
  all(): Promise<ExchangeEntry[]>;
}

/**
 * Entries from the worker go through the core's one boundary (sanitize.ts): a worker of another version or a
 * corrupted store cannot hand the panel a record that makes it throw. Well-typed entries come back as they are.
 */
const receivedEntries = (list: unknown): ExchangeEntry[] =>
  sanitizeEntries(list).map((e) => (e.seq !== undefined && e.pageId !== undefined ? e as ExchangeEntry : { ...e, seq: e.seq ?? 0, pageId: e.pageId ?? '' }));

/** The live tab's entries, asked of the worker. */
export function remoteEntries(conn: Pick<BackgroundConnection, 'request'>, tabId: number): EntrySource {
  return {
    async one(id) {
      const answer = await conn.request('get-entry', { tabId, id });
      return answer === null ? null : receivedEntries([answer])[0] ?? null;
    },
    async all() {
      const out: ExchangeEntry[] = [];
      let afterSeq = -1;
      for (;;) {
        const page = await conn.request('get-entries', { tabId, afterSeq, limit: ENTRIES_PAGE });
        const entries = receivedEntries(page.entries);
        out.push(...entries);
        const last = entries[entries.length - 1];
        // A page that moves the cursor nowhere ends the walk (a worker that answers `more` without entries).
        if (!page.more || last === undefined || last.seq <= afterSeq) return out;
        afterSeq = last.seq;
      }
    },
  };
}

/** Entries the panel holds (an imported file). */
export function localEntries(entries: readonly ExchangeEntry[]): EntrySource {
  let byId: Map<string, ExchangeEntry> | null = null;
  return {
    one: async (id) => (byId ??= new Map(entries.map((e) => [e.exchange.id, e]))).get(id) ?? null,
    all: async () => entries.slice(),
  };
}
