/**
 * Table rows: what the table shows and sorts, made once per entry version (a changed entry gets a new
 * Row). Rows hold nothing derived later: the search text lives in the store's search index (search.ts).
 */
import { neverSent, notSentLabel, notSentWhy } from '../../core/classify/sent';
import { m, type Words, EN } from '../../core';
import { say, type Text } from '../text';
import { parseUrl } from '../../core/http/url';
import type { VerdictKind } from '../../core/model/verdict';
import type { ExchangeEntry } from '../../shared/protocol';
import { PANEL_VERDICT_ORDER } from '../../ui/verdict-labels';
import { shortReason } from './short-reason';

export interface Row {
  entry: ExchangeEntry;
  id: string;
  kind: VerdictKind;
  start: number;
  method: string;
  /** Real HTTP status when one was received. */
  status: number | null;
  /** Status column text: the number, or what stands in for it (a message, rendered when drawn). */
  statusText: Text;
  /** Why the status column says what it says, when it is not a status (a request never sent). */
  statusTitle: Text | null;
  reason: Text;
  /** Needed a preflight (seen or cached), whatever the verdict. */
  preflightNeeded: boolean;
  /** The table lines of this exchange: itself, then its preflights. */
  lines: readonly TableLine[];
}

/** A line of the table: an exchange, or one of its preflights shown under it. */
export type TableLine =
  | { type: 'request'; key: string; row: Row }
  | { type: 'preflight'; key: string; row: Row; index: number };

export const preflightKey = (id: string, index: number): string => `${id}#preflight-${index}`;

/** Origin and path of a URL, for the URL column (the whole URL as the path when it does not parse). */
export function splitUrl(url: string): { origin: string; path: string } {
  const u = parseUrl(url);
  if (!u) return { origin: '', path: url };
  if (u.origin === 'null') return { origin: `${u.protocol}`, path: url.slice(u.protocol.length) };
  return { origin: u.origin, path: url.slice(u.origin.length) || '/' };
}

/**
 * The request's own status. A request blocked at its preflight was never sent: it has none (the
 * verdict's status is then the preflight's, which its own row shows).
 */
function statusOf(entry: ExchangeEntry): { status: number | null; text: Text; title: Text | null } {
  const { exchange, verdict } = entry;
  if (neverSent(exchange, verdict)) return { status: null, text: notSentLabel(), title: notSentWhy(exchange) };
  const status = verdict.status ?? exchange.response?.status ?? null;
  if (status !== null) return { status, text: String(status), title: null };
  if (exchange.outcome.state === 'pending') return { status: null, text: m('panel_status_pending'), title: null };
  if (exchange.outcome.state === 'failed') return { status: null, text: m('panel_status_failed'), title: null };
  return { status: null, text: '—', title: null };
}

/** Cheap: what the table needs to draw and sort a row. The search text is built later, by the search index. */
export function toRow(entry: ExchangeEntry): Row {
  const { exchange: x, verdict: v } = entry;
  const st = statusOf(entry);
  const lines: TableLine[] = [];
  const row: Row = {
    entry,
    id: x.id,
    kind: v.kind,
    start: x.timings.start,
    method: x.method,
    status: st.status,
    statusText: st.text,
    statusTitle: st.title,
    reason: shortReason(x, v),
    preflightNeeded: v.preflight.required || x.preflights.length > 0,
    lines,
  };
  lines.push({ type: 'request', key: row.id, row });
  for (let i = 0; i < x.preflights.length; i++) lines.push({ type: 'preflight', key: preflightKey(row.id, i), row, index: i });
  return row;
}

export type SortColumn = 'time' | 'method' | 'url' | 'status' | 'verdict' | 'reason';
export interface SortSpec { column: SortColumn; dir: 'asc' | 'desc' }
const rank = new Map(PANEL_VERDICT_ORDER.map((k, i) => [k, i]));
const byTime = (a: Row, b: Row) => a.start - b.start || a.entry.seq - b.entry.seq;
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const COMPARE: Record<SortColumn, (a: Row, b: Row, w: Words) => number> = {
  time: byTime,
  method: (a, b) => order(a.method, b.method),
  url: (a, b) => order(a.entry.exchange.url, b.entry.exchange.url),
  status: (a, b) => (a.status ?? 1000) - (b.status ?? 1000),
  verdict: (a, b) => rank.get(a.kind)! - rank.get(b.kind)!,
  reason: (a, b, w) => order(say(a.reason, w), say(b.reason, w)),
};

/** Stable sort; ties keep time order. The reason column sorts by its words in `w` (the language shown). */
export function sortRows(rows: readonly Row[], spec: SortSpec, w: Words = EN): readonly Row[] {
  if (spec.column === 'time' && spec.dir === 'asc') return rows;
  const cmp = COMPARE[spec.column];
  const sign = spec.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * cmp(a, b, w) || byTime(a, b));
}
