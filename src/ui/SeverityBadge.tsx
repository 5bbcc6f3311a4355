/** A finding's severity in words and a shape, never colour alone (the colour only repeats what the text says). */
import type { Severity } from '../core/findings/types';

const LABEL: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
const GLYPH: Record<Severity, string> = { high: '▲', medium: '◆', low: '●', info: 'i' };

export const severityLabel = (s: Severity): string => LABEL[s] ?? String(s);

/** `count` adds a number after the label (toolbar counts, row markers). */
export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  return (
    <span class={`sev sev-${severity}`} data-severity={severity}>
      <span class="sev-glyph" aria-hidden="true">{GLYPH[severity] ?? '?'}</span>
      {severityLabel(severity)}
      {count !== undefined && <span class="chip-count">{count}</span>}
    </span>
  );
}
