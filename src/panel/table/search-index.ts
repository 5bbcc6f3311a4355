/**
 * The text the filter box searches (the pieces of each row's machine text, and its verdicts, reasons and
 * headlines as shown and in English), stored so a keystroke stays cheap with fifty thousand exchanges.
 *
 * Pieces repeat from one exchange to the next (header names and values, verdict words), so every piece is
 * kept once in a table, and each exchange holds the numbers of its pieces. A search scans each distinct piece once, then checks each exchange's
 * numbers: far less work than rendering and scanning every exchange's words. The pieces a word hits are
 * kept for the next keystrokes: a word that contains an earlier one (typing on) is looked for only among
 * that one's hits, and only the pieces added since are scanned for a word seen before.
 */

/** What one word hits: a flag per piece (the first `size` pieces of the table), and the list of those hit. */
interface Hits {
  size: number;
  flags: Uint8Array;
  list: Int32Array;
}

/** How many words' hits are kept (the words of the last few keystrokes). */
const KEPT_WORDS = 16;

export class TextTable {
  /** Bumped when the table is rebuilt: numbers held from an older generation must be recomputed. */
  generation = 0;
  private texts: string[] = [];
  private ids = new Map<string, number>();
  private hitsOf = new Map<string, Hits>();

  constructor(private limit = 250_000) {}

  get size(): number {
    return this.texts.length;
  }

  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  /** Starts afresh when the table has grown past its limit (a long session); returns whether it did. */
  compact(): boolean {
    if (this.texts.length <= this.limit) return false;
    this.reset();
    return true;
  }

  /**
   * Raises the limit to twice the pieces held: called when the rows in use are indexed again after a fresh
   * start, so a log whose rows alone hold more distinct pieces than the limit does not start afresh at
   * every search.
   */
  settle(): void {
    this.limit = Math.max(this.limit, 2 * this.texts.length);
  }

  /** Starts afresh: every row's pieces are made again. */
  reset(): void {
    this.texts = [];
    this.ids = new Map();
    this.hitsOf = new Map();
    this.generation++;
  }

  /** A flag per piece of text: does it contain `word`? */
  hits(word: string): Uint8Array {
    return this.hitsOfWord(word).flags;
  }

  /** The pieces that contain `word`, in ascending order. */
  hitList(word: string): Int32Array {
    return this.hitsOfWord(word).list;
  }

  private hitsOfWord(word: string): Hits {
    const texts = this.texts;
    const kept = this.hitsOf.get(word);
    if (kept && kept.size === texts.length) {
      this.hitsOf.delete(word);
      this.hitsOf.set(word, kept);
      return kept;
    }
    // The candidates: the hits of this word over fewer pieces, or of the longest earlier word it contains.
    let base = kept;
    if (!base) {
      let longest = 0;
      for (const [w, h] of this.hitsOf) if (w.length > longest && word.includes(w)) { base = h; longest = w.length; }
    }
    const flags = new Uint8Array(texts.length);
    const list: number[] = [];
    let from = 0;
    if (base) {
      for (const id of base.list) if (texts[id]!.includes(word)) { flags[id] = 1; list.push(id); }
      from = base.size;
    }
    for (let i = from; i < texts.length; i++) if (texts[i]!.includes(word)) { flags[i] = 1; list.push(i); }
    // The earlier word's hits come first, then the pieces after them: the list stays ascending.
    const made = { size: texts.length, flags, list: Int32Array.from(list) };
    this.hitsOf.delete(word);
    this.hitsOf.set(word, made);
    if (this.hitsOf.size > KEPT_WORDS) this.hitsOf.delete(this.hitsOf.keys().next().value!);
    return made;
  }
}

/** True when one of the pieces `ids` (from `from` up to `to`) is flagged in `hits`. */
function anyHit(ids: Int32Array, hits: Uint8Array, from = 0, to = ids.length): boolean {
  for (let i = from; i < to; i++) if (hits[ids[i]!] === 1) return true;
  return false;
}

/** `a`, or a copy twice as long when it has no room for `need` numbers. */
function grown(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * The pieces of each slot (an indexed row) in one flat list, slot s holding `pieces[starts[s]]` up to
 * `pieces[starts[s + 1]]`, and the slots of each piece (a number while one slot alone holds it, as a URL
 * does). Flat, so indexing fifty thousand rows while the page is idle grows a few arrays instead of leaving
 * objects for the next keystroke's garbage collection to copy.
 */
export class SlotPieces {
  count = 0;
  private starts: Int32Array = new Int32Array(1024);
  private pieces: Int32Array = new Int32Array(16_384);
  private slotsOf: (number | number[] | undefined)[] = [];

  /** Starts the next slot; its pieces are `put` until `close`. */
  open(): number {
    const slot = this.count;
    this.starts = grown(this.starts, slot + 2);
    this.starts[slot + 1] = this.starts[slot]!;
    return slot;
  }

  put(slot: number, piece: number): void {
    const at = this.starts[slot + 1]!;
    this.pieces = grown(this.pieces, at + 1);
    this.pieces[at] = piece;
    this.starts[slot + 1] = at + 1;
    const had = this.slotsOf[piece];
    if (had === undefined) this.slotsOf[piece] = slot;
    else if (typeof had === 'number') { if (had !== slot) this.slotsOf[piece] = [had, slot]; }
    else if (had[had.length - 1] !== slot) had.push(slot);
  }

  close(): void {
    this.count++;
  }

  /** True when one of the pieces of `slot` is flagged in `hits`. */
  hits(slot: number, hits: Uint8Array): boolean {
    return anyHit(this.pieces, hits, this.starts[slot]!, this.starts[slot + 1]!);
  }

  /** Flags in `flags` every slot that holds `piece`. */
  mark(piece: number, flags: Uint8Array): void {
    const slots = this.slotsOf[piece];
    if (typeof slots === 'number') flags[slots] = 1;
    else if (slots) for (let k = 0; k < slots.length; k++) flags[slots[k]!] = 1;
  }
}
