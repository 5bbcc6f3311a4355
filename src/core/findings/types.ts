/**
 * Types of the security and cost lens: findings about exchanges that the browser let through (or that
 * failed in a way the reason alone does not explain) but whose server configuration is dangerous or
 * wasteful. Ids are stable strings written into reports: never renamed.
 */
import type { Msg } from '../i18n/msg';
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
  note?: string;
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
  /** Which text variant of the rule was used (`default`, `credentials`, `cacheable`…): a message id later. */
  variant: string;
  /** The values the texts were filled with (bounded strings and numbers): lets another catalogue re-render. */
  params: Record<string, string | number>;
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
 * The words of one rule, as plain data so another language can replace them: each field maps a variant
 * (`default` always present) to a template whose `{name}` placeholders are filled from the params.
 */
export interface RuleTexts {
  title: string;
  summary: Variants;
  why: Variants;
  fix: Variants;
}

export type Variants = { default: string } & Record<string, string>;

/** What a rule found on one endpoint (one or more exchanges). */
export interface Detection {
  severity: Severity;
  endpoint: string;
  exchangeIds: string[];
  evidence: FindingEvidence[];
  params: Record<string, string | number>;
  /** Text variant; `default` when absent. */
  variant?: string;
  /** Extra grouping key: detections of one rule on one endpoint merge when severity, variant and group agree. */
  group?: string;
}
