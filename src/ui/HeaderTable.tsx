import type { Header } from '../core/model';

export interface HeaderTableProps {
  headers: Header[];
  /** Accessible caption, e.g. "Preflight response headers". */
  caption: string;
  /** Lower-case names of headers that decided the verdict. */
  highlight?: ReadonlySet<string>;
  /** Lower-case names whose values are hidden (the user did not opt in to show secrets). */
  empty?: string;
}

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
              <td>{h.value}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
