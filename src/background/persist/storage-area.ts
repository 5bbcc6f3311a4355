/** The slice of `browser.storage.StorageArea` we use (local for settings, session for the log's marker). */
export interface StorageAreaLike {
  /** `null` reads everything. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** An area that lives in memory only (a browser without `storage.session`: nothing survives a stop). */
export function memoryArea(): StorageAreaLike {
  const data = new Map<string, string>();
  return {
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of data) if (keys === null || keys.includes(k)) out[k] = JSON.parse(v);
      return out;
    },
    async set(items) { for (const [k, v] of Object.entries(items)) data.set(k, JSON.stringify(v)); },
    async remove(keys) { for (const k of keys) data.delete(k); },
  };
}
