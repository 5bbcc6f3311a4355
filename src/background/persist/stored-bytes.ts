/** What each stored key costs in the area's quota (as the browser charges it), kept as a running total. */
import { chargedBytes } from './storage-area';

const isEntry = (key: string) => key.startsWith('cl:e:');

export class StoredBytes {
  private readonly sizes = new Map<string, number>();
  total = 0;
  private entryBytes = 0;
  private entryCount = 0;

  has(key: string): boolean {
    return this.sizes.has(key);
  }

  size(key: string): number {
    return this.sizes.get(key) ?? 0;
  }

  /** What storing `value` under `key` would add (negative when it shrinks). */
  change(key: string, value: string): number {
    return chargedBytes(value) - this.size(key);
  }

  /** What a batch would add. */
  delta(items: Record<string, string>, gone: Iterable<string>): number {
    let d = 0;
    for (const [k, v] of Object.entries(items)) d += this.change(k, v);
    for (const k of gone) d -= this.size(k);
    return d;
  }

  stored(key: string, value: string): void {
    this.forget(key);
    const n = chargedBytes(value);
    this.sizes.set(key, n);
    this.total += n;
    if (isEntry(key)) { this.entryBytes += n; this.entryCount++; }
  }

  forget(key: string): void {
    const n = this.sizes.get(key);
    if (n === undefined) return;
    this.sizes.delete(key);
    this.total -= n;
    if (isEntry(key)) { this.entryBytes -= n; this.entryCount--; }
  }

  /** The mean size of a stored entry (a guess before any is stored). */
  entryAverage(): number {
    return this.entryCount > 0 ? this.entryBytes / this.entryCount : 1500;
  }
}
