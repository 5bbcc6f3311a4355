import type { DiffPart } from './char-diff';
import { visible } from './char-diff';

/** One side of a character diff; changed characters are marked with <mark> (text only, never HTML). */
export function DiffText({ parts, side }: { parts: DiffPart[]; side: 'received' | 'needed' }) {
  return (
    <code class={`diff diff-${side}`}>
      {parts.map((p, i) =>
        p.changed ? (
          <mark key={i} class={side === 'received' ? 'diff-extra' : 'diff-missing'}>{visible(p.text).replace(/ /g, '␠')}</mark>
        ) : (
          <span key={i}>{visible(p.text)}</span>
        ),
      )}
    </code>
  );
}
