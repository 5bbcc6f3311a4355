/**
 * The security and cost lens in the copied summary: a findings section (severity, the finding's own
 * title, endpoint, its fix on one line) and the preflight cost per endpoint, every value escaped with
 * the one Markdown escaper (markdown.ts), the words in the language of `w`. The cost headline, the
 * durations and the Max-Age words are messages, shared with the popup.
 */
import { SEVERITY_ORDER, type Finding } from '../findings';
import { severityMsg } from '../findings/messages';
import { costTotals, type CostTotals, type EndpointCost } from '../findings/cost';
import type { Severity } from '../findings/types';
import { cut } from '../fix/bounds';
import { m, type Msg } from '../i18n/msg';
import type { Words } from '../i18n/words';
import { mdCode, mdText } from './markdown';

/** At most this many findings are listed, and this many endpoints in the cost section. */
const MAX_FINDINGS = 20;
const MAX_COST = 5;
const MAX_FIELD = 500;

/** A message of the report's catalogue (`report_` + name). */
export const rm = (name: string, values?: Record<string, Msg | string | number>): Msg => m(`report_${name}`, values);

/** "3 preflights", "1 request": a plural message of the report's catalogue. */
const plural = (name: string, count: number): Msg => rm(name, { count });

/** A duration for people: "340 ms", "2.4 s" (the decimal as the language writes it). */
export function duration(ms: number): Msg {
  const v = Number.isFinite(ms) && ms > 0 ? ms : 0;
  return v < 1000 ? rm('duration_ms', { ms: Math.round(v) }) : rm('duration_s', { s: Math.round(v / 100) / 10 });
}

/** "12 preflights, 340 ms waited: a suitable Max-Age would save 11 (300 ms)", or "… already cached as long as useful". */
export function costHeadline(cost: CostTotals): Msg {
  const values = { preflights: plural('preflights', cost.preflights), waited: duration(cost.waitedMs) };
  if (cost.saved.preflights > 0) return rm('cost_headline_saves', { ...values, saved: cost.saved.preflights, ms: duration(cost.saved.ms) });
  return rm('cost_headline_none', values);
}

/** What the browser did with the Max-Age sent, in words. */
export function maxAgeWords(c: EndpointCost): Msg {
  const a = c.maxAge;
  switch (a.treatment) {
    case 'default': return a.sent === null ? rm('max_age_default_absent', { seconds: a.appliedSeconds }) : rm('max_age_default_invalid', { sent: a.sent, seconds: a.appliedSeconds });
    case 'capped': return rm('max_age_capped', { sent: a.sent ?? '', cap: a.cap });
    case 'not-cached': return rm('max_age_not_cached', { sent: a.sent ?? rm('max_age_none') });
    default: return rm('max_age_as_sent', { sent: a.sent ?? '', seconds: a.appliedSeconds });
  }
}

const severityLabel = (s: Severity, w: Words): string =>
  SEVERITY_ORDER.includes(s) ? w.t(severityMsg(s)) : mdText(String(s));

function findingLine(f: Finding, w: Words): string {
  return w.t(rm('finding_line', {
    severity: severityLabel(f.severity, w),
    title: mdText(cut(w.t(f.title), MAX_FIELD)),
    endpoint: mdCode(cut(f.endpoint, MAX_FIELD)),
    requests: plural('requests', f.exchangeIds.length),
    fix: mdText(cut(w.t(f.fix), MAX_FIELD)),
  }));
}

/** The Markdown lines of the findings section, in the language of `w`; empty when there is no finding. */
export function findingsSection(findings: readonly Finding[], w: Words): string[] {
  if (findings.length === 0) return [];
  const counts = SEVERITY_ORDER
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => w.t(rm('severity_count', { severity: w.t(severityMsg(s)).toLocaleLowerCase(w.lang), count: c })));
  const out = [w.t(rm('findings_title')), '', w.t(rm('findings_counts', { findings: plural('findings', findings.length), counts: counts.join(', ') })), ''];
  for (const f of findings.slice(0, MAX_FINDINGS)) out.push(findingLine(f, w));
  if (findings.length > MAX_FINDINGS) out.push(w.t(rm('and_more', { count: findings.length - MAX_FINDINGS })));
  out.push('');
  return out;
}

/** The Markdown lines of the preflight cost section, in the language of `w`; empty when nothing was preflighted. */
export function costSection(cost: readonly EndpointCost[], w: Words): string[] {
  if (cost.length === 0) return [];
  const out = [w.t(rm('cost_title')), '', `${mdText(w.t(costHeadline(costTotals(cost))))}.`, ''];
  for (const c of cost.slice(0, MAX_COST)) {
    const median = c.waited.medianMs === null ? '' : rm('cost_median', { duration: duration(c.waited.medianMs) });
    const saved = c.saved.preflights > 0 ? rm('cost_saved', { seconds: c.suitableMaxAge, preflights: plural('preflights', c.saved.preflights), ms: duration(c.saved.ms) }) : '';
    out.push(w.t(rm('cost_line', {
      endpoint: mdCode(cut(c.endpoint, MAX_FIELD)),
      preflights: plural('preflights', c.preflights),
      waited: duration(c.waited.totalMs),
      median,
      maxage: mdText(cut(w.t(maxAgeWords(c)), MAX_FIELD)),
      saved,
    })));
  }
  if (cost.length > MAX_COST) out.push(w.t(rm('cost_more', { endpoints: plural('more_endpoints', cost.length - MAX_COST) })));
  out.push('');
  return out;
}
