/**
 * HAR 1.2 types (http://www.softwareishard.com/blog/har-12-spec/) as CORS Lens writes and reads them,
 * with the Chrome DevTools extensions (`_resourceType`, `_initiator`, `_error`, `_fromCache`) and ours
 * (`_cors` on each entry, `_corsLens` on the log). Custom fields start with `_`, as the spec asks.
 */
import type { CredentialsMode, Reason, Verdict, VerdictKind } from '../model/verdict';
import type { Exchange } from '../model/exchange';
import type { FindingEvidence, FindingId, Severity } from '../findings/types';
import type { Lang, Words } from '../i18n/words';

interface HarNameValue {
  name: string;
  value: string;
}

export interface HarCookie extends HarNameValue {
  path?: string;
  domain?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
}

interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  headersSize: number;
  bodySize: number;
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  content: { size: number; mimeType: string };
  redirectURL: string;
  headersSize: number;
  bodySize: number;
  /** Chrome: the browser's failure string (`net::ERR_FAILED`), null or absent when the request did not fail. */
  _error?: string | null;
}

export interface HarTimings {
  blocked: number;
  dns: number;
  connect: number;
  send: number;
  wait: number;
  receive: number;
  ssl: number;
}

/** Chrome's `_initiator` (a CDP `Network.Initiator`); a preflight's points at the request it was sent for. */
export interface HarInitiator {
  type: string;
  url?: string;
  requestId?: string;
}

/** One reason, as written in `_cors.reasons` (a subset of the core `Reason`, stable names). */
export type HarCorsReason = Pick<Reason, 'code' | 'firefox' | 'mdn' | 'header' | 'received'> & {
  /** Sentences, in the report's language (`_corsLens.lang`). */
  expected: string;
  summary: string;
};

/** Our extension on every entry. Field names are stable: reports outlive versions. */
export interface HarCors {
  /** The exchange id on request entries (every hop of a redirect chain shares it); the preflight's own id on preflights. */
  id: string;
  role: 'request' | 'preflight';
  /** Which step of the exchange this entry is: a preflight, a redirect hop (3xx) or the final response. */
  step: 'preflight' | 'redirect' | 'response';
  /** Position of the entry among the exchange's request hops (0 = first URL); absent on preflights. */
  hop?: number;
  /** The verdict of the whole exchange, repeated on each of its entries. */
  verdict: VerdictKind;
  /** For `blocked`: first is the reason the browser reports. Empty otherwise. */
  reasons: HarCorsReason[];
  /** On a preflight: the id of the request it was sent for. */
  preflightOf?: string;
  /** On a request entry: its preflight (id when one was seen; `cached` when the preflight cache answered). */
  preflight?: { id?: string; cached: boolean };
  /**
   * `false` on the request entry of a request the browser never sent because it stopped at the preflight
   * (the entry keeps the HAR-legal `status: 0`); absent otherwise.
   */
  sent?: false;
  credentials: CredentialsMode;
  /** The CORS error name the browser itself reported, when the capture had it (DevTools protocol). */
  browserCorsError?: string;
  /** One sentence, the verdict's headline (in the report's language). */
  headline: string;
  /** The Origin the browser sent (or would send) at the deciding step; `null` once tainted. */
  origin: string | null;
  /** What the capture could see (so a reader judges absences the same way). */
  initiator?: string;
  type: Exchange['type'];
  observer: { browser: Exchange['observer']['browser']; preflightsVisible: boolean; fullRequestHeaders: boolean };
  /**
   * The security and cost lens's findings this entry is evidence for (worst first); absent when none.
   * A finding sits on the entries its evidence cites, or on the exchange's last request entry.
   */
  findings?: HarCorsFinding[];
}

/** One finding on an entry: `id` and `severity` are stable machine fields, the sentences the finding module's. */
export interface HarCorsFinding {
  id: FindingId;
  severity: Severity;
  title: string;
  summary: string;
  /** The finding's evidence from this entry (values of Cookie, Authorization… redacted unless the export includes them). */
  evidence: HarFindingEvidence[];
}

/** A finding's evidence as a report writes it: the note said in the report's language. */
type HarFindingEvidence = Omit<FindingEvidence, 'note'> & { note?: string };

/** One finding of the log in `_corsLens.findings.items`. */
export interface HarLogFinding {
  id: FindingId;
  severity: Severity;
  endpoint: string;
  title: string;
  summary: string;
  fix: string;
  /** Every exchange it rests on (the `_cors.id` of their request entries). */
  exchangeIds: string[];
}

/** Preflight cost of one endpoint in `_corsLens.preflightCost` (see core/findings/cost.ts). */
export interface HarEndpointCost {
  endpoint: string;
  preflights: number;
  waitedMs: { total: number; median: number | null; timed: number };
  maxAge: { sent: string | null; appliedSeconds: number; treatment: string; cap: number; browser: string };
  suitableMaxAge: number;
  saved: { preflights: number; ms: number };
  exchangeIds: string[];
}

export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: HarTimings;
  serverIPAddress?: string;
  _resourceType: string;
  _initiator: HarInitiator;
  _fromCache?: 'disk' | 'memory';
  _cors: HarCors;
}

export interface HarPage {
  startedDateTime: string;
  id: string;
  title: string;
  pageTimings: { onContentLoad: number; onLoad: number };
}

interface HarCreator {
  name: string;
  version: string;
  comment?: string;
}

/** Log-level block saying who made the report and how. */
interface CorsLensInfo {
  /** Version of the `_cors` format. */
  formatVersion: 1;
  extensionVersion: string;
  browser: { name: string; version: string };
  generatedAt: string;
  /** The language of the human sentences (headlines, reasons, findings); machine fields are English in every language. */
  lang: Lang;
  /** Cookie, Set-Cookie, Authorization and Proxy-Authorization values were kept. */
  sensitiveIncluded: boolean;
  /** Names of the headers whose values were replaced by `[redacted]`. */
  redactedHeaders: string[];
  exchanges: number;
  /** Older exchanges the capture dropped (per-tab bound or storage quota) before this report: not in it. */
  dropped: number;
  counts: Record<VerdictKind, number>;
  /** The security and cost lens over the exported exchanges: counts by severity and each finding with its endpoint. */
  findings?: { counts: Record<Severity, number>; total: number; items: HarLogFinding[] };
  /** Preflight cost per endpoint, most waited-for first. */
  preflightCost?: HarEndpointCost[];
}

interface HarLog {
  version: '1.2';
  creator: HarCreator;
  browser: HarCreator;
  pages: HarPage[];
  entries: HarEntry[];
  comment?: string;
  _corsLens: CorsLensInfo;
}

export interface HarReport {
  log: HarLog;
}

/** What the report is built from: structurally the background's `ExchangeEntry`. */
export interface ReportEntry {
  exchange: Exchange;
  verdict: Verdict;
  seq?: number;
  pageId?: string;
}

/** A page session: structurally the protocol's `PageInfo`. */
export interface ReportPage {
  pageId: string;
  url: string;
  startedAt: number;
}

export interface BuildOptions {
  includeSensitive: boolean;
  browser: { name: string; version: string };
  extensionVersion: string;
  pages?: ReportPage[];
  now?: Date;
  /** Exchanges the capture dropped before the report was made (the tab summary's `dropped`); 0 when absent. */
  dropped?: number;
  /** The language of the report's sentences (headlines, reasons, findings); English when absent. Machine fields never change. */
  words?: Words;
}
