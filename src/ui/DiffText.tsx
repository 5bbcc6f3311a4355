import type { DiffPart } from './char-diff';
import { clipParts, visible } from './char-diff';
import { t } from './i18n';
import { LongMarker } from './LongText';

/**
 * One side of a character diff; changed characters are marked with <mark> (text only, never HTML).
 * Only the first PREVIEW_CHARS characters are drawn; `full` (the whole side) is there on request.
 */
export function DiffText({ parts, side, full, name }: { parts: DiffPart[]; side: 'received' | 'needed'; full: string; name?: string }) {
  const clipped = clipParts(parts);
  return (
    <>
      <code class={`diff diff-${side}`}>
        {clipped.parts.map((p, i) =>
          p.changed ? (
            <mark key={i} class={side === 'received' ? 'diff-extra' : 'diff-missing'}>{visible(p.text).replace(/ /g, '␠')}</mark>
          ) : (
            <span key={i}>{visible(p.text)}</span>
          ),
        )}
      </code>
      {clipped.cut && <LongMarker value={full} name={name ?? t(side === 'received' ? 'ui_diff_received_value' : 'ui_diff_needed_value')} />}
    </>
  );
}
