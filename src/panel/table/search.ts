/**
 * What the filter box searches: the row's machine text (`hay`: method, URL, status, codes, header names and
 * values, made by the worker, one piece a line) and its words (status, verdict, reason, headline, each
 * reason's summary) as the page shows them and in English, so a filter typed in either language, or copied
 * from a report, still finds the row. The words are rendered once per distinct message; the machine text's
 * pieces and the words are held per row as numbers into one table of distinct pieces (search-index.ts),
 * made once per row (a Row is made once per exchange version) and again only for a row searched after the
 * language changed.
 *
 * Each indexed row gets a slot, and each piece the list of slots that hold it: a word is looked for once
 * in the distinct pieces, and the slots of the pieces it hits are marked, so a keystroke costs a flag per
 * row instead of a scan of every row's text (at fifty thousand rows, that scan alone took more than a
 * frame). Rows are indexed while the page is idle, as they arrive (`warm`), so a keystroke finds them
 * ready. The panel store makes one index; nothing here is global.
 */
import { type Words, EN } from '../../core';
import { verdictLabel } from '../../ui/verdict-labels';
import { sayBoth, type Text } from '../text';
import type { VerdictKind } from '../../core/model/verdict';
import type { Row } from './rows';
import { SlotPieces, TextTable } from './search-index';
import { whenIdle, type IdleDeadlineLike, type IdleScheduler } from './idle';

/** What a row says: a text, its verdict's label, or the preflight mark of its preflight lines. */
type Said = Text | { kind: VerdictKind } | { mark: 'preflight' };
const PREFLIGHT_MARK = { mark: 'preflight' } as const;

/** The words of a row in `w` and in English, each as the pieces it says (a message, or the row's verdict or preflight mark). */
function wordTexts(row: Row, w: Words): Said[] {
  const d = row.data;
  const out: Said[] = [row.statusText, { kind: d.kind }, d.reason, d.headline, ...d.summaries];
  if (w.lang !== 'en' && d.preflights.length > 0) out.push(PREFLIGHT_MARK);
  return out;
}

/** How many rendered texts the index keeps (distinct messages: most rows say what others say). */
const KEPT_TEXTS = 20_000;

/** The rows at these positions (a loop: Array.from walks a typed array through its iterator, far slower). */
export function pick(rows: readonly Row[], at: ArrayLike<number>): Row[] {
  const out: Row[] = new Array(at.length);
  for (let i = 0; i < at.length; i++) out[i] = rows[at[i]!]!;
  return out;
}

export interface SearchIndex {
  /** Rows among `rows` whose search text (in English and in `lang`'s words) contains every word (lower-case). */
  search(rows: readonly Row[], words: readonly string[], lang?: Words): Row[];
  /**
   * The same, as positions in `rows` (ascending); every position when there is no word. With `among`
   * (ascending positions in `rows`), only those rows are searched: a filter narrows the same list of rows
   * from one keystroke to the next, and that list's slots are kept.
   */
  positions(rows: readonly Row[], words: readonly string[], lang?: Words, among?: Int32Array): Int32Array;
  /**
   * Indexes the rows of `rows` it has not seen (new or changed since the last call: compared by position,
   * as the log only appends and replaces), a little at a time while the page is idle, so a keystroke finds
   * them ready. Returns a function that cancels what is left.
   */
  warm(rows: readonly Row[], schedule?: IdleScheduler, lang?: Words): () => void;
  /** Whether the search text of `row` is ready (in the language of the last search or warm). */
  has(row: Row): boolean;
}

/** What one word hits: a flag per slot, for the first `size` slots. */
interface SlotHits {
  size: number;
  flags: Uint8Array;
}

/** How many words' slot flags are kept (the words of the last few keystrokes). */
const KEPT_WORDS = 16;
/** Slots made (a row's new version, a language change) before the index starts afresh, at the least. */
const SLOT_FLOOR = 100_000;

/** The search text of the rows it has seen, as numbers into one table of distinct pieces. */
export function createSearchIndex(): SearchIndex {
  const table = new TextTable();
  // Everything below made from the table's pieces belongs to one generation of the table: `renew` makes
  // it all afresh when it starts the table afresh. What depends on the language of the words (each row's
  // slot, the rendered texts, the slots of each list) is made afresh when that changes (`rowSlots`).
  /** The pieces of each slot, and the slots of each piece. */
  let slots = new SlotPieces();
  let slotsOf = new Map<string, SlotHits>();
  let slotBudget = SLOT_FLOOR;
  /** The language of the words: rows indexed in another one get their words again when searched. */
  let shown: Words = EN;
  /**
   * Each row's slot, in the language `indexedLang` (a new map for the next). Weak: a row that left the log
   * (a new exchange version, a cleared tab) takes its entry with it. A slot is a small integer: an entry
   * makes no object.
   */
  let indexed = new WeakMap<Row, number>();
  let indexedLang = shown.lang;
  const rowSlots = (): WeakMap<Row, number> => {
    if (indexedLang !== shown.lang) {
      indexed = new WeakMap();
      said = new Map();
      slotLists = new WeakMap();
      indexedLang = shown.lang;
    }
    return indexed;
  };
  /** The rows the last `warm` was given: the next one indexes only what differs. */
  let warmed: readonly Row[] = [];
  /** Rows to index while the page is idle, and how many of them are done. */
  let queue: Row[] = [];
  let done = 0;
  /**
   * The pieces of one text in the words shown and in English, by its content: a message is rendered once
   * for every row that says the same (a verdict headline repeats from one exchange to the next).
   */
  let said = new Map<string, Int32Array>();
  const idsOf = (x: Said): Int32Array => {
    if (said.size > KEPT_TEXTS) said = new Map();
    const key = typeof x === 'string' ? `s${x}` : `m${JSON.stringify(x)}`;
    let ids = said.get(key);
    if (!ids) {
      const texts = typeof x === 'string' ? [x]
        : 'mark' in x ? [shown.say('panel_chip_preflight')]
        : 'kind' in x ? [...new Set([verdictLabel(x.kind, EN), verdictLabel(x.kind, shown)])]
        : sayBoth(x, shown);
      ids = Int32Array.from(texts, (t) => table.intern(t.toLowerCase()));
      said.set(key, ids);
    }
    return ids;
  };
  /** The slot of `row`, made now when it has none. */
  const ensure = (row: Row): number => {
    const map = rowSlots();
    const known = map.get(row);
    if (known !== undefined) return known;
    const slot = slots.open();
    for (const x of wordTexts(row, shown)) {
      const ids = idsOf(x);
      for (let i = 0; i < ids.length; i++) slots.put(slot, ids[i]!);
    }
    // The machine text's pieces, one a line (a word never holds a line break, so it never spans two).
    const hay = row.data.hay;
    for (let from = 0; from <= hay.length;) {
      let to = hay.indexOf('\n', from);
      if (to < 0) to = hay.length;
      slots.put(slot, table.intern(hay.slice(from, to)));
      from = to + 1;
    }
    slots.close();
    map.set(row, slot);
    return slot;
  };
  /**
   * The slot of each row of `rows`, kept per list (the sorted rows, a cached filter result): a keystroke
   * searches the same list as the one before, and looking up fifty thousand rows in the weak map each time
   * cost more than the search itself. A list of rows is never changed once made (the store makes new ones).
   */
  let slotLists = new WeakMap<readonly Row[], Int32Array>();
  const slotsFor = (rows: readonly Row[]): Int32Array => {
    rowSlots(); // first: a change of language makes the lists afresh
    const kept = slotLists.get(rows);
    if (kept) return kept;
    const list = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) list[i] = ensure(rows[i]!);
    slotLists.set(rows, list);
    return list;
  };
  /** A flag per slot: does one of its pieces contain `word`? */
  const slotHits = (word: string): Uint8Array => {
    const size = slots.count;
    const kept = slotsOf.get(word);
    if (kept && kept.size === size) {
      slotsOf.delete(word);
      slotsOf.set(word, kept);
      return kept.flags;
    }
    const flags = new Uint8Array(size);
    if (kept) {
      // A slot's pieces never change: only the slots made since are looked at.
      flags.set(kept.flags);
      const hit = table.hits(word);
      for (let s = kept.size; s < size; s++) if (slots.hits(s, hit)) flags[s] = 1;
    } else {
      const list = table.hitList(word);
      for (let i = 0; i < list.length; i++) {
        slots.mark(list[i]!, flags);
      }
    }
    slotsOf.delete(word);
    slotsOf.set(word, { size, flags });
    if (slotsOf.size > KEPT_WORDS) slotsOf.delete(slotsOf.keys().next().value!);
    return flags;
  };
  /**
   * Rows replaced or gone leave their pieces and slots behind: past a budget, start afresh. Checked by a search
   * and by every warm, so a panel left open on a busy tab, where nobody types, does not keep every row
   * version it ever saw.
   */
  const renew = (): boolean => {
    if (!table.compact()) {
      if (slots.count <= slotBudget) return false;
      table.reset();
    }
    slots = new SlotPieces();
    slotsOf = new Map();
    indexed = new WeakMap();
    said = new Map();
    slotLists = new WeakMap();
    return true;
  };
  /** The budgets follow what the rows in use need, measured right after a fresh start (nothing dead yet). */
  const settle = () => {
    table.settle();
    slotBudget = Math.max(SLOT_FLOOR, 2 * slots.count);
  };
  const positions = (rows: readonly Row[], words: readonly string[], lang: Words = EN, among?: Int32Array): Int32Array => {
    const n = among ? among.length : rows.length;
    if (words.length === 0) {
      if (among) return among.slice();
      const all = new Int32Array(n);
      for (let i = 0; i < n; i++) all[i] = i;
      return all;
    }
    shown = lang;
    const fresh = renew();
    // Every row first: a row indexed now adds slots (and pieces) the words must be looked for in.
    const slots = slotsFor(rows);
    if (fresh) settle();
    const hits = words.map(slotHits);
    const out = new Int32Array(n);
    let found = 0;
    for (let j = 0; j < n; j++) {
      const i = among ? among[j]! : j;
      const s = slots[i]!;
      let every = true;
      for (let k = 0; k < hits.length && every; k++) every = hits[k]![s] === 1;
      if (every) out[found++] = i;
    }
    return out.subarray(0, found);
  };
  return {
    positions,
    search(rows, words, lang = EN) {
      if (words.length === 0) return rows.slice();
      return pick(rows, positions(rows, words, lang));
    },
    warm(rows, schedule = whenIdle, lang = EN) {
      const relang = lang.lang !== shown.lang;
      shown = lang;
      const fresh = renew();
      // What differs from the rows seen last (the whole list after a language change, a fresh start or a
      // shorter log), after what a cancelled warm left.
      const todo = fresh ? [] : queue.slice(done);
      const same = relang || fresh || rows.length < warmed.length ? 0 : warmed.length;
      for (let i = 0; i < same; i++) if (rows[i] !== warmed[i]) todo.push(rows[i]!);
      for (let i = same; i < rows.length; i++) todo.push(rows[i]!);
      warmed = rows;
      queue = todo;
      done = 0;
      let cancel: (() => void) | null = null;
      const step = (deadline: IdleDeadlineLike) => {
        // At least a few rows per call, so a page that is never idle still gets there.
        const floor = Math.min(queue.length, done + 50);
        while (done < queue.length && (done < floor || deadline.timeRemaining() > 1)) ensure(queue[done++]!);
        if (done < queue.length) { cancel = schedule(step); return; }
        if (fresh) settle();
        // The slots of the rows in order too (the table's order until a column is sorted), so the next
        // keystroke does not look up every row in the weak map.
        slotsFor(rows);
        cancel = null;
      };
      cancel = queue.length > 0 ? schedule(step) : null;
      return () => cancel?.();
    },
    has(row) {
      return rowSlots().has(row);
    },
  };
}
