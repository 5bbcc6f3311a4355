/**
 * What the helper hands a test: plain data, sentences already said in one language. public.d.ts declares
 * the same shapes for the package's users (test/unit/playwright/public-types.test.ts keeps them in step).
 */
import type { Exchange } from '../core/model/exchange';
import type { VerdictKind } from '../core/model/verdict';

export type Step = 'preflight' | 'redirect' | 'response';

/** What the verdict rests on: the header at fault at one step, what it carried and what was needed. */
export interface CorsEvidence {
  step: Step;
  header: string | null;
  received: string | null;
  expected: string;
}

/** The response headers the server must send at one step. */
export interface CorsFixStep {
  step: Step;
  /** URL of the request this response answers. */
  url: string;
  /** What the status must be, in words, or null when any status works. */
  status: string | null;
  /** `Name: value` lines. */
  headers: string[];
}

export interface CorsFix {
  /** `server-fix`, `no-header-fix`, `nothing-to-fix`, `unknown` or `network-failure`. */
  status: string;
  summary: string;
  steps: CorsFixStep[];
  notes: string[];
}

/** A security or cost finding about this exchange's server configuration. */
export interface CorsFinding {
  id: string;
  severity: 'high' | 'medium' | 'low' | 'info';
  endpoint: string;
  title: string;
  summary: string;
  fix: string;
}

/** One request of the page (its preflights and redirect hops included), judged by CORS Lens. */
export interface CorsVerdict {
  url: string;
  method: string;
  kind: VerdictKind;
  /** CORS Lens's code for a blocked request (Chromium's `Network.CorsError` names), else null. */
  code: string | null;
  /** The code Chromium itself reported (DevTools protocol `corsErrorStatus`), for cross-checking; else null. */
  chromiumCode: string | null;
  headline: string;
  /** One sentence on why it was blocked, else null. */
  explanation: string | null;
  evidence: CorsEvidence[];
  fix: CorsFix;
  findings: CorsFinding[];
  /** The exchange as recorded, with every raw header of every step. */
  exchange: Exchange;
}

export interface JudgeOptions {
  /** Language of the sentences (default English). */
  lang?: 'en' | 'fr';
  /** How long to wait for in-flight requests to be decided, in ms (default 10000); then they are judged `pending`. */
  settleTimeoutMs?: number;
}
