import type { VerdictKind } from '../core/model/verdict';
import { VERDICT_GLYPH, verdictLabel } from './verdict-labels';

export function VerdictChip({ kind, count }: { kind: VerdictKind; count?: number }) {
  return (
    <span class={`chip chip-${kind}`} data-verdict={kind}>
      <span class="chip-glyph" aria-hidden="true">{VERDICT_GLYPH[kind]}</span>
      {verdictLabel(kind)}
      {count !== undefined && <span class="chip-count">{count}</span>}
    </span>
  );
}
