/**
 * `buildHarReport`: a HAR 1.2 log of every captured exchange with its verdict. Readable by any HAR
 * viewer and by Chrome DevTools' "Import HAR" (Chrome's own entry shape), and by `readHar`.
 */
import type { VerdictKind } from '../../model/verdict';
import { sanitizeEntries } from '../../model/sanitize';
import { exchangeEntries } from './entries';
import { SENSITIVE_HEADERS } from './redact';
import { logLens, reportLens } from './findings';
import { isoTime } from './timing';
import type { BuildOptions, HarEntry, HarPage, HarReport, ReportEntry, ReportPage } from '../types';
import { wordsIn } from '../../report/words';
import type { Words } from '../../i18n/words';

export const REPORT_CREATOR = 'CORS Lens';

const emptyCounts = (): Record<VerdictKind, number> => ({
  simple: 0, preflighted: 0, blocked: 0, 'same-origin': 0, 'no-cors': 0, 'network-error': 0, pending: 0, inconclusive: 0,
});

function toPage(id: string, title: string, startedAt: number): HarPage {
  return { startedDateTime: isoTime(startedAt), id, title, pageTimings: { onContentLoad: -1, onLoad: -1 } };
}

/** Pages referenced by the entries: the given ones, plus a described stand-in for any page not given. */
function buildPages(entries: readonly ReportEntry[], given: readonly ReportPage[]): HarPage[] {
  const known = new Map(given.map((p) => [p.pageId, p]));
  const pages = new Map<string, HarPage>();
  for (const { exchange: x, pageId } of entries) {
    if (pageId === undefined) continue;
    const page = pages.get(pageId);
    if (page) {
      if (!known.has(pageId) && Date.parse(page.startedDateTime) > x.timings.start) page.startedDateTime = isoTime(x.timings.start);
      continue;
    }
    const info = known.get(pageId);
    pages.set(pageId, info
      ? toPage(pageId, info.url, info.startedAt)
      : toPage(pageId, x.documentUrl ?? x.initiator ?? 'unknown page', x.timings.start));
  }
  return [...pages.values()].sort((a, b) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime));
}

const text = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0);

/** Options as given, or their defaults where they are not well typed (they may come from a port). */
function cleanOptions(o: unknown): BuildOptions & { dropped: number; words: Words } {
  const opts = (typeof o === 'object' && o !== null ? o : {}) as Record<string, unknown>;
  const b = (typeof opts.browser === 'object' && opts.browser !== null ? opts.browser : {}) as Record<string, unknown>;
  const pages = Array.isArray(opts.pages)
    ? (opts.pages as unknown[]).filter((p): p is ReportPage => typeof p === 'object' && p !== null && typeof (p as ReportPage).pageId === 'string' &&
      typeof (p as ReportPage).url === 'string' && Number.isFinite((p as ReportPage).startedAt))
    : [];
  const out: BuildOptions & { dropped: number; words: Words } = {
    includeSensitive: opts.includeSensitive === true,
    browser: { name: text(b.name, 'unknown'), version: text(b.version, '') },
    extensionVersion: text(opts.extensionVersion, '0.0.0'),
    pages,
    dropped: count(opts.dropped),
    words: wordsIn(opts.words),
  };
  if (opts.now instanceof Date && !Number.isNaN(opts.now.getTime())) out.now = opts.now;
  return out;
}

export function buildHarReport(input: readonly ReportEntry[], given: BuildOptions): HarReport {
  const options = cleanOptions(given);
  const entries = sanitizeEntries(input).map((e, i) => (e.exchange.id === '' ? { ...e, exchange: { ...e.exchange, id: `exchange-${i + 1}` } } : e));
  const ordered = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.exchange.timings.start - b.e.exchange.timings.start || (a.e.seq ?? a.i) - (b.e.seq ?? b.i))
    .map(({ e }) => e);
  const counts = emptyCounts();
  const lens = reportLens(entries, options.includeSensitive, options.words);
  const harEntries: { start: number; order: number; entry: HarEntry }[] = [];
  for (const { exchange, verdict, pageId } of ordered) {
    counts[verdict.kind] = (counts[verdict.kind] ?? 0) + 1;
    for (const entry of exchangeEntries(exchange, verdict, pageId, options.includeSensitive, lens)) {
      harEntries.push({ start: Date.parse(entry.startedDateTime), order: harEntries.length, entry });
    }
  }
  harEntries.sort((a, b) => a.start - b.start || a.order - b.order);
  const now = options.now ?? new Date();
  return {
    log: {
      version: '1.2',
      creator: { name: REPORT_CREATOR, version: options.extensionVersion },
      browser: { name: options.browser.name, version: options.browser.version },
      pages: buildPages(ordered, options.pages ?? []),
      entries: harEntries.map((h) => h.entry),
      _corsLens: {
        formatVersion: 1,
        extensionVersion: options.extensionVersion,
        browser: { ...options.browser },
        generatedAt: now.toISOString(),
        lang: options.words.lang,
        sensitiveIncluded: options.includeSensitive,
        redactedHeaders: options.includeSensitive ? [] : [...SENSITIVE_HEADERS],
        exchanges: entries.length,
        dropped: options.dropped,
        counts,
        ...logLens(lens),
      },
    },
  };
}
