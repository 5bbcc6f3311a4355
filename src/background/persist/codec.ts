/**
 * The form an exchange takes in storage.session: one JSON string per entry, header lists kept once.
 *
 * Why a string: Chromium charges storage.session by the memory its values take in the browser
 * process, not by their JSON: every object member costs about 64 bytes and every array element 32
 * on top of its content, so a typical exchange stored as an object is charged about 4× its JSON
 * length (a 1.3 KB exchange ≈ 5.4 KB), and 10 MB held under 2,000 of them. A string is charged its
 * UTF-8 length.
 *
 * Why a header pool: the pages' requests repeat the same header lists (User-Agent, client hints,
 * Accept-*, Origin, Referer, Sec-Fetch-*) and APIs answer with the same response headers; each
 * distinct list is stored once under its own key and entries name it by number (`{"h":n}`).
 * Any array of `{ name, value }` in the exchange is treated as a header list, so fields added to the
 * model later are stored too. Lossless: decoding gives back an equal `Exchange`.
 */
import type { Exchange, Header, Observer } from '../../core/model/exchange';
import { sanitize } from '../../core/model/sanitize';

/** What an entry stores (its verdict is recomputed by the pure classifier when rehydrating). */
export interface StoredEntry {
  exchange: Exchange;
  seq: number;
  pageId: string;
}

/** Gives the number of a header list (its JSON text), adding it to the pool when new. */
type ListRef = (json: string) => number;
/** The JSON text of a header list by number, undefined when missing. */
type ListLookup = (id: number) => string | undefined;

const isHeaderList = (v: unknown): v is Header[] => {
  if (!Array.isArray(v) || v.length === 0) return false;
  const first = v[0] as Header | null;
  return typeof first === 'object' && first !== null && typeof first.name === 'string' && typeof first.value === 'string';
};

/** JSON of a header list as `[name, value]` pairs (the pool's text for it). */
function listJson(list: Header[]): string {
  return JSON.stringify(list.map((x) => [x.name, x.value]));
}

function packValue(v: unknown, ref: ListRef): unknown {
  if (isHeaderList(v)) return { h: ref(listJson(v)) };
  if (Array.isArray(v)) return v.map((x) => packValue(x, ref));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = packValue(x, ref);
    return out;
  }
  return v;
}

const sameObserver = (a: Observer, b: Observer) =>
  a.browser === b.browser && a.preflightsVisible === b.preflightsVisible && a.fullRequestHeaders === b.fullRequestHeaders &&
  a.source === b.source;

/** The stored text of an entry; the observer is left out when it is the stored default. */
export function encodeEntry(entry: StoredEntry, defaultObserver: Observer, ref: ListRef): string {
  const { observer, ...rest } = entry.exchange;
  const x = packValue(rest, ref) as Record<string, unknown>;
  if (!sameObserver(observer, defaultObserver)) x.observer = observer;
  return JSON.stringify({ s: entry.seq, p: entry.pageId, x });
}

class MissingList extends Error {}

function unpackList(json: string): Header[] {
  const pairs: unknown = JSON.parse(json);
  return (Array.isArray(pairs) ? pairs : []).map((x: unknown) => {
    const [name, value] = Array.isArray(x) ? x : [];
    return { name: String(name ?? ''), value: String(value ?? '') };
  });
}

function unpackValue(v: unknown, lookup: ListLookup, refs: number[]): unknown {
  if (Array.isArray(v)) return v.map((x) => unpackValue(x, lookup, refs));
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === 'h' && typeof o.h === 'number') {
    const json = lookup(o.h);
    if (json === undefined) throw new MissingList();
    refs.push(o.h);
    return unpackList(json);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = unpackValue(o[k], lookup, refs);
  return out;
}

const isExchangeLike = (x: Record<string, unknown>) =>
  typeof x.id === 'string' && typeof x.url === 'string' && Array.isArray(x.requestHeaders) && Array.isArray(x.redirects) &&
  Array.isArray(x.preflights) && typeof x.outcome === 'object' && x.outcome !== null &&
  typeof x.timings === 'object' && x.timings !== null;

/**
 * An entry back from its stored text, with the header lists it names (`refs`), or null when the
 * text is unreadable or names a list the pool lacks.
 */
export function decodeEntry(text: unknown, defaultObserver: Observer, lookup: ListLookup): { entry: StoredEntry; refs: number[] } | null {
  if (typeof text !== 'string') return null;
  try {
    const raw = JSON.parse(text) as { s?: unknown; p?: unknown; x?: unknown };
    if (typeof raw !== 'object' || raw === null || typeof raw.s !== 'number' || typeof raw.p !== 'string') return null;
    if (typeof raw.x !== 'object' || raw.x === null) return null;
    const refs: number[] = [];
    const x = unpackValue(raw.x, lookup, refs) as Record<string, unknown>;
    if (!isExchangeLike(x)) return null;
    x.observer ??= defaultObserver;
    // Stored text is untrusted (another version, a corrupted store): the core's one boundary makes it well typed.
    return { entry: { exchange: sanitize(x), seq: raw.s, pageId: raw.p }, refs };
  } catch {
    return null;
  }
}
