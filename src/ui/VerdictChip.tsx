import type { VerdictKind } from '../core/model/verdict';
import { VERDICT_GLYPH, verdictLabel } from './verdict-labels';

export function VerdictChip({ kind, count }: { kind: VerdictKind; count?: number }) {
  return verdictChip(kind, count);
}

/**
 * The chip's elements, for a list that draws one per row (the exchange table): called in the list's own
 * render, a chip is not a component of its own to mount, render and subscribe on every keystroke.
 */
export function verdictChip(kind: VerdictKind, count?: number) {
  return (
    <span class={`chip chip-${kind}`} data-verdict={kind}>
      <span class="chip-glyph" aria-hidden="true">{VERDICT_GLYPH[kind]}</span>
      {verdictLabel(kind)}
      {count !== undefined && <span class="chip-count">{count}</span>}
    </span>
  );
}
