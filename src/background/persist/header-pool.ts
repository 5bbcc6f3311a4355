/**
 * The stored header lists, each kept once and counted by the entries that name it. An entry's
 * lists are swapped as a whole when it is rewritten (`assign`) or forgotten (`release`); a list no
 * entry names any more is reported so its key can be removed.
 */
export class HeaderPool {
  private readonly byText = new Map<string, { id: number; refs: number }>();
  private readonly byId = new Map<number, string>();
  /** The lists each entry (by storage key) names. */
  private readonly owners = new Map<string, number[]>();
  private next = 1;

  /** Rehydration: a list read back from storage (unreferenced until an entry claims it). */
  restore(id: number, text: string): void {
    if (this.byText.has(text)) return;
    this.byText.set(text, { id, refs: 0 });
    this.byId.set(id, text);
    this.next = Math.max(this.next, id + 1);
  }

  text(id: number): string | undefined {
    return this.byId.get(id);
  }

  /** The number of a list; `onNew` is told when it was not in the pool (its key must be written). */
  ref(text: string, onNew: (id: number) => void): number {
    const known = this.byText.get(text);
    if (known) return known.id;
    const id = this.next++;
    this.byText.set(text, { id, refs: 0 });
    this.byId.set(id, text);
    onNew(id);
    return id;
  }

  /** The entry `owner` now names `ids`; returns the lists nobody names any more. */
  assign(owner: string, ids: number[]): number[] {
    for (const id of ids) this.count(id, +1);
    const old = this.owners.get(owner);
    if (ids.length > 0) this.owners.set(owner, ids);
    else this.owners.delete(owner);
    return old ? this.drop(old) : [];
  }

  /** The entry is gone; returns the lists nobody names any more. */
  release(owner: string): number[] {
    const old = this.owners.get(owner);
    if (!old) return [];
    this.owners.delete(owner);
    return this.drop(old);
  }

  /** Lists restored from storage that no entry claimed. */
  unclaimed(): number[] {
    const out: number[] = [];
    for (const [id, text] of this.byId) if ((this.byText.get(text)?.refs ?? 0) === 0) out.push(id);
    for (const id of out) this.forget(id);
    return out;
  }

  get size(): number {
    return this.byId.size;
  }

  private drop(ids: number[]): number[] {
    const freed: number[] = [];
    for (const id of ids) if (this.count(id, -1) === 0) freed.push(id);
    for (const id of freed) this.forget(id);
    return freed;
  }

  private count(id: number, d: 1 | -1): number {
    const text = this.byId.get(id);
    const slot = text === undefined ? undefined : this.byText.get(text);
    if (!slot) return -1;
    slot.refs += d;
    return slot.refs;
  }

  private forget(id: number): void {
    const text = this.byId.get(id);
    this.byId.delete(id);
    if (text !== undefined) this.byText.delete(text);
  }
}
