/**
 * The findings and preflight cost of the log the panel shows: sent by the worker for a live tab (port
 * event `findings`), computed here with the core's findingsOf / preflightCost for an imported HAR.
 * Indexed by exchange id once per change (never per row render), so the table and its filter look a
 * row up in a map.
 */
import { SEVERITY_ORDER, countBySeverity, findingsOf, indexByExchange, preflightCost, worstSeverity } from '../../core/findings';
import type { EndpointCost } from '../../core/findings/cost';
import type { Finding, FindingEntry, Severity } from '../../core/findings/types';

export interface LogFindings {
  findings: readonly Finding[];
  cost: readonly EndpointCost[];
}

export const NO_FINDINGS: LogFindings = { findings: [], cost: [] };

interface FindingIndex {
  /** Findings resting on each exchange, worst first. */
  byExchange: Map<string, Finding[]>;
  /** The worst severity of each exchange that has findings. */
  worst: Map<string, Severity>;
  /** Findings per severity (each finding once). */
  counts: Record<Severity, number>;
}

export function indexFindings(findings: readonly Finding[]): FindingIndex {
  const byExchange = indexByExchange(findings);
  const worst = new Map<string, Severity>();
  for (const [id, list] of byExchange) {
    const w = worstSeverity(list);
    if (w !== null) worst.set(id, w);
  }
  return { byExchange, worst, counts: countBySeverity(findings) };
}

/** The lens over entries read from a file (the same core as the worker uses). */
export function findingsOfEntries(entries: readonly FindingEntry[]): LogFindings {
  return { findings: findingsOf(entries), cost: preflightCost(entries) };
}

const SEVERITIES = new Set<unknown>(SEVERITY_ORDER);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * What came over the port, kept only where it has the shape the panel reads: a worker of another version
 * cannot make the panel throw. Texts stay untrusted (they carry header values) and are rendered as text.
 */
export function receivedFindings(payload: unknown): LogFindings {
  if (!isObject(payload)) return NO_FINDINGS;
  const findings = Array.isArray(payload.findings)
    ? (payload.findings as unknown[]).filter((f): f is Finding =>
      isObject(f) && typeof f.id === 'string' && SEVERITIES.has(f.severity) && Array.isArray(f.exchangeIds) &&
      f.exchangeIds.every((id) => typeof id === 'string') && Array.isArray(f.evidence) && Array.isArray(f.learnMore))
    : [];
  const cost = Array.isArray(payload.cost)
    ? (payload.cost as unknown[]).filter((c): c is EndpointCost =>
      isObject(c) && typeof c.endpoint === 'string' && typeof c.preflights === 'number' && isObject(c.waited) &&
      isObject(c.maxAge) && isObject(c.saved) && typeof c.suitableMaxAge === 'number')
    : [];
  return { findings, cost };
}
