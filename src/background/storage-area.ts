/** The slice of `chrome.storage.StorageArea` we use (session for the logs, local for settings). */
export interface StorageAreaLike {
  /** `null` reads everything. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Chromium: "Session storage quota bytes exceeded…"; Firefox: "QuotaExceededError…". */
export function isQuotaError(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return /quota/i.test(text);
}
