/**
 * What the filter box searches, stored so a keystroke stays cheap with fifty thousand exchanges.
 *
 * Most of the searchable text repeats from one exchange to the next (header names, common values,
 * reasons), so every piece of text is kept once in a table, and each exchange holds the numbers of
 * its pieces. A search scans each distinct piece once, then checks each exchange's numbers: far less
 * work than scanning every exchange's text. The pieces a word hits are kept for the next keystrokes:
 * a word that contains an earlier one (typing on) is looked for only among that one's hits, and only
 * the pieces added since are scanned for a word seen before.
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

  constructor(private readonly limit = 250_000) {}

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

  /** Starts afresh: every row's pieces are made again. */
  reset(): void {
    this.texts = [];
    this.ids = new Map();
    this.hitsOf = new Map();
    this.generation++;
  }

  /** A flag per piece of text: does it contain `word`? */
  hits(word: string): Uint8Array {
    const texts = this.texts;
    const kept = this.hitsOf.get(word);
    if (kept && kept.size === texts.length) {
      this.hitsOf.delete(word);
      this.hitsOf.set(word, kept);
      return kept.flags;
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
    this.hitsOf.delete(word);
    this.hitsOf.set(word, { size: texts.length, flags, list: Int32Array.from(list) });
    if (this.hitsOf.size > KEPT_WORDS) this.hitsOf.delete(this.hitsOf.keys().next().value!);
    return flags;
  }
}

/** The searchable pieces of one exchange, as numbers into a table. */
export interface Terms {
  generation: number;
  ids: Int32Array;
}

export function termsOf(table: TextTable, pieces: readonly string[]): Terms {
  const ids = new Int32Array(pieces.length);
  for (let i = 0; i < pieces.length; i++) ids[i] = table.intern(pieces[i]!.toLowerCase());
  return { generation: table.generation, ids };
}

/** True when every word occurs in at least one piece. */
export function allWordsHit(terms: Terms, hitsPerWord: readonly Uint8Array[]): boolean {
  const ids = terms.ids;
  for (const hits of hitsPerWord) {
    let found = false;
    for (let i = 0; i < ids.length; i++) {
      if (hits[ids[i]!] === 1) { found = true; break; }
    }
    if (!found) return false;
  }
  return true;
}
