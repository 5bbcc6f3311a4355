import type { Header } from '../core/model/exchange';
import { PREVIEW_CHARS } from './long-text';
import { LongText } from './LongText';

interface HeaderTableProps {
  headers: Header[];
  /** Accessible caption, e.g. "Preflight response headers". */
  caption: string;
  /** Lower-case names of headers that decided the verdict. */
  highlight?: ReadonlySet<string>;
  /** What to say when there are no headers. */
  empty?: string;
}

/** Longer values are cut here until the user asks for all of it (a 1 MB header must not freeze the panel). */
export const VALUE_PREVIEW = PREVIEW_CHARS;

/** Headers in wire order, duplicates kept. Values are rendered as text whatever they contain. */
export function HeaderTable({ headers, caption, highlight, empty = 'No headers seen.' }: HeaderTableProps) {
  if (headers.length === 0) return <p class="muted">{empty}</p>;
  return (
    <table class="headers">
      <caption class="sr-only">{caption}</caption>
      <tbody>
        {headers.map((h, i) => {
          const hot = highlight?.has(h.name.toLowerCase()) ?? false;
          return (
            <tr key={i} class={hot ? 'deciding' : undefined} data-deciding={hot ? 'true' : undefined}>
              <th scope="row">{h.name}{hot && <span class="sr-only"> (decided the verdict)</span>}</th>
              <td><LongText value={h.value} name={`${h.name} value`} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
