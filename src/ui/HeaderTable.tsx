import type { Header } from '../core/model/exchange';
import { t } from './i18n';
import { PREVIEW_CHARS } from './long-text';
import { LongText } from './LongText';

interface HeaderTableProps {
  headers: Header[];
  /** Accessible caption, e.g. "Preflight response headers". */
  caption: string;
  /** Lower-case names of headers that decided the verdict. */
  highlight?: ReadonlySet<string>;
  /** What to say when there are no headers (default: "No headers seen."). */
  empty?: string;
}

/** Longer values are cut here until the user asks for all of it (a 1 MB header must not freeze the panel). */
export const VALUE_PREVIEW = PREVIEW_CHARS;

/** Headers in wire order, duplicates kept. Values are rendered as text whatever they contain. */
export function HeaderTable({ headers, caption, highlight, empty }: HeaderTableProps) {
  if (headers.length === 0) return <p class="muted">{empty ?? t('ui_headers_none')}</p>;
  return (
    <table class="headers">
      <caption class="sr-only">{caption}</caption>
      <tbody>
        {headers.map((h, i) => {
          const hot = highlight?.has(h.name.toLowerCase()) ?? false;
          return (
            <tr key={i} class={hot ? 'deciding' : undefined} data-deciding={hot ? 'true' : undefined}>
              <th scope="row">{h.name}{hot && <span class="sr-only">{' '}{t('ui_header_decided')}</span>}</th>
              <td><LongText value={h.value} name={t('ui_header_value', { name: h.name })} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
