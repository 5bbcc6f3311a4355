/**
 * `readHar`: reads a HAR file (ours, Chrome DevTools' own export, or any HAR 1.2 producer) back into
 * the core's `Exchange` records, so the same classifier judges them. Whole-file problems throw a
 * `HarReadError` with a sentence for the user; a malformed entry is skipped with a warning.
 */
import type { Exchange, Observer } from '../../model/exchange';
import { chainRequests } from './chain';
import { exchangeOf, type ReadContext } from './exchange-of';
import { isPreflight, pairPreflights } from './pair';
import { parseEntry, type ParsedEntry } from './parse-entry';
import { DEFAULT_MAX_BYTES, exceedsBytes, formatBytes, HarReadError } from './errors';
import { REPORT_CREATOR } from '../write/build';

interface ReadHarOptions {
  /** Refuse larger input (UTF-8 bytes). Default 200 MB. */
  maxBytes?: number;
}

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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new HarReadError('malformed-json', `This file is not valid JSON, so it cannot be a HAR file (${detail}).`);
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
  if (typeof text !== 'string') throw new HarReadError('not-har', 'This is not the text of a file, so it cannot be a HAR file.');
  const given = typeof options === 'object' && options !== null ? options.maxBytes : undefined;
  const max = typeof given === 'number' && given >= 0 ? given : DEFAULT_MAX_BYTES;
  const size = exceedsBytes(text, max);
  if (size !== null) {
    throw new HarReadError('too-large', `This file is ${formatBytes(size)}; the limit is ${formatBytes(max)}. Record a shorter session or filter the HAR first.`);
  }
  if (text.trim() === '') throw new HarReadError('empty', 'The file is empty.');
  const root = parseJson(text);
  const log = isObj(root) ? root.log : undefined;
  if (!isObj(log) || !Array.isArray(log.entries)) {
    throw new HarReadError('not-har', 'This JSON file is not a HAR file: it has no "log.entries" list.');
  }
  const warnings: string[] = [];
  const parsed: ParsedEntry[] = [];
  log.entries.forEach((raw, i) => {
    const e = parseEntry(raw, i);
    if (typeof e === 'string') warnings.push(e);
    else parsed.push(e);
  });
  const preflights = parsed.filter(isPreflight);
  const requests = parsed.filter((e) => !isPreflight(e));
  const chains = chainRequests(requests);
  const pairing = pairPreflights(preflights, chains);
  warnings.push(...pairing.warnings);
  const pages = pagesOf(log);
  const ctx: ReadContext = {
    observer: observerFor(log, preflights.length > 0),
    pageUrls: new Map(pages.map((p) => [p.id, p.url])),
  };
  const exchanges = chains.map((c) => exchangeOf(c, pairing.byChain.get(c) ?? [], ctx));
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
