/**
 * Findings and preflight cost on the command line: the text sections printed after the verdicts, and the
 * exit status `--fail-on` gives. The words of each finding (summary, fix) are the core's own.
 */
import { SEVERITY_ORDER, atLeast, countBySeverity } from '../core/cli-api';
import type { EndpointCost, Finding, Severity } from '../core/cli-api';
import { clean, short } from './terminal';

/** True when a finding is at or above the threshold (false without a threshold). */
export const failsOn = (findings: readonly Finding[], threshold: Severity | undefined): boolean =>
  threshold !== undefined && findings.some((f) => atLeast(f.severity, threshold));

/** "2 medium, 1 low": the non-zero counts, worst first. */
export function severityCounts(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(', ');
}

/** The findings section: one line per finding (severity, id, endpoint), its summary and fix under it. */
export function findingsText(findings: readonly Finding[]): string {
  const sev = Math.max('SEVERITY'.length, ...findings.map((f) => f.severity.length));
  const id = Math.max('FINDING'.length, ...findings.map((f) => f.id.length));
  const indent = ' '.repeat(sev + 2);
  const out = [`Findings (${severityCounts(findings)}):`, '', `${'SEVERITY'.padEnd(sev)}  ${'FINDING'.padEnd(id)}  ENDPOINT`];
  for (const f of findings) {
    const n = f.exchangeIds.length;
    out.push(`${f.severity.padEnd(sev)}  ${f.id.padEnd(id)}  ${clean(f.endpoint)}${n > 1 ? ` (${n} requests)` : ''}`);
    out.push(`${indent}${clean(f.summary)}`);
    out.push(`${indent}Fix: ${clean(f.fix)}`);
  }
  return out.join('\n');
}

const ms = (n: number | null): string => (n === null ? '—' : `${Math.round(n)} ms`);

const TREATMENT: Record<EndpointCost['maxAge']['treatment'], string> = {
  default: 'default',
  'as-sent': 'as sent',
  capped: 'capped',
  'not-cached': 'not cached',
};

/** The preflight cost section: per endpoint, preflights, time waited, Max-Age sent and applied, what a suitable one saves. */
export function costText(cost: readonly EndpointCost[]): string {
  const head = ['PREFLIGHTS', 'WAITED (TOTAL)', 'MEDIAN', 'MAX-AGE SENT', 'APPLIED', 'SAVABLE', 'ENDPOINT'];
  const rows = cost.map((c) => [
    String(c.preflights),
    ms(c.waited.totalMs),
    ms(c.waited.medianMs),
    c.maxAge.sent === null ? '(none)' : short(c.maxAge.sent, 16),
    `${c.maxAge.appliedSeconds} s (${TREATMENT[c.maxAge.treatment]})`,
    c.saved.preflights > 0 ? `${c.saved.preflights} (${ms(c.saved.ms)}) at ${c.suitableMaxAge} s` : '0',
    clean(c.endpoint),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i < head.length - 1 ? r[i]!.length : 0))));
  const line = (cols: string[]) => cols.map((col, i) => (i < cols.length - 1 ? col.padEnd(widths[i]!) : col)).join('  ').trimEnd();
  const caps = [...new Set(cost.map((c) => `${c.maxAge.browser === 'firefox' ? 'Firefox' : 'Chromium'} caps Max-Age at ${c.maxAge.cap} s`))];
  return [`Preflight cost (${caps.join('; ')}; without Max-Age a preflight is kept 5 s):`, '', line(head), ...rows.map(line)].join('\n');
}
