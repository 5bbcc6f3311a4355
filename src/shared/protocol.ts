/**
 * The one protocol between the background worker and the extension pages (panel, popup).
 * Every message name maps to its payload here; senders and handlers are generic over these maps.
 *
 * Two channels:
 * - requests: one-shot `runtime.sendMessage` calls, answered with a `Response<…>`;
 * - a live port per inspected tab, named `portName(tabId)`, carrying `PortEvents` from the
 *   background to the page (the page sends nothing on it but may disconnect at any time).
 */
import type { Exchange, Outcome, ResourceType } from '../core/model/exchange';
import type { Msg } from '../core/i18n/msg';
import type { Verdict, VerdictKind } from '../core/model/verdict';
import type { Finding, Severity } from '../core/findings/types';
import type { CostTotals, EndpointCost } from '../core/findings/cost';

export type { Finding };

export const PROTOCOL_VERSION = 1;

/** A recorded exchange with its verdict, as the background stores and sends it. */
export interface ExchangeEntry {
  exchange: Exchange;
  /** Classified when the exchange ended (or `pending` while in flight). */
  verdict: Verdict;
  /** Monotonic per tab: the order of first sight. */
  seq: number;
  /** The page session (top-level navigation) the exchange belongs to. */
  pageId: string;
}

/** Tab id used for requests with no tab (service workers, extension requests). */
export const OTHER_TAB = -1;

export type VerdictCounts = Record<VerdictKind, number>;

export interface PageInfo {
  pageId: string;
  url: string;
  startedAt: number;
}

export interface TabSummary {
  tabId: number;
  /** Current page of the tab (the newest page session). */
  page: PageInfo | null;
  counts: VerdictCounts;
  total: number;
  /** Exchanges dropped because of the per-tab bound or storage quota, never silently. */
  dropped: number;
  /**
   * Exchanges whose end was lost while the browser restarted the worker: judged from what was seen, or
   * inconclusive ("Interrupted"). Absent from summaries of older versions.
   */
  interrupted?: number;
  /** Up to the newest N blocked entries, newest first (the popup groups them). */
  blocked: ExchangeEntry[];
  /**
   * The security and cost lens for this tab (findings whose exchanges belong to the tab, computed over the
   * whole log of every tab). Present in answers to `get-summary` and in `snapshot` summaries (computed
   * then if stale); in `upsert`/`reset` summaries it is the latest computed block, or absent when none was
   * computed yet. The `findings` port event carries the full list. Absent from summaries of older versions.
   */
  findings?: TabFindingsSummary;
  /** Preflight cost of the tab's log, per endpoint (the top few); same presence as `findings`. */
  cost?: TabCostSummary;
  /**
   * The capture settings in force, in answers to `get-summary` (so the popup asks once); absent in
   * port events, where settings travel in their own `settings` event.
   */
  settings?: Settings;
  /** Whether this tab is captured and why, in answers to `get-summary`; absent in port events. */
  capture?: TabCapture;
}

/** How many of the worst findings a summary carries (the popup shows them). */
export const SUMMARY_TOP_FINDINGS = 5;
/** How many endpoints a summary's cost block carries (most waited-for first). */
export const SUMMARY_TOP_COST = 3;

export interface TabFindingsSummary {
  /** Findings per severity (every severity present, zero when none). */
  counts: Record<Severity, number>;
  /** All findings of the tab (sum of `counts`). */
  total: number;
  /** The worst severity among them, null when there is none. */
  worst: Severity | null;
  /**
   * Up to SUMMARY_TOP_FINDINGS findings, worst first, then by endpoint, then catalogue order: the
   * finding objects as the core made them (their own title/summary/why/fix: show those, never copies).
   */
  top: Finding[];
}

/** The cost totals of the tab's log (all endpoints: preflights, wait, what a suitable Max-Age saves), and the top endpoints. */
export interface TabCostSummary extends CostTotals {
  /** Endpoints with at least one preflight. */
  endpoints: number;
  /** Up to SUMMARY_TOP_COST endpoints, most waited-for first (as `preflightCost` sorts them). */
  top: EndpointCost[];
}

/** The whole lens for one tab: the `findings` port event. */
export interface TabFindings {
  tabId: number;
  /** Every finding with at least one exchange of this tab, worst first, then endpoint (evidence may cite other tabs' exchange ids). */
  findings: Finding[];
  /** Preflight cost of the tab's log, every endpoint, most waited-for first. */
  cost: EndpointCost[];
  summary: { findings: TabFindingsSummary; cost: TabCostSummary };
}

export interface Settings {
  /** Capture paused: listeners removed, nothing recorded. */
  paused: boolean;
  /** Keep the log across top-level navigations. */
  keepLog: boolean;
  /** Keep the log when the browser closes (else a fresh browser start empties it); absent in older settings. */
  keepAcrossRestarts?: boolean;
  /** Record same-origin requests and navigations too (they never count as CORS problems). */
  recordSameOrigin: boolean;
  /**
   * Which tabs are captured: every tab (`everywhere`, the default; absent in settings of older versions), or
   * only the tabs and sites the user turned on (`chosen`; with none on, no webRequest listener is registered).
   */
  capture?: CaptureMode;
}

export type CaptureMode = 'everywhere' | 'chosen';

/** Whether a tab is captured and why (background/scope/): the popup and the panel say it and offer to change it. */
export interface TabCapture {
  tabId: number;
  /** Why it is captured: every tab is, the tab itself is on, its site is on; or `off` (not captured). Pause aside. */
  why: 'everywhere' | 'tab' | 'site' | 'off';
  /** The tab itself is turned on (it counts when the mode is `chosen`). */
  tab: boolean;
  /** The site (origin) of the tab's page, when it is a web page; null otherwise. */
  site: string | null;
  /** That site is turned on: every tab showing its pages is captured (mode `chosen`). */
  siteOn: boolean;
}

export interface TabSnapshot {
  summary: TabSummary;
  entries: ExchangeEntry[];
  settings: Settings;
}

/** Words of a row: a message of the core, or a plain string (a network error code, an older record's text). */
export type RowText = string | Msg;

/** One preflight line of a row: what the table shows under its request. */
export interface RowPreflight {
  url: string;
  start: number;
  /** The preflight's status, null when no response arrived. */
  status: number | null;
  /** The preflight itself failed (no response, an error). */
  failed: boolean;
}

/**
 * An exchange as the table shows, sorts and searches it: made once per entry version by `toExchangeRow`
 * (src/shared/exchange-row.ts), in the worker for the live log and in the panel for an imported file. The
 * full entry (`get-entry`) is fetched only when the user opens the exchange.
 */
export interface ExchangeRow {
  id: string;
  seq: number;
  pageId: string;
  kind: VerdictKind;
  type: ResourceType;
  start: number;
  method: string;
  url: string;
  /** The request's own HTTP status, when one was received (never the preflight's). */
  status: number | null;
  state: Outcome['state'];
  /** Set when the request was never sent (stopped at its preflight): why, for the status cell's title. */
  notSent: Msg | null;
  /** The reason column's few words. */
  reason: RowText;
  headline: RowText;
  /** Each reason's summary (searched in the words shown). */
  summaries: RowText[];
  /** Needed a preflight (seen or cached), whatever the verdict. */
  preflightNeeded: boolean;
  preflights: RowPreflight[];
  /**
   * What the filter searches that is not words, lower-case, pieces separated by `\n`: method, URL, status,
   * verdict kind, reason codes, header names and values (each capped), redirect locations, the network error.
   * Capped in total (HAY_MAX). The panel adds the words (verdict label, reason, headline, summaries).
   */
  hay: string;
}

/** How many rows one `snapshot` message carries: the first page paints while the next ones travel. */
export const SNAPSHOT_PAGE = 2000;
/** The most entries one `get-entries` answer carries. */
export const ENTRIES_PAGE = 500;

/** One page of a tab's snapshot on its port. */
export interface RowsSnapshot {
  summary: TabSummary;
  settings: Settings;
  rows: ExchangeRow[];
  part: number;
  parts: number;
}

/** Requests from a page to the background, each with its payload and its answer. */
export interface Requests {
  'get-summary': { payload: { tabId: number }; result: TabSummary };
  'get-snapshot': { payload: { tabId: number }; result: TabSnapshot };
  clear: { payload: { tabId: number }; result: null };
  /** One exchange's full entry (the details of an opened row); null when it is gone (cleared, dropped). */
  'get-entry': { payload: { tabId: number; id: string }; result: ExchangeEntry | null };
  /** Full entries in order of first sight, `limit` at most (ENTRIES_PAGE), after `afterSeq` (-1: from the start). */
  'get-entries': { payload: { tabId: number; afterSeq: number; limit: number }; result: { entries: ExchangeEntry[]; more: boolean } };
  'get-settings': { payload: Record<string, never>; result: Settings };
  'set-settings': { payload: Partial<Settings>; result: Settings };
  /** Turns the tab and/or its site on or off (fields left out stay as they are); answers the tab's capture. */
  'set-capture': { payload: { tabId: number; tab?: boolean; site?: boolean }; result: TabCapture };
}

export type RequestName = keyof Requests;

export interface RequestMessage<K extends RequestName = RequestName> {
  v: typeof PROTOCOL_VERSION;
  name: K;
  payload: Requests[K]['payload'];
}

export type Response<K extends RequestName> =
  | { ok: true; result: Requests[K]['result'] }
  | { ok: false; error: string };

/** Events the background pushes on a tab's port. */
export interface PortEvents {
  /**
   * Sent first on connect, and again after a reset: the whole state of the tab as rows, in `parts` messages
   * of SNAPSHOT_PAGE rows at most (`part` 0 replaces what the page holds, the next ones append; at least one).
   */
  snapshot: RowsSnapshot;
  /** New or changed exchanges as rows (batched: one message per tab per flush). */
  upsert: { rows: ExchangeRow[]; summary: TabSummary };
  /** The tab's log was cleared or a navigation started a new page session without keep-log. */
  reset: { reason: 'cleared' | 'navigation' | 'closed'; summary: TabSummary };
  settings: Settings;
  /**
   * The tab's findings and preflight cost: sent right after every `snapshot`, then whenever they change
   * (recomputed at most every few hundred ms after new exchanges, in this tab or any other).
   */
  findings: TabFindings;
}

export type PortEventName = keyof PortEvents;

/**
 * A message on a tab's port: a union discriminated by `name`, so a handler that switches on `name` has the
 * payload of that event without a cast. `PortMessage<'upsert'>` is one event's message.
 */
export type PortMessage<K extends PortEventName = PortEventName> = {
  [N in K]: { v: typeof PROTOCOL_VERSION; name: N; payload: PortEvents[N] };
}[K];

/** One event as a name and its payload: how a sender passes it (each pair is checked against `PortEvents`). */
export type PortEventArgs = { [K in PortEventName]: [name: K, payload: PortEvents[K]] }[PortEventName];

const PORT_PREFIX = 'cors-lens/tab/';
export const portName = (tabId: number): string => `${PORT_PREFIX}${tabId}`;
export function tabIdFromPortName(name: string): number | null {
  if (!name.startsWith(PORT_PREFIX)) return null;
  const n = Number(name.slice(PORT_PREFIX.length));
  return Number.isInteger(n) && n >= -1 ? n : null;
}

export function isRequestMessage(value: unknown): value is RequestMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { v?: unknown; name?: unknown; payload?: unknown };
  return m.v === PROTOCOL_VERSION && typeof m.name === 'string' && REQUEST_NAMES.includes(m.name as RequestName) &&
    typeof m.payload === 'object' && m.payload !== null;
}

export const REQUEST_NAMES: readonly RequestName[] = ['get-summary', 'get-snapshot', 'get-entry', 'get-entries', 'clear', 'get-settings', 'set-settings', 'set-capture'];

export const emptyCounts = (): VerdictCounts => ({
  simple: 0,
  preflighted: 0,
  blocked: 0,
  'same-origin': 0,
  'no-cors': 0,
  'network-error': 0,
  pending: 0,
  inconclusive: 0,
});
