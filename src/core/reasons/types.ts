/**
 * The shape of one reason module. Each CorsErrorCode has one file exporting a `ReasonDef`: how to
 * detect it from the inputs of its check family, and every word said about it (the table's label,
 * headline clause, summary, what was expected, the fix notes, Chromium's and Firefox's wording, MDN
 * page). That module is the code's only home: the panel, the fix and the reports read them from here.
 */
import type { Exchange } from '../model/exchange';
import type { CorsErrorCode, Reason, StepRef, Verdict } from '../model/verdict';
import type { FixNote, FixSpec } from '../fix/types';
import type { Msg } from '../i18n/msg';

/** What a detector found; everything the texts need. */
export interface Evidence {
  step: StepRef;
  /** URL of the step that failed (for messages). */
  url: string;
  /** The Origin the browser sent at that step (`null` once tainted). */
  origin: string;
  credentialed: boolean;
  /** The received value at fault (header value, method, header name…), null when absent. */
  received: string | null;
  /** Chromium's `failed_parameter`: the offending method, header name or value. */
  param: string;
  /** HTTP status of the response at fault, when one arrived. */
  status: number | null;
  /** Extra detail some reasons need (header line count, address space, other uncovered names). */
  detail?: string;
}

export interface FirefoxText {
  key: string;
  /** The whole console line as Firefox prints it in the reader's language (`firefox_<key>`). */
  message: Msg;
}

/** What a reason's fix notes may read: the fix being written and the exchange it is for. */
export interface NoteContext {
  spec: FixSpec;
  exchange: Exchange;
  verdict: Verdict;
}

/** The check family a reason belongs to; each family has its own input and fixed order. */
type Family = 'request' | 'preflight' | 'access' | 'redirect' | 'network';

export interface ReasonDef<Input> {
  code: CorsErrorCode;
  family: Family;
  /** The header at fault (canonical case), or null. */
  header: string | null;
  /** MDN page slug under /en-US/docs/Web/HTTP/Guides/CORS/Errors/, or null with `mdnAbsence` saying why. */
  mdnSlug: string | null;
  /** Why there is no MDN page (said to developers reading the catalogue; a surface may show it). */
  mdnAbsence?: Msg;
  /** Firefox keys this reason can map to ([] with `firefoxAbsence` when Firefox has no equivalent). */
  firefoxKeys: readonly string[];
  firefoxAbsence?: Msg;
  /** A few words for the panel's reason column: "no Allow-Origin". */
  label: Msg;
  /**
   * What the label is about, named from the request's side, when the label alone would not say:
   * "x-custom (server allows x-other)" after "header not allowed: ". Null when there is nothing to name.
   */
  labelSubject?: (reason: Reason, exchange: Exchange, verdict: Verdict) => Msg | null;
  /** Advice in words for the fix, on top of the headers it lists ([] when the headers say it all). */
  notes: (reason: Reason, ctx: NoteContext) => FixNote[];
  /** Set when no response header can cure it (a browser rule or permission): the fix is in the page or the browser. */
  noHeaderFix?: true;
  /**
   * The verdict's note about the real HTTP status, when this code has its own (null: the status says
   * nothing here); absent: the classifier's general status note (classify/notes.ts).
   */
  statusNote?: (status: number) => Msg | null;
  /** Returns evidence when this reason applies (assuming the earlier reasons of its family passed). */
  detect: (input: Input) => Evidence | null;
  /** Clause for the headline: "the response had no Access-Control-Allow-Origin header". */
  short: (e: Evidence) => Msg;
  /** One sentence a web developer understands. */
  summary: (e: Evidence) => Msg;
  /** What was needed, in words a developer can act on. */
  expected: (e: Evidence) => Msg;
  /** Chromium's console text after "has been blocked by CORS policy: " (English in every language, as Chrome prints it). */
  chrome: (e: Evidence) => string;
  /** Firefox's console text, or null when Firefox has no such message. */
  firefox: (e: Evidence) => FirefoxText | null;
}

/** A reason definition with its input type erased (for catalogues and lookups). */
export type AnyReasonDef = Omit<ReasonDef<never>, 'detect'> & { detect: (input: never) => Evidence | null };
