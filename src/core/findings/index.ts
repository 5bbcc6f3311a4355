/**
 * The security and cost lens: `findingsOf(entries)` names every exchange that the browser let through but
 * whose server configuration is dangerous or wasteful, with evidence, why it matters and the fix. One
 * module per finding under rules/, gathered here in catalogue order. Total (never throws) and linear in
 * the log: every entry is read once to build its context, once for the log index, once per rule.
 */
import type { Detection, Finding, FindingEntry, FindingId, FindingOptions, Severity } from './types';
import type { Rule } from './rule';
import { contextsOf, MAX_EVIDENCE } from './context';
import { buildLogIndex } from './log-index';
import { costOf, type EndpointCost } from './cost';
import { findingWords } from './messages';

import { nullOriginAllowed } from './rules/null-origin-allowed';
import { insecureOriginTrusted } from './rules/insecure-origin-trusted';
import { originReflected } from './rules/origin-reflected';
import { publicSuffixOriginTrusted } from './rules/public-suffix-origin-trusted';
import { originEchoWithoutVary } from './rules/origin-echo-without-vary';
import { cachedAnswerForOtherOrigin } from './rules/cached-answer-for-other-origin';
import { wildcardWithCredentials } from './rules/wildcard-with-credentials';
import { wildcardListsWithCredentials } from './rules/wildcard-lists-with-credentials';
import { privateNetworkBroadlyAllowed } from './rules/private-network-broadly-allowed';
import { maxAgeOverBrowserCap } from './rules/max-age-over-browser-cap';
import { preflightNotCached } from './rules/preflight-not-cached';

export type { Finding, FindingEntry, FindingId, FindingOptions } from './types';
export { preflightCost } from './cost';

/** Every finding module, one per id. */
export const RULES: readonly Rule[] = [
  nullOriginAllowed,
  insecureOriginTrusted,
  originReflected,
  publicSuffixOriginTrusted,
  privateNetworkBroadlyAllowed,
  cachedAnswerForOtherOrigin,
  originEchoWithoutVary,
  wildcardWithCredentials,
  preflightNotCached,
  wildcardListsWithCredentials,
  maxAgeOverBrowserCap,
];

/** Severities, worst first. */
export const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low', 'info'];

/** Each severity's position in SEVERITY_ORDER, derived from it (one order, not two to keep in step). */
const RANK = Object.fromEntries(SEVERITY_ORDER.map((s, i) => [s, i])) as Record<Severity, number>;

/** Position in SEVERITY_ORDER (0 = worst); unknown values sort last. */
export function severityRank(s: Severity): number {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(RANK, s) ? RANK[s] : SEVERITY_ORDER.length;
}

/** `a` is at least as severe as `b` (for "fail at or above" thresholds). */
export function atLeast(a: Severity, b: Severity): boolean {
  return severityRank(a) <= severityRank(b);
}

/** The worst severity among findings or severities, null when there is none. */
export function worstSeverity(items: readonly (Finding | Severity)[]): Severity | null {
  let worst: Severity | null = null;
  if (!Array.isArray(items)) return null;
  for (const item of items) {
    const raw: unknown = typeof item === 'object' && item !== null ? (item as { severity?: unknown }).severity : item;
    if (typeof raw !== 'string' || !Object.prototype.hasOwnProperty.call(RANK, raw)) continue;
    const s = raw as Severity;
    if (worst === null || RANK[s] < RANK[worst]) worst = s;
  }
  return worst;
}

/** Count of findings per severity (every severity present, zero when none). */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  if (!Array.isArray(findings)) return out;
  for (const f of findings as readonly unknown[]) {
    const s: unknown = typeof f === 'object' && f !== null ? (f as { severity?: unknown }).severity : undefined;
    if (typeof s === 'string' && Object.prototype.hasOwnProperty.call(out, s)) out[s as Severity]++;
  }
  return out;
}

/** The module for an id, or undefined for an id we do not know (a report from another version). */
export function ruleOf(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

function toFinding(rule: Rule, d: Detection): Finding {
  const variant = d.variant ?? 'default';
  return {
    id: rule.id,
    severity: d.severity,
    endpoint: d.endpoint,
    exchangeIds: [...d.exchangeIds],
    evidence: d.evidence.slice(0, MAX_EVIDENCE),
    ...findingWords(rule.id, rule.texts, variant, d.params),
    learnMore: rule.learnMore.map((l) => ({ title: { ...l.title }, url: l.url })),
    variant,
    params: { ...d.params },
  };
}

type Groups = Map<string, { finding: Finding; ids: Set<string> }>;

/** Adds a detection to its finding: one per endpoint, severity, variant and group; exchange ids each once. */
function merge(rule: Rule, d: Detection, groups: Groups, out: Finding[]): void {
  const key = `${d.endpoint}\n${d.severity}\n${d.variant ?? ''}\n${d.group ?? ''}`;
  const hit = groups.get(key);
  if (!hit) {
    const finding = toFinding(rule, d);
    groups.set(key, { finding, ids: new Set(finding.exchangeIds) });
    out.push(finding);
    return;
  }
  for (const id of d.exchangeIds) {
    if (hit.ids.has(id)) continue;
    hit.ids.add(id);
    hit.finding.exchangeIds.push(id);
  }
  for (const e of d.evidence) if (hit.finding.evidence.length < MAX_EVIDENCE) hit.finding.evidence.push(e);
}

/**
 * The findings of a log, worst first (then catalogue order, then endpoint). `entries` are the log's
 * exchanges with their verdicts, from any tab; `options.browser` picks the Max-Age cap (default: each
 * exchange's observer, else Chromium). Never throws: ill-typed entries are sanitised first.
 */
export function findingsOf(entries: readonly FindingEntry[], options: FindingOptions = {}): Finding[] {
  try {
    const contexts = contextsOf(entries, options);
    const index = buildLogIndex(contexts);
    let cost: EndpointCost[] | null = null;
    const input = { contexts, index, cost: () => (cost ??= costOf(contexts)) };
    const out: Finding[] = [];
    for (const rule of RULES) {
      const groups: Groups = new Map();
      if (rule.scope === 'log') for (const d of rule.detectLog(input)) merge(rule, d, groups, out);
      else for (const ctx of contexts) for (const d of rule.detect(ctx, index)) merge(rule, d, groups, out);
    }
    const order = new Map<FindingId, number>(RULES.map((r, i) => [r.id, i]));
    return out.sort((a, b) => RANK[a.severity] - RANK[b.severity] || order.get(a.id)! - order.get(b.id)! || (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
  } catch {
    return [];
  }
}

const indexes = new WeakMap<readonly Finding[], Map<string, Finding[]>>();

/** Findings by exchange id (each finding under every exchange it rests on). */
export function indexByExchange(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  if (!Array.isArray(findings)) return map;
  for (const f of findings) {
    if (!f || typeof f !== 'object' || !Array.isArray(f.exchangeIds)) continue;
    for (const id of f.exchangeIds) {
      const list = map.get(id);
      if (!list) map.set(id, [f]);
      else if (list[list.length - 1] !== f) list.push(f);
    }
  }
  return map;
}

/**
 * The findings that rest on one exchange (worst first, as in `findings`). The index is built once per
 * findings array and kept beside it (a WeakMap), so asking for every row of a table stays linear.
 */
export function findingsForExchange(exchangeId: string, findings: readonly Finding[]): Finding[] {
  if (!Array.isArray(findings)) return [];
  let index = indexes.get(findings);
  if (!index) indexes.set(findings, (index = indexByExchange(findings)));
  return index.get(exchangeId) ?? [];
}
