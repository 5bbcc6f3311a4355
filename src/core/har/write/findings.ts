/**
 * The security and cost lens in a report: `_cors.findings` on the entries a finding rests on, and the
 * log-level summary (counts by severity, each finding with its endpoint, preflight cost per endpoint).
 * Findings are computed by the core (`findingsOf`, `preflightCost`) over the exported exchanges; the
 * sentences are the finding modules' messages, said in the report's language (`words`). Secrets stay redacted: an evidence value of a sensitive
 * header is replaced, and any sensitive value the exchanges carried is cut out of every sentence.
 */
import type { Exchange, Header } from '../../model/exchange';
import type { StepRef } from '../../model/verdict';
import type { Finding, FindingEntry } from '../../findings';
import type { EndpointCost } from '../../findings/cost';
import { countBySeverity, findingsOf, preflightCost } from '../../findings';
import { REDACTED, isSensitiveHeader } from './redact';
import { eachHeaderList } from '../../model/header-lists';
import type { HarCorsFinding, HarEndpointCost, HarLogFinding } from '../types';
import type { Words } from '../../i18n/words';

/** Shorter sensitive values are not scrubbed from sentences (they would match ordinary words). */
const MIN_SECRET = 4;

/** The lens over the exported exchanges, with what it needs to redact. */
export interface ReportLens {
  findings: Finding[];
  cost: EndpointCost[];
  byExchange: Map<string, Finding[]>;
  /** Replaces every sensitive value in a text (identity when the export includes sensitive headers). */
  scrub: (text: string) => string;
  includeSensitive: boolean;
  /** The language of the report's sentences. */
  words: Words;
}


function sensitiveValues(entries: readonly FindingEntry[]): string[] {
  const values = new Set<string>();
  const add = (headers: readonly Header[] | undefined): void => {
    for (const h of headers ?? []) if (isSensitiveHeader(h.name) && h.value.length >= MIN_SECRET) values.add(h.value);
  };
  for (const { exchange: x } of entries) eachHeaderList(x, add);
  // Longest first, so a value containing another is replaced whole.
  return [...values].sort((a, b) => b.length - a.length);
}

/** Findings and cost of the exported entries (already sanitised by the caller). */
export function reportLens(entries: readonly FindingEntry[], includeSensitive: boolean, words: Words): ReportLens {
  const findings = findingsOf(entries);
  const byExchange = new Map<string, Finding[]>();
  for (const f of findings) for (const id of f.exchangeIds) {
    const list = byExchange.get(id);
    if (!list) byExchange.set(id, [f]);
    else if (list[list.length - 1] !== f) list.push(f);
  }
  const secrets = includeSensitive ? [] : sensitiveValues(entries);
  // A finding's sentences repeat on every entry it sits on: each text is scrubbed once.
  const done = new Map<string, string>();
  const scrub = (text: string): string => {
    if (secrets.length === 0) return text;
    let out = done.get(text);
    if (out !== undefined) return out;
    out = text;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    done.set(text, out);
    return out;
  };
  return { findings, cost: preflightCost(entries), byExchange, scrub, includeSensitive, words };
}

const sameStep = (a: StepRef, b: StepRef): boolean =>
  a.kind === b.kind && (a.kind === 'response' || (b.kind !== 'response' && a.index === b.index));

/**
 * The findings of one HAR entry of exchange `x`: those whose evidence cites this step, and, on the
 * exchange's last request entry (`last`), those that cite none of its steps. Undefined when none.
 */
export function entryFindings(lens: ReportLens, x: Exchange, step: StepRef, last: boolean): HarCorsFinding[] | undefined {
  const out: HarCorsFinding[] = [];
  for (const f of lens.byExchange.get(x.id) ?? []) {
    const own = f.evidence.filter((e) => e.exchangeId === x.id);
    const here = own.filter((e) => sameStep(e.step, step));
    if (here.length === 0 && !(last && own.length === 0)) continue;
    out.push({
      id: f.id,
      severity: f.severity,
      title: lens.words.t(f.title),
      summary: lens.scrub(lens.words.t(f.summary)),
      evidence: here.map((e) => {
        const value = e.value === null ? null : !lens.includeSensitive && isSensitiveHeader(e.header) ? REDACTED : lens.scrub(e.value);
        const item = { exchangeId: e.exchangeId, step: { ...e.step }, header: e.header, value };
        return e.note === undefined ? item : { ...item, note: lens.scrub(lens.words.t(e.note)) };
      }),
    });
  }
  return out.length > 0 ? out : undefined;
}

const toLogFinding = (lens: ReportLens, f: Finding): HarLogFinding => ({
  id: f.id,
  severity: f.severity,
  endpoint: f.endpoint,
  title: lens.words.t(f.title),
  summary: lens.scrub(lens.words.t(f.summary)),
  fix: lens.scrub(lens.words.t(f.fix)),
  exchangeIds: [...f.exchangeIds],
});

const toLogCost = (c: EndpointCost): HarEndpointCost => ({
  endpoint: c.endpoint,
  preflights: c.preflights,
  waitedMs: { total: c.waited.totalMs, median: c.waited.medianMs, timed: c.waited.timed },
  maxAge: { sent: c.maxAge.sent, appliedSeconds: c.maxAge.appliedSeconds, treatment: c.maxAge.treatment, cap: c.maxAge.cap, browser: c.maxAge.browser },
  suitableMaxAge: c.suitableMaxAge,
  saved: { ...c.saved },
  exchangeIds: [...c.exchangeIds],
});

/** The log-level blocks of `_corsLens`. */
export function logLens(lens: ReportLens) {
  return {
    findings: { counts: countBySeverity(lens.findings), total: lens.findings.length, items: lens.findings.map((f) => toLogFinding(lens, f)) },
    preflightCost: lens.cost.map(toLogCost),
  };
}
