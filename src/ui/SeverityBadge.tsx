/** A finding's severity in words and a shape, never colour alone (the colour only repeats what the text says). */
import type { Severity } from '../core/findings/types';
import type { Words } from '../core/i18n/words';
import { SEVERITY_ORDER } from '../core/findings';
import { severityMsg } from '../core/findings/messages';
import { words } from './i18n';

const GLYPH: Record<Severity, string> = { high: '▲', medium: '◆', low: '●', info: 'i' };

/** "High" / "Élevée": in the page's language, or in `w`'s (a search also matches the English word). */
export function severityLabel(s: Severity, w: Words = words.value): string {
  return SEVERITY_ORDER.includes(s) ? w.t(severityMsg(s)) : String(s);
}

/** "2 high" / "élevée : 2", for a count said in words (accessible names). */
export function severityCount(s: Severity, count: number, w: Words = words.value): string {
  const id = `ui_severity_count_${String(s)}`;
  return w.has(id) ? w.say(id, { count }) : `${w.num(count)} ${String(s)}`;
}

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
