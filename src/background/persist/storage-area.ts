/** The slice of `chrome.storage.StorageArea` we use (session for the logs, local for settings). */
export interface StorageAreaLike {
  /** `null` reads everything. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** The area's quota in bytes (`QUOTA_BYTES`); absent when it has none. */
  readonly quotaBytes?: number;
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

/** Chromium: "Session storage quota bytes exceeded…"; Firefox: "QuotaExceededError…". */
export function isQuotaError(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return /quota/i.test(text);
}

/**
 * What Chromium charges storage.session for a string value: its UTF-8 bytes plus the terminating
 * NUL, rounded up to 8 (the allocation); short strings live inline and cost nothing. Keys are free.
 * (Measured with getBytesInUse in Chromium 156: 100 ASCII chars → 104, 1,000 → 1,008, 10 → 0.)
 */
export function chargedBytes(text: string): number {
  // eslint-disable-next-line no-control-regex
  const bytes = /[^\x00-\x7f]/.test(text) ? new TextEncoder().encode(text).length : text.length;
  return bytes <= 22 ? 0 : Math.ceil((bytes + 1) / 8) * 8;
}
