/** The preflight cost headline ("12 preflights, 340 ms waited: a suitable Max-Age would save 11") and the endpoint that cost most. */
import { costHeadline, duration, maxAgeWords } from '../core/report/findings';
import type { TabCostSummary } from '../shared/protocol';
import { t, tParts } from '../ui/i18n';

export function PreflightCost({ cost }: { cost: TabCostSummary | undefined }) {
  if (!cost || cost.preflights === 0) return null;
  const top = cost.top[0];
  const endpoint = top && <span class="mono">{top.endpoint}</span>;
  return (
    <section class="cost" aria-labelledby="cost-title" data-testid="cost">
      <h2 id="cost-title" class="section-title">{t('popup_cost_title')}</h2>
      <p class="cost-headline" data-testid="cost-headline">{t('popup_sentence', { text: costHeadline(cost) })}</p>
      {top && cost.endpoints > 1 && (
        <p class="small muted wrap" data-testid="cost-top">
          {tParts('popup_cost_top', { count: top.preflights, waited: duration(top.waited.totalMs), maxage: maxAgeWords(top) }, { endpoint })}
        </p>
      )}
      {top && cost.endpoints === 1 && (
        <p class="small muted wrap" data-testid="cost-top">
          {tParts('popup_cost_one', { maxage: maxAgeWords(top) }, { endpoint })}
        </p>
      )}
    </section>
  );
}
