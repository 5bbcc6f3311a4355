/** The preflight cost headline ("12 preflights, 340 ms waited: a suitable Max-Age would save 11") and the endpoint that cost most. */
import { costHeadline, duration, maxAgeWords } from '../core/report/findings';
import type { TabCostSummary } from '../shared/protocol';

export function PreflightCost({ cost }: { cost: TabCostSummary | undefined }) {
  if (!cost || cost.preflights === 0) return null;
  const top = cost.top[0];
  return (
    <section class="cost" aria-labelledby="cost-title" data-testid="cost">
      <h2 id="cost-title" class="section-title">Preflight cost</h2>
      <p class="cost-headline" data-testid="cost-headline">{costHeadline(cost)}.</p>
      {top && cost.endpoints > 1 && (
        <p class="small muted wrap" data-testid="cost-top">
          Most waited for: <span class="mono">{top.endpoint}</span>, {top.preflights.toLocaleString('en-US')} preflight{top.preflights === 1 ? '' : 's'},{' '}
          {duration(top.waited.totalMs)}; {maxAgeWords(top)}.
        </p>
      )}
      {top && cost.endpoints === 1 && (
        <p class="small muted wrap" data-testid="cost-top">
          <span class="mono">{top.endpoint}</span>: {maxAgeWords(top)}.
        </p>
      )}
    </section>
  );
}
