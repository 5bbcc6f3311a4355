/**
 * Types of the security and cost lens: findings about exchanges that the browser let through (or that
 * failed in a way the reason alone does not explain) but whose server configuration is dangerous or
 * wasteful. Ids are stable strings written into reports: never renamed.
 */
import type { Msg, MsgValue } from '../i18n/msg';
import type { Exchange } from '../model/exchange';
import type { StepRef, Verdict } from '../model/verdict';

/** Worst first: see SEVERITY_ORDER. */
export type Severity = 'high' | 'medium' | 'low' | 'info';

export type FindingId =
  | 'null-origin-allowed'
  | 'insecure-origin-trusted'
  | 'origin-reflected'
  | 'origin-echo-without-vary'
  | 'wildcard-with-credentials'
  | 'wildcard-lists-with-credentials'
  | 'private-network-broadly-allowed'
  | 'max-age-over-browser-cap'
  | 'preflight-not-cached'
  | 'public-suffix-origin-trusted'
  | 'cached-answer-for-other-origin';

/** One piece of evidence: which exchange, which step, which header and what it carried. */
export interface FindingEvidence {
  exchangeId: string;
  step: StepRef;
  /** Header name in canonical case (`Access-Control-Allow-Origin`). */
  header: string;
  /** The value received (bounded: a long value ends with a visible cut marker), null when absent. */
  value: string | null;
  /** What the value shows (a message: `finding_note_*`). */
  note?: Msg;
}

export interface LearnMore {
  title: Msg;
  url: string;
}

export interface Finding {
  id: FindingId;
  severity: Severity;
  /** Origin + path, no query (`https://api.example/v1/items`). */
  endpoint: string;
  /** Every exchange the finding rests on (each once, in log order). */
  exchangeIds: string[];
  /** The first few pieces of evidence (bounded; `exchangeIds` lists them all). */
  evidence: FindingEvidence[];
  /** Short name of the finding ("Origin null trusted"). */
  title: Msg;
  /** One sentence: what was seen, with the values. */
  summary: Msg;
  /** Why it matters: the attack or the cost, in one sentence. */
  why: Msg;
  /** What to change on the server. */
  fix: Msg;
  learnMore: LearnMore[];
  /** Which text variant of the rule was used (`default`, `credentials`, `fromCache`…); part of the message ids. */
  variant: string;
  /** The values of the messages' placeholders (bounded strings, numbers, nested messages). */
  params: Record<string, MsgValue>;
}

/** An entry of the log: the exchange and the verdict the classifier gave it. */
export interface FindingEntry {
  exchange: Exchange;
  verdict: Verdict;
}

export type FindingBrowser = 'chromium' | 'firefox';

export interface FindingOptions {
  /** The browser whose Max-Age cap and preflight cache apply; default: each exchange's observer (else Chromium). */
  browser?: FindingBrowser;
}

/**
 * The text variants of one rule: each field lists the variants it has (`default` always). Words live in the
 * catalogues under `finding_<id>_title` and `finding_<id>_<field>_<variant>` (ids and variants in snake case,
 * see messages.ts); a variant a field lacks uses the field's `default`.
 */
export interface RuleTexts {
  summary: readonly string[];
  why: readonly string[];
  fix: readonly string[];
}

/** What a rule found on one endpoint (one or more exchanges). */
export interface Detection {
  severity: Severity;
  endpoint: string;
  exchangeIds: string[];
  evidence: FindingEvidence[];
  params: Record<string, MsgValue>;
  /** Text variant; `default` when absent. */
  variant?: string;
  /** Extra grouping key: detections of one rule on one endpoint merge when severity, variant and group agree. */
  group?: string;
}
