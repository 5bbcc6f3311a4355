/**
 * What passed but is configured dangerously or wastefully: counts by severity and the worst findings
 * by endpoint. The words are each finding's own (its module's title and summary); severity is said in
 * words and a glyph, never colour alone; every value from the wire is rendered as text.
 */
import type { Finding, TabFindingsSummary } from '../shared/protocol';
import { t, tm } from '../ui/i18n';
import { SeverityBadge, severityCount } from '../ui/SeverityBadge';
import { SEVERITY_ORDER } from '../core/findings';


/** The top findings grouped by endpoint, in the order their worst finding comes (the summary's order). */
function byEndpoint(top: readonly Finding[]): { endpoint: string; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of top) {
    const list = groups.get(f.endpoint);
    if (list) list.push(f);
    else groups.set(f.endpoint, [f]);
  }
  return [...groups].map(([endpoint, findings]) => ({ endpoint, findings }));
}

export function Findings({ summary }: { summary: TabFindingsSummary | undefined }) {
  if (!summary) return null;
  if (summary.total === 0) {
    return <p class="muted small" data-testid="no-findings">{t('popup_no_findings')}</p>;
  }
  const present = SEVERITY_ORDER.filter((s) => (summary.counts[s] ?? 0) > 0);
  const shown = summary.top.length;
  const hidden = summary.total - shown;
  const list = present.map((s) => severityCount(s, summary.counts[s] ?? 0)).join(', ');
  return (
    <section class="findings" aria-labelledby="findings-title" data-testid="findings">
      <h2 id="findings-title" class="section-title">{t('popup_findings_title')}</h2>
      <p class="finding-counts" role="group" aria-label={t('popup_findings_count', { count: summary.total, list })}>
        {present.map((s) => <SeverityBadge key={s} severity={s} count={summary.counts[s]} />)}
      </p>
      <ol class="finding-groups">
        {byEndpoint(summary.top).map((g) => (
          <li key={g.endpoint} class="finding-group" data-testid="finding-group">
            <div class="mono wrap finding-endpoint">{g.endpoint}</div>
            <ul class="finding-list">
              {g.findings.map((f) => (
                <li key={`${f.id} ${f.severity} ${f.variant}`} class={`finding sev-border-${f.severity}`} data-testid="finding" data-id={f.id}>
                  <SeverityBadge severity={f.severity} /> <strong class="finding-title">{tm(f.title)}</strong>
                  <div class="small finding-summary wrap">{tm(f.summary)}</div>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {hidden > 0 && (
        <p class="muted small" data-testid="findings-more">{t('popup_findings_more', { count: hidden })}</p>
      )}
    </section>
  );
}
