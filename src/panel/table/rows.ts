/**
 * Table rows: what the table shows and sorts, made once per row version (a changed exchange gets a new
 * Row). A Row holds the compact `ExchangeRow` the worker sent (or the panel made for an imported file),
 * never the full entry: details are fetched when the exchange is opened. The search text lives in the
 * store's search index (search.ts).
 */
import { notSentLabel } from '../../core/classify/sent';
import { m } from '../../core';
import type { Text } from '../text';
import { parseUrl } from '../../core/http/url';
import type { VerdictKind } from '../../core/model/verdict';
import type { ExchangeEntry, ExchangeRow } from '../../shared/protocol';
import { toExchangeRow } from '../../shared/exchange-row';

export interface Row {
  /** The exchange as the worker sent it: url, preflights, headline, hay… */
  data: ExchangeRow;
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

const PENDING = m('panel_status_pending');
const FAILED = m('panel_status_failed');

/** The status column: the request's own status, else "not sent" (blocked at its preflight), pending or failed. */
function statusOf(d: ExchangeRow): { text: Text; title: Text | null } {
  if (d.notSent) return { text: notSentLabel(), title: d.notSent };
  if (d.status !== null) return { text: String(d.status), title: null };
  if (d.state === 'pending') return { text: PENDING, title: null };
  if (d.state === 'failed') return { text: FAILED, title: null };
  return { text: '—', title: null };
}

/** Cheap: what the table needs to draw and sort a row. The search text is built later, by the search index. */
export function toRow(data: ExchangeRow): Row {
  const st = statusOf(data);
  const lines: TableLine[] = [];
  const row: Row = {
    data,
    id: data.id,
    kind: data.kind,
    start: data.start,
    method: data.method,
    status: data.status,
    statusText: st.text,
    statusTitle: st.title,
    reason: data.reason,
    preflightNeeded: data.preflightNeeded,
    lines,
  };
  lines.push({ type: 'request', key: row.id, row });
  for (let i = 0; i < data.preflights.length; i++) lines.push({ type: 'preflight', key: preflightKey(row.id, i), row, index: i });
  return row;
}

/** The Row of a full entry (an imported file, tests): through the same row function as the worker's. */
export const rowOfEntry = (entry: ExchangeEntry): Row => toRow(toExchangeRow(entry));

export type SortColumn = 'time' | 'method' | 'url' | 'status' | 'verdict' | 'reason';
export interface SortSpec { column: SortColumn; dir: 'asc' | 'desc' }
