/** Counts by verdict as a small bar chart; every bar has its label and number as text. */
import type { VerdictKind } from '../core/model/verdict';
import type { VerdictCounts } from '../shared/protocol';
import { t, words } from '../ui/i18n';
import { verdictLabel } from '../ui/verdict-labels';

const ORDER: readonly VerdictKind[] = ['blocked', 'network-error', 'inconclusive', 'preflighted', 'simple', 'no-cors', 'same-origin', 'pending'];

export function VerdictBars({ counts, total }: { counts: VerdictCounts; total: number }) {
  const kinds = ORDER.filter((k) => counts[k] > 0);
  const max = Math.max(1, ...kinds.map((k) => counts[k]));
  const w = words.value;
  return (
    <ul class="bars" aria-label={t('popup_bars_label', { count: total })}>
      {kinds.map((k) => (
        <li key={k} class={`bar-row bar-${k}`} data-verdict={k}>
          <span class="bar-label" title={verdictLabel(k)}>{verdictLabel(k)}</span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${Math.max(2, Math.round((counts[k] / max) * 100))}%` }} />
          </span>
          <span class="bar-count">{w.num(counts[k])}</span>
        </li>
      ))}
    </ul>
  );
}
