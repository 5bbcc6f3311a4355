/**
 * An in-memory `storage.session`/`storage.local`: values are copied through JSON as the browser
 * serialises them, and an optional quota makes `set` fail the way Chromium's does (atomically, with
 * its message). Sizes are charged like Chromium 156 charges storage.session (measured with
 * getBytesInUse): the memory the value takes in the browser process, not its JSON — a string its
 * UTF-8 bytes + 1 rounded up to 8 (nothing up to 22 bytes), numbers and booleans nothing, every
 * object member 64 bytes and every array element 32 on top of their contents; keys are free.
 */
import type { StorageAreaLike } from '../../src/background/persist/storage-area';

export function chromiumCharge(v: unknown): number {
  if (typeof v === 'string') {
    const n = new TextEncoder().encode(v).length;
    return n <= 22 ? 0 : Math.ceil((n + 1) / 8) * 8;
  }
  if (Array.isArray(v)) return v.reduce((sum: number, x) => sum + 32 + chromiumCharge(x), 0);
  if (typeof v === 'object' && v !== null) {
    return Object.entries(v).reduce((sum, [k, x]) => sum + 64 + chromiumCharge(k) + chromiumCharge(x), 0);
  }
  return 0;
}

export class FakeStorageArea implements StorageAreaLike {
  readonly data = new Map<string, string>();
  private readonly charged = new Map<string, number>();
  sets = 0;
  /** Keys written by the last successful `set`. */
  lastSetKeys: string[] = [];
  /** Bytes charged for every value written so far (a measure of write volume). */
  bytesWritten = 0;
  /** Makes the next `set` calls fail with this error (consumed one per call). */
  failNext: Error[] = [];
  /** `QUOTA_BYTES`, told to the code only when `announceQuota` (the real areas announce theirs). */
  readonly quotaBytes?: number;

  constructor(public readonly quota = Infinity, announceQuota = true) {
    if (announceQuota && quota !== Infinity) this.quotaBytes = quota;
  }

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
    const encoded = Object.entries(items).map(([k, v]) => [k, JSON.stringify(v), chromiumCharge(JSON.parse(JSON.stringify(v)))] as const);
    let size = this.used;
    for (const [k, , c] of encoded) size += c - (this.charged.get(k) ?? 0);
    if (size > this.quota) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
    this.lastSetKeys = encoded.map(([k]) => k);
    for (const [k, v, c] of encoded) {
      this.used += c - (this.charged.get(k) ?? 0);
      this.charged.set(k, c);
      this.data.set(k, v);
      this.bytesWritten += c;
    }
  }

  async remove(keys: string[]): Promise<void> {
    for (const k of keys) {
      if (!this.data.has(k)) continue;
      this.used -= this.charged.get(k) ?? 0;
      this.charged.delete(k);
      this.data.delete(k);
    }
  }
}
