/**
 * What the filter box searches: the row's machine text (`hay`: method, URL, status, codes, header names and
 * values, made by the worker) and its words (status, verdict, reason, headline, each reason's summary) as the
 * page shows them and in English, so a filter typed in either language, or copied from a report, still finds
 * the row. The machine text is searched as it came (one lower-case string of a few hundred characters: a
 * scan of it costs less than looking up its pieces, and nothing to build). The words are rendered once per
 * distinct message and held per row as numbers into one table of distinct pieces (search-index.ts), made
 * once per row (a Row is made once per exchange version) and again only for a row searched after the
 * language changed. Rows are indexed while the page is idle, as they arrive (`warm`), so a keystroke finds
 * them ready. The panel store makes one index; nothing here is global.
 */
import { type Words, EN } from '../../core';
import { verdictLabel } from '../../ui/verdict-labels';
import { sayBoth, type Text } from '../text';
import type { VerdictKind } from '../../core/model/verdict';
import type { Row } from './rows';
import { anyHit, TextTable } from './search-index';

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

interface IdleDeadlineLike { timeRemaining(): number }
type IdleScheduler = (fn: (deadline: IdleDeadlineLike) => void) => () => void;

/** requestIdleCallback where the page has it (it runs between frames), else a zero timeout with a fixed budget. */
const whenIdle: IdleScheduler = (fn) => {
  const g = globalThis as { requestIdleCallback?: (cb: (d: IdleDeadlineLike) => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (g.requestIdleCallback && g.cancelIdleCallback) {
    const h = g.requestIdleCallback(fn, { timeout: 1000 });
    return () => g.cancelIdleCallback!(h);
  }
  const start = Date.now();
  const h = setTimeout(() => fn({ timeRemaining: () => Math.max(0, 8 - (Date.now() - start)) }), 0);
  return () => clearTimeout(h);
};

export interface SearchIndex {
  /** Rows among `rows` whose search text (in English and in `lang`'s words) contains every word (lower-case). */
  search(rows: readonly Row[], words: readonly string[], lang?: Words): Row[];
  /** The same, as positions in `rows` (ascending); every position when there is no word. */
  positions(rows: readonly Row[], words: readonly string[], lang?: Words): Int32Array;
  /**
   * Indexes the rows of `rows` it has not seen (new or changed since the last call: compared by position,
   * as the log only appends and replaces), a little at a time while the page is idle, so a keystroke finds
   * them ready. Returns a function that cancels what is left.
   */
  warm(rows: readonly Row[], schedule?: IdleScheduler, lang?: Words): () => void;
  /** Whether the search text of `row` is ready (in the language of the last search or warm). */
  has(row: Row): boolean;
}

/** A row's words, as numbers into the table of distinct word pieces, in the language `lang` and English. */
interface Indexed {
  generation: number;
  lang: string;
  ids: Int32Array;
}

/** The search text of the rows it has seen: their machine text as it came, their words as numbers into one table. */
export function createSearchIndex(): SearchIndex {
  const table = new TextTable();
  // Weak: a row that left the log (a new exchange version, a cleared tab) takes its words with it.
  const indexed = new WeakMap<Row, Indexed>();
  /** The language of the words: rows indexed in another one get their words again when searched. */
  let shown: Words = EN;
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
  let saidIn = { lang: '', generation: -1 };
  const idsOf = (x: Said): Int32Array => {
    if (saidIn.lang !== shown.lang || saidIn.generation !== table.generation || said.size > KEPT_TEXTS) {
      said = new Map();
      saidIn = { lang: shown.lang, generation: table.generation };
    }
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
  const ensure = (row: Row): Indexed => {
    const t = indexed.get(row);
    if (t && t.generation === table.generation && t.lang === shown.lang) return t;
    const words = wordTexts(row, shown).map(idsOf);
    const ids = new Int32Array(words.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of words) { ids.set(p, at); at += p.length; }
    const made = { generation: table.generation, lang: shown.lang, ids };
    indexed.set(row, made);
    return made;
  };
  const positions = (rows: readonly Row[], words: readonly string[], lang: Words = EN): Int32Array => {
    if (words.length === 0) {
      const all = new Int32Array(rows.length);
      for (let i = 0; i < all.length; i++) all[i] = i;
      return all;
    }
    shown = lang;
    table.compact();
    // Every row's words first: a row indexed now may add pieces the words must be looked for in.
    const all = rows.map(ensure);
    const hits = words.map((w) => table.hits(w));
    const out = new Int32Array(rows.length);
    let n = 0;
    // The machine text is searched as it is (a scan of a few hundred characters beats looking up its pieces).
    for (let i = 0; i < rows.length; i++) {
      const hay = rows[i]!.data.hay;
      const ids = all[i]!.ids;
      let every = true;
      for (let k = 0; k < words.length && every; k++) every = hay.includes(words[k]!) || anyHit(ids, hits[k]!);
      if (every) out[n++] = i;
    }
    return out.subarray(0, n);
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
      // What differs from the rows seen last (the whole list after a language change or a shorter log),
      // after what a cancelled warm left.
      const todo = queue.slice(done);
      const same = relang || rows.length < warmed.length ? 0 : warmed.length;
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
        cancel = done < queue.length ? schedule(step) : null;
      };
      cancel = queue.length > 0 ? schedule(step) : null;
      return () => cancel?.();
    },
    has(row) {
      const t = indexed.get(row);
      return t !== undefined && t.generation === table.generation && t.lang === shown.lang;
    },
  };
}
