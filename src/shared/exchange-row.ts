/**
 * The compact row of an exchange (protocol.ts `ExchangeRow`): what the panel's table shows, sorts and
 * searches, without the headers and the verdict's evidence. Pure: the worker makes one per entry version
 * (cached by entry object), the panel one per entry of an imported file, so the table has one input type.
 */
import { neverSent, notSentWhy } from '../core/classify/sent';
import type { Header } from '../core/model/exchange';
import type { ExchangeEntry, ExchangeRow, RowPreflight } from './protocol';
import { shortReason } from './short-reason';

/** Longest header value (or URL) that goes into the hay: a 1 MB header must not travel with every row. */
const HAY_VALUE_MAX = 256;
/** Longest hay of one row, all pieces together. */
const HAY_MAX = 4096;

/** Collects the hay's pieces, lower-case, until the total cap. */
class Hay {
  private readonly parts: string[] = [];
  private length = 0;

  add(text: string | undefined): void {
    if (text === undefined || text === '' || this.length >= HAY_MAX) return;
    const piece = (text.length > HAY_VALUE_MAX ? text.slice(0, HAY_VALUE_MAX) : text).toLowerCase();
    const room = HAY_MAX - this.length;
    const kept = piece.length > room ? piece.slice(0, room) : piece;
    // A newline never occurs inside a header value or a URL: pieces stay apart.
    this.parts.push(kept.replace(/[\r\n]/g, ' '));
    this.length += kept.length + 1;
  }

  headers(list: readonly Header[] | undefined): void {
    if (!list) return;
    for (const h of list) {
      this.add(h.name);
      this.add(h.value);
    }
  }

  toString(): string {
    return this.parts.join('\n');
  }
}

function hayOf(entry: ExchangeEntry, status: number | null): string {
  const { exchange: x, verdict: v } = entry;
  const hay = new Hay();
  hay.add(x.method);
  hay.add(x.url);
  if (status !== null) hay.add(String(status));
  hay.add(v.kind);
  for (const r of v.reasons) hay.add(r.code);
  if (x.outcome.state === 'failed') hay.add(x.outcome.error);
  if (x.preflights.length > 0) {
    hay.add('options');
    hay.add('preflight');
  }
  for (const hop of x.redirects) hay.add(hop.location);
  hay.headers(x.requestHeaders);
  hay.headers(x.response?.headers);
  for (const hop of x.redirects) {
    hay.headers(hop.requestHeaders);
    hay.headers(hop.response.headers);
  }
  for (const p of x.preflights) {
    hay.headers(p.requestHeaders);
    hay.headers(p.response?.headers);
  }
  return hay.toString();
}

const preflightOf = (p: ExchangeEntry['exchange']['preflights'][number]): RowPreflight =>
  ({ url: p.url, start: p.start, status: p.response?.status ?? null, failed: !p.response && p.error !== undefined });

/** The row of an entry. A request blocked at its preflight was never sent: it has no status of its own. */
export function toExchangeRow(entry: ExchangeEntry): ExchangeRow {
  const { exchange: x, verdict: v } = entry;
  const notSent = neverSent(x, v) ? notSentWhy(x) : null;
  const status = notSent ? null : v.status ?? x.response?.status ?? null;
  return {
    id: x.id,
    seq: entry.seq,
    pageId: entry.pageId,
    kind: v.kind,
    type: x.type,
    start: x.timings.start,
    method: x.method,
    url: x.url,
    status,
    state: x.outcome.state,
    notSent,
    reason: shortReason(x, v),
    headline: v.headline,
    summaries: v.reasons.map((r) => r.summary),
    preflightNeeded: v.preflight.required || x.preflights.length > 0,
    preflights: x.preflights.map(preflightOf),
    hay: hayOf(entry, status),
  };
}
