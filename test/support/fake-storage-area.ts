/**
 * An in-memory `storage.session`/`storage.local` (settings, capture choices, the log's marker):
 * values are copied through JSON as the browser serialises them.
 */
import type { StorageAreaLike } from '../../src/background/persist/storage-area';

export class FakeStorageArea implements StorageAreaLike {
  readonly data = new Map<string, string>();

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.data) if (keys === null || keys.includes(k)) out[k] = JSON.parse(v);
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(items)) this.data.set(k, JSON.stringify(v));
  }

  async remove(keys: string[]): Promise<void> {
    for (const k of keys) this.data.delete(k);
  }
}
