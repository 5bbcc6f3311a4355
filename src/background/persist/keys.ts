/**
 * The layout of `storage.session` (every value a JSON string, see codec.ts for why):
 *   `cl:v`                 schema version
 *   `cl:t:<tabId>`         TabMeta (pages, counters, drop count)
 *   `cl:o`                 the observer shared by the stored exchanges
 *   `cl:h:<n>`             a header list, stored once, named by number by the entries (header-pool.ts)
 *   `cl:e:<tabId>:<id>`    one entry: seq, pageId and the exchange — the verdict is not stored, it is
 *                          recomputed from the exchange by the (pure) classifier when rehydrating.
 */
export const SCHEMA_VERSION = 2;
export const VERSION_KEY = 'cl:v';
export const OBSERVER_KEY = 'cl:o';
export const metaKey = (tabId: number) => `cl:t:${tabId}`;
export const entryKey = (tabId: number, id: string) => `cl:e:${tabId}:${id}`;
export const listKey = (id: number) => `cl:h:${id}`;
/** A tab meta, entry or header-list key: kind (`t`, `e`, `h`), number (tab id or list id), exchange id. */
export const KEY = /^cl:(t|e|h):(-?\d+)(?::(.+))?$/;
