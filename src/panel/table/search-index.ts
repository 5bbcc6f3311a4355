/**
 * What the filter box searches, stored so a keystroke stays cheap with ten thousand exchanges.
 *
 * Most of the searchable text repeats from one exchange to the next (header names, common values,
 * reasons), so every piece of text is kept once in a table, and each exchange holds the numbers of
 * its pieces. A search scans each distinct piece once, then checks each exchange's numbers: far less
 * work than scanning every exchange's text.
 */

export class TextTable {
  /** Bumped when the table is rebuilt: numbers held from an older generation must be recomputed. */
  generation = 0;
  private texts: string[] = [];
  private ids = new Map<string, number>();

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

  /** Starts afresh (the words shown changed language: every row's pieces are made again). */
  reset(): void {
    this.texts = [];
    this.ids = new Map();
    this.generation++;
  }

  /** A flag per piece of text: does it contain `word`? */
  hits(word: string): Uint8Array {
    const out = new Uint8Array(this.texts.length);
    for (let i = 0; i < this.texts.length; i++) if (this.texts[i]!.includes(word)) out[i] = 1;
    return out;
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
