/**
 * An in-memory `storage.session`/`storage.local`: values are copied through JSON as the browser
 * serialises them, sizes are counted like Chromium does (key + JSON of the value), and an optional
 * quota makes `set` fail the way Chromium's does.
 */
import type { StorageAreaLike } from '../../src/background/storage-area';

export class FakeStorageArea implements StorageAreaLike {
  readonly data = new Map<string, string>();
  sets = 0;
  /** Keys written by the last successful `set`. */
  lastSetKeys: string[] = [];
  bytesWritten = 0;
  /** Makes the next `set` calls fail with this error (consumed one per call). */
  failNext: Error[] = [];

  constructor(public quotaBytes = Infinity) {}

  private used = 0;

  get bytesInUse(): number {
    return this.used;
  }

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.data) if (keys === null || keys.includes(k)) out[k] = JSON.parse(v);
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.sets++;
    const fail = this.failNext.shift();
    if (fail) throw fail;
    const encoded = Object.entries(items).map(([k, v]) => [k, JSON.stringify(v)] as const);
    let size = this.bytesInUse;
    for (const [k, v] of encoded) size += k.length + v.length - (this.data.has(k) ? k.length + this.data.get(k)!.length : 0);
    if (size > this.quotaBytes) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
    this.lastSetKeys = encoded.map(([k]) => k);
    for (const [k, v] of encoded) {
      const old = this.data.get(k);
      if (old !== undefined) this.used -= k.length + old.length;
      this.used += k.length + v.length;
      this.data.set(k, v);
      this.bytesWritten += k.length + v.length;
    }
  }

  async remove(keys: string[]): Promise<void> {
    for (const k of keys) {
      const old = this.data.get(k);
      if (old === undefined) continue;
      this.used -= k.length + old.length;
      this.data.delete(k);
    }
  }
}
