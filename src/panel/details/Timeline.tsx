import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { formatMs, timeline } from './timeline-steps';

export function Timeline({ exchange, verdict, focus }: { exchange: Exchange; verdict: Verdict; focus: number | null }) {
  const steps = timeline(exchange, verdict);
  return (
    <section aria-labelledby="tl-h">
      <h3 id="tl-h">Timeline</h3>
      <ol class="timeline">
        {steps.map((s, i) => (
          <li key={i} class={`tl-step tl-${s.kind}${s.failed ? ' failed' : ''}${s.kind === 'preflight' && s.index === focus ? ' focus' : ''}`}>
            <span class="tl-label">{s.label}</span>
            <span class="tl-url">{s.url}</span>
            <span class="tl-result">{s.result}</span>
            <span class="tl-dur">{formatMs(s.durationMs)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
