/**
 * The Findings filter, next to the verdict filters: "Findings" shows only exchanges with a finding; a
 * severity narrows it to findings at or above that severity. Each button carries its count of findings.
 */
import { SEVERITY_ORDER } from '../../core/findings';
import type { Severity } from '../../core/findings/types';
import { SeverityBadge, severityLabel } from '../../ui/SeverityBadge';
import type { PanelStore } from '../store';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function FindingsFilter({ store }: { store: PanelStore }) {
  const { counts } = store.findingIndex.value;
  const min = store.findingFilter.value;
  const total = SEVERITY_ORDER.reduce((n, s) => n + counts[s], 0);
  const set = (s: Severity | null) => { store.findingFilter.value = s; };
  return (
    <div class="seg findings-filter" role="group" aria-label="Findings">
      <button type="button" class="btn seg-btn" aria-pressed={min !== null}
        aria-label={`Findings: show only requests with findings (${plural(total, 'finding')})`}
        title="Passed or not, these exchanges are configured dangerously or wastefully"
        onClick={() => set(min === null ? 'info' : null)}>
        Findings <span class="chip-count">{total}</span>
      </button>
      {SEVERITY_ORDER.map((s) => (
        <button key={s} type="button" class="btn seg-btn" aria-pressed={min === s}
          aria-label={`${severityLabel(s)} or above: show only requests with such findings (${plural(counts[s], `${s} finding`)})`}
          onClick={() => set(min === s ? null : s)}>
          <SeverityBadge severity={s} count={counts[s]} />
        </button>
      ))}
    </div>
  );
}
