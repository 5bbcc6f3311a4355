/**
 * The Findings filter, next to the verdict filters: "Findings" shows only exchanges with a finding; a
 * severity narrows it to findings at or above that severity. Each button carries its count of findings.
 */
import { SEVERITY_ORDER } from '../../core/findings';
import type { Severity } from '../../core/findings/types';
import { SeverityBadge, severityLabel } from '../../ui/SeverityBadge';
import type { PanelStore } from '../store';
import { t } from '../../ui/i18n';

export function FindingsFilter({ store }: { store: PanelStore }) {
  const { counts } = store.findingIndex.value;
  const min = store.findingFilter.value;
  const total = SEVERITY_ORDER.reduce((n, s) => n + counts[s], 0);
  const set = (s: Severity | null) => { store.findingFilter.value = s; };
  return (
    <div class="seg findings-filter" role="group" aria-label={t('panel_ff_group')}>
      <button type="button" class="btn seg-btn" aria-pressed={min !== null}
        aria-label={t('panel_ff_all_label', { count: total })}
        title={t('panel_ff_all_title')}
        onClick={() => set(min === null ? 'info' : null)}>
        {t('panel_ff_all')} <span class="chip-count">{total}</span>
      </button>
      {SEVERITY_ORDER.map((s) => (
        <button key={s} type="button" class="btn seg-btn" aria-pressed={min === s}
          aria-label={t('panel_ff_severity_label', { severity: severityLabel(s), level: severityLabel(s).toLowerCase(), count: counts[s] })}
          onClick={() => set(min === s ? null : s)}>
          <SeverityBadge severity={s} count={counts[s]} />
        </button>
      ))}
    </div>
  );
}
