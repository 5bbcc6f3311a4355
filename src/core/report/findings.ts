/**
 * The security and cost lens in the copied summary: a findings section (severity, the finding's own
 * title, endpoint, its fix on one line) and the preflight cost per endpoint, every value escaped with
 * the one Markdown escaper (markdown.ts). The cost headline is shared with the popup.
 */
import type { Finding } from '../findings';
import { costTotals, type CostTotals, type EndpointCost } from '../findings/cost';
import type { Severity } from '../findings/types';
import { cut, grouped } from '../fix/bounds';
import { mdCode, mdText } from './markdown';

/** At most this many findings are listed, and this many endpoints in the cost section. */
const MAX_FINDINGS = 20;
const MAX_COST = 5;
const MAX_FIELD = 500;

const SEVERITY_LABEL: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

const plural = (count: number, word: string): string => `${grouped(count)} ${word}${count === 1 ? '' : 's'}`;

/** A duration for people: "340 ms", "2.4 s". */
export function duration(ms: number): string {
  const v = Number.isFinite(ms) && ms > 0 ? ms : 0;
  return v < 1000 ? `${grouped(Math.round(v))} ms` : `${(v / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
}

/** "12 preflights, 340 ms waited: a suitable Max-Age would save 11 (300 ms)", or "… already cached as long as useful". */
export function costHeadline(cost: CostTotals): string {
  const head = `${plural(cost.preflights, 'preflight')}, ${duration(cost.waitedMs)} waited`;
  if (cost.saved.preflights > 0) return `${head}: a suitable Max-Age would save ${grouped(cost.saved.preflights)} (${duration(cost.saved.ms)})`;
  return `${head}: none was a repeat a longer Max-Age would have saved`;
}

/** What the browser did with the Max-Age sent, in words. */
export function maxAgeWords(c: EndpointCost): string {
  const m = c.maxAge;
  switch (m.treatment) {
    case 'default': return m.sent === null ? `no Max-Age sent, so the browser kept it ${grouped(m.appliedSeconds)} s` : `Max-Age ${m.sent} not understood, so the browser kept it ${grouped(m.appliedSeconds)} s`;
    case 'capped': return `Max-Age ${m.sent} capped by the browser at ${grouped(m.cap)} s`;
    case 'not-cached': return `Max-Age ${m.sent ?? '(none)'} means the browser did not cache it`;
    default: return `Max-Age ${m.sent} kept ${grouped(m.appliedSeconds)} s`;
  }
}

function findingLine(f: Finding): string {
  const n = f.exchangeIds.length;
  return `- **${SEVERITY_LABEL[f.severity] ?? mdText(String(f.severity))}** — ${mdText(cut(f.title, MAX_FIELD))} — ${mdCode(cut(f.endpoint, MAX_FIELD))}` +
    ` (${plural(n, 'request')}). Fix: ${mdText(cut(f.fix, MAX_FIELD))}`;
}

/** The Markdown lines of the findings section; empty when there is no finding. */
export function findingsSection(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const counts = (['high', 'medium', 'low', 'info'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${SEVERITY_LABEL[s].toLowerCase()} ${grouped(c)}`);
  const out = ['### Passes, but configured dangerously or wastefully', '', `${plural(findings.length, 'finding')}: ${counts.join(', ')}. Worst first.`, ''];
  for (const f of findings.slice(0, MAX_FINDINGS)) out.push(findingLine(f));
  if (findings.length > MAX_FINDINGS) out.push(`- … and ${grouped(findings.length - MAX_FINDINGS)} more`);
  out.push('');
  return out;
}

/** The Markdown lines of the preflight cost section; empty when nothing was preflighted. */
export function costSection(cost: readonly EndpointCost[]): string[] {
  if (cost.length === 0) return [];
  const out = ['### Preflight cost', '', `${mdText(costHeadline(costTotals(cost)))}.`, ''];
  for (const c of cost.slice(0, MAX_COST)) {
    const median = c.waited.medianMs === null ? '' : `, median ${duration(c.waited.medianMs)}`;
    const saved = c.saved.preflights > 0 ? `; Max-Age ${grouped(c.suitableMaxAge)} would have saved ${plural(c.saved.preflights, 'preflight')} (${duration(c.saved.ms)})` : '';
    out.push(`- ${mdCode(cut(c.endpoint, MAX_FIELD))}: ${plural(c.preflights, 'preflight')}, ${duration(c.waited.totalMs)} waited${median}; ${mdText(cut(maxAgeWords(c), MAX_FIELD))}${saved}`);
  }
  if (cost.length > MAX_COST) out.push(`- … and ${plural(cost.length - MAX_COST, 'more endpoint')}`);
  out.push('');
  return out;
}
