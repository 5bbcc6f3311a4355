/**
 * `readHar`: reads a HAR file (ours, Chrome DevTools' own export, or any HAR 1.2 producer) back into
 * the core's `Exchange` records, so the same classifier judges them. Whole-file problems throw a
 * `HarReadError` with a sentence for the user; a malformed entry is skipped with a warning.
 */
import type { Exchange, Observer } from '../../model/exchange';
import { markTyped } from '../../model/sanitize';
import { chainRequests } from './chain';
import { exchangeOf, type ReadContext } from './exchange-of';
import { isPreflight, pairPreflights } from './pair';
import { parseEntry, type ParsedEntry } from './parse-entry';
import { DEFAULT_MAX_BYTES, exceedsBytes, formatBytes, HarReadError, hm } from './errors';
import { REPORT_CREATOR } from '../write/build';
import type { Msg } from '../../i18n/msg';
import type { Words } from '../../i18n/words';
import { wordsIn } from '../../report/words';

interface ReadHarOptions {
  /** Refuse larger input (UTF-8 bytes). Default 200 MB. */
  maxBytes?: number;
  /** The language of the warnings and of the errors' `message` (English when absent); errors also carry `msg`. */
  words?: Words;
}

/** A whole-file error, its sentence in the reader's language and as a message. */
const failure = (kind: ConstructorParameters<typeof HarReadError>[0], msg: Msg, w: Words): HarReadError => new HarReadError(kind, w.t(msg), msg);

export interface ReadHarResult {
  exchanges: Exchange[];
  warnings: string[];
  /** Who wrote the file (`log.creator`), and whether it is a CORS Lens report. */
  creator: { name: string; version: string };
  ours: boolean;
  /** Page URL per HAR page id (`pages[].title`), for grouping. */
  pages: { id: string; url: string; startedAt: number }[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(text: string, w: Words): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw failure('malformed-json', hm('error_not_json', { detail }), w);
  }
}

function observerFor(log: Obj, anyPreflight: boolean): Observer {
  const names = [log.creator, log.browser].map((c) => (isObj(c) && typeof c.name === 'string' ? c.name.toLowerCase() : ''));
  const browser = names.some((n) => n.includes('firefox')) ? 'firefox'
    : names.some((n) => /webinspector|chrom|edge|opera|brave/.test(n)) ? 'chromium' : 'unknown';
  // Chrome DevTools lists preflights; other producers may not, so only their presence proves visibility.
  const chromeDevTools = names[0] === 'webinspector';
  return { browser, preflightsVisible: chromeDevTools || anyPreflight, fullRequestHeaders: true, source: 'har' };
}

function pagesOf(log: Obj): ReadHarResult['pages'] {
  if (!Array.isArray(log.pages)) return [];
  return log.pages.filter(isObj).filter((p) => typeof p.id === 'string').map((p) => ({
    id: p.id as string,
    url: typeof p.title === 'string' ? p.title : '',
    startedAt: Date.parse(typeof p.startedDateTime === 'string' ? p.startedDateTime : '') || 0,
  }));
}

export function readHar(text: string, options: ReadHarOptions = {}): ReadHarResult {
  const opts = typeof options === 'object' && options !== null ? options : {};
  const w = wordsIn(opts.words);
  if (typeof text !== 'string') throw failure('not-har', hm('error_not_text'), w);
  const given = opts.maxBytes;
  const max = typeof given === 'number' && given >= 0 ? given : DEFAULT_MAX_BYTES;
  const size = exceedsBytes(text, max);
  if (size !== null) throw failure('too-large', hm('error_too_large', { size: formatBytes(size, w.lang), max: formatBytes(max, w.lang) }), w);
  if (text.trim() === '') throw failure('empty', hm('error_empty'), w);
  const root = parseJson(text, w);
  const log = isObj(root) ? root.log : undefined;
  if (!isObj(log) || !Array.isArray(log.entries)) throw failure('not-har', hm('error_no_entries'), w);
  const warnings: string[] = [];
  const preflights: ParsedEntry[] = [];
  const requests: ParsedEntry[] = [];
  const entries: unknown[] = log.entries;
  for (let i = 0; i < entries.length; i++) {
    const e = parseEntry(entries[i], i);
    if (!('method' in e)) warnings.push(w.t(e));
    else if (isPreflight(e)) preflights.push(e);
    else requests.push(e);
  }
  const chains = chainRequests(requests);
  const pairing = pairPreflights(preflights, chains);
  warnings.push(...pairing.warnings.map((msg) => w.t(msg)));
  const pages = pagesOf(log);
  const ctx: ReadContext = {
    observer: observerFor(log, preflights.length > 0),
    pageUrls: new Map(pages.map((p) => [p.id, p.url])),
  };
  // Every field of a rebuilt exchange is typed by parseEntry and exchangeOf (test/unit/core/har/read/typed.test.ts
  // checks that sanitize returns each unchanged): the classifier need not walk them again.
  const exchanges = chains.map((c) => markTyped(exchangeOf(c, pairing.byChain.get(c) ?? [], ctx)));
  const creator = isObj(log.creator) ? log.creator : {};
  const name = typeof creator.name === 'string' ? creator.name : 'unknown';
  return {
    exchanges,
    warnings,
    creator: { name, version: typeof creator.version === 'string' ? creator.version : '' },
    ours: name === REPORT_CREATOR,
    pages,
  };
}
