import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { formatMs, timeline } from './timeline-steps';
import { t } from '../../ui/i18n';
import { say } from '../text';

export function Timeline({ exchange, verdict, focus }: { exchange: Exchange; verdict: Verdict; focus: number | null }) {
  const steps = timeline(exchange, verdict);
  return (
    <section aria-labelledby="tl-h">
      <h3 id="tl-h">{t('panel_tl_title')}</h3>
      <ol class="timeline">
        {steps.map((s, i) => (
          <li key={i} class={`tl-step tl-${s.kind}${s.failed ? ' failed' : ''}${s.kind === 'preflight' && s.index === focus ? ' focus' : ''}`}>
            <span class="tl-label">{say(s.label)}</span>
            <span class="tl-url">{s.url}</span>
            <span class="tl-result">{say(s.result)}</span>
            <span class="tl-dur">{formatMs(s.durationMs)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
