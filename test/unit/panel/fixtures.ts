/**
 * Exchanges for panel tests, written with the shared builder and judged by the real classifier, so
 * the panel is tested on what it will really be given.
 */
import { classify } from '../../../src/core/classify/classify';
import type { Exchange } from '../../../src/core/model/exchange';
import type { ExchangeEntry, ExchangeRow, PortMessage, RowsSnapshot, Settings, TabSnapshot } from '../../../src/shared/protocol';
import { emptyCounts, SNAPSHOT_PAGE } from '../../../src/shared/protocol';
import { toExchangeRow } from '../../../src/shared/exchange-row';
import { portMessage } from '../../../src/shared/transport';
import { screen } from '@testing-library/preact';
import { API, exchange, PAGE } from '../../support/builder';

export { API, PAGE };
export const XSS = '<img src=x onerror="window.__pwned=1">';

/** Gives each entry its own id and a start time in sight order. */
export function entry(x: Exchange, seq: number): ExchangeEntry {
  x.timings = { start: x.timings.start + seq * 100, end: (x.timings.end ?? x.timings.start) + seq * 100 };
  return { exchange: x, verdict: classify(x), seq, pageId: 'page-1' };
}

export const simple = (id: string, seq = 1): ExchangeEntry =>
  entry(exchange().id(id).to(`${API}/items/${id}`).response((r) => r.acao(PAGE).header('Content-Type', 'application/json')).build(), seq);

/** Blocked: Access-Control-Allow-Origin has a trailing slash; the server says nginx; one header value is hostile markup. */
export const blockedTrailingSlash = (id = 'b1', seq = 2): ExchangeEntry =>
  entry(exchange().id(id).to(`${API}/items/${id}`)
    .response((r) => r.acao(`${PAGE}/`).header('Server', 'nginx/1.25').header('X-Evil', XSS)).failed().build(), seq);

/** Preflighted PUT with a custom header; the preflight and the request both pass. */
export const preflightedPut = (id = 'p1', seq = 3): ExchangeEntry =>
  entry(exchange().id(id).method('PUT').header('Content-Type', 'application/json').header('X-Trace', 'abc').to(`${API}/items/${id}`)
    .preflight((p) => p.status(204).acao(PAGE).acam('PUT').acah('content-type, x-trace'))
    .response((r) => r.acao(PAGE)).build(), seq);

/** Blocked at its preflight (OPTIONS answered 500 without CORS headers): the PATCH itself was never sent. */
export const blockedAtPreflight = (id = 'f1', seq = 5): ExchangeEntry =>
  entry(exchange().id(id).method('PATCH').header('X-CSRF-Token', 't').to(`${API}/items/${id}`)
    .preflight((p) => p.status(500)).failed().build(), seq);

export const sameOrigin = (id = 's1', seq = 4): ExchangeEntry =>
  entry(exchange().id(id).to(`${PAGE}/local/${id}`).response().build(), seq);

export const settings = (over: Partial<Settings> = {}): Settings => ({ paused: false, keepLog: false, recordSameOrigin: false, ...over });

export function snapshot(entries: ExchangeEntry[], over: Partial<Settings> = {}): TabSnapshot {
  const counts = emptyCounts();
  for (const e of entries) counts[e.verdict.kind]++;
  return {
    summary: { tabId: 7, page: { pageId: 'page-1', url: `${PAGE}/`, startedAt: 0 }, counts, total: entries.length, dropped: 0, blocked: [] },
    entries,
    settings: settings(over),
  };
}

/** The rows the worker would send for these entries. */
export const rowsOf = (entries: readonly ExchangeEntry[]): ExchangeRow[] => entries.map(toExchangeRow);

/** A snapshot as the worker sends it on a port: rows, in pages of `size`. */
export function rowPages(snap: TabSnapshot, size = SNAPSHOT_PAGE): RowsSnapshot[] {
  const rows = rowsOf(snap.entries);
  const parts = Math.max(1, Math.ceil(rows.length / size));
  return Array.from({ length: parts }, (_, part) =>
    ({ summary: snap.summary, settings: snap.settings, rows: rows.slice(part * size, (part + 1) * size), part, parts }));
}

/** The first (for small logs, the only) snapshot message of a tab. */
export const snapshotMessage = (snap: TabSnapshot): PortMessage<'snapshot'> => portMessage('snapshot', rowPages(snap)[0]!);

/** The details pane once the opened exchange's entry has arrived (it is fetched when opened). */
export async function loadedDetails(): Promise<HTMLElement> {
  const headline = await screen.findByTestId('headline');
  return headline.closest('aside')!;
}
