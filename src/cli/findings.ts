/**
 * Findings and preflight cost on the command line: the text sections printed after the verdicts, and the
 * exit status `--fail-on` gives. The words of each finding (summary, fix) are the core's own.
 */
import { SEVERITY_ORDER, atLeast, countBySeverity, severityMsg } from '../core/cli-api';
import type { EndpointCost, Finding, Severity, Words } from '../core/cli-api';
import { cm } from './lang';
import { clean, short } from './terminal';

/** True when a finding is at or above the threshold (false without a threshold). */
export const failsOn = (findings: readonly Finding[], threshold: Severity | undefined): boolean =>
  threshold !== undefined && findings.some((f) => atLeast(f.severity, threshold));

/** A severity as the reader's language says it, in lower case (English: the machine name). */
export const severityLabel = (w: Words, s: Severity): string => w.t(severityMsg(s)).toLocaleLowerCase(w.lang);

/** "2 medium, 1 low": the non-zero counts, worst first. */
export function severityCounts(findings: readonly Finding[], w: Words): string {
  const counts = countBySeverity(findings);
  return SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) => w.t(cm('severity_count', { count: counts[s], severity: severityLabel(w, s) }))).join(', ');
}

/** The findings section: one line per finding (severity, id, endpoint), its summary and fix under it. */
export function findingsText(findings: readonly Finding[], w: Words): string {
  const [sevHead, idHead, endpointHead] = ['severity', 'finding', 'endpoint'].map((c) => w.t(cm(`col_${c}`))) as [string, string, string];
  const sev = Math.max(sevHead.length, ...findings.map((f) => severityLabel(w, f.severity).length));
  const id = Math.max(idHead.length, ...findings.map((f) => f.id.length));
  const indent = ' '.repeat(sev + 2);
  const out = [w.t(cm('findings_heading', { counts: severityCounts(findings, w) })), '', `${sevHead.padEnd(sev)}  ${idHead.padEnd(id)}  ${endpointHead}`];
  for (const f of findings) {
    const n = f.exchangeIds.length;
    out.push(`${severityLabel(w, f.severity).padEnd(sev)}  ${f.id.padEnd(id)}  ${clean(f.endpoint)}${n > 1 ? w.t(cm('finding_requests', { count: n })) : ''}`);
    out.push(`${indent}${clean(w.t(f.summary))}`);
    out.push(`${indent}${w.t(cm('fix', { text: clean(w.t(f.fix)) }))}`);
  }
  return out.join('\n');
}

const ms = (n: number | null): string => (n === null ? '—' : `${Math.round(n)} ms`);

/** The preflight cost section: per endpoint, preflights, time waited, Max-Age sent and applied, what a suitable one saves. */
export function costText(cost: readonly EndpointCost[], w: Words): string {
  const head = ['preflights', 'waited', 'median', 'max_age_sent', 'applied', 'savable', 'endpoint'].map((c) => w.t(cm(`col_${c}`)));
  const rows = cost.map((c) => [
    String(c.preflights),
    ms(c.waited.totalMs),
    ms(c.waited.medianMs),
    c.maxAge.sent === null ? w.t(cm('none')) : short(c.maxAge.sent, 16),
    w.t(cm('applied', { seconds: String(c.maxAge.appliedSeconds), treatment: cm(`treatment_${c.maxAge.treatment.replace(/-/g, '_')}`) })),
    c.saved.preflights > 0 ? w.t(cm('savable', { count: String(c.saved.preflights), ms: ms(c.saved.ms), seconds: String(c.suitableMaxAge) })) : '0',
    clean(c.endpoint),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i < head.length - 1 ? r[i]!.length : 0))));
  const line = (cols: string[]) => cols.map((col, i) => (i < cols.length - 1 ? col.padEnd(widths[i]!) : col)).join('  ').trimEnd();
  const caps = [...new Set(cost.map((c) => w.t(cm('cost_cap', { browser: c.maxAge.browser === 'firefox' ? 'Firefox' : 'Chromium', cap: String(c.maxAge.cap) }))))];
  return [w.t(cm('cost_heading', { caps: caps.join(w.lang === 'fr' ? '\u00a0; ' : '; ') })), '', line(head), ...rows.map(line)].join('\n');
}
