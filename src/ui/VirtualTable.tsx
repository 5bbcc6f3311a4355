/**
 * A virtualised grid: only the rows in view (and one beyond each edge) are in the DOM, so ten thousand rows
 * cost the same to render as thirty. Rows have a fixed height. Keyboard: arrows, Home/End, PageUp/PageDown
 * move the active row; Enter opens it. Columns are sortable through their header buttons.
 */
import { Fragment, type ComponentChildren, type JSX, type TargetedKeyboardEvent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';

export interface Column<R> {
  id: string;
  label: string;
  /** The column's width (a CSS length, e.g. `6em`); with `grow`, its least width. */
  width: string;
  /** Shares of the width the fixed columns leave (as `fr` in a grid track), never below `width`. */
  grow?: number;
  sortable?: boolean;
  cell: (row: R) => ComponentChildren;
}

type SortDir = 'asc' | 'desc';

interface VirtualTableProps<R> {
  label: string;
  rows: readonly R[];
  columns: readonly Column<R>[];
  rowKey: (row: R) => string;
  rowClass?: (row: R) => string;
  rowHeight?: number;
  activeIndex: number;
  /** Key of the row whose details are open. */
  openKey?: string | null;
  sort?: { column: string; dir: SortDir };
  onSort?: (column: string) => void;
  onActive: (index: number) => void;
  onOpen: (index: number) => void;
  empty?: ComponentChildren;
  /** Rows drawn above and below the viewport. */
  overscan?: number;
}

const FALLBACK_VIEWPORT = 640;

export function VirtualTable<R>(props: VirtualTableProps<R>) {
  // One row beyond each edge of the viewport: every row drawn is laid out and painted again when a keystroke,
  // a sort or a filter rewrites the rows, which is most of such a frame's cost (a trace of the filter's
  // keystrokes: layout and paint three times the script), so rows nobody sees are not drawn.
  const { rows, columns, rowHeight = 22, overscan = 1 } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the active row in view.
  useEffect(() => {
    const el = scroller.current;
    if (!el || props.activeIndex < 0) return;
    const top = props.activeIndex * rowHeight;
    const body = viewport - rowHeight; // the sticky header takes one row
    let next: number | null = null;
    if (top < el.scrollTop) next = top;
    else if (top + rowHeight > el.scrollTop + body) next = top + rowHeight - body;
    if (next !== null) {
      el.scrollTop = next;
      setScrollTop(next); // do not wait for the scroll event to draw the rows now in view
    }
  }, [props.activeIndex, rowHeight, viewport]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  // The sticky header covers the viewport's first row height: the rows in view end one row height earlier.
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport - rowHeight) / rowHeight) + overscan);
  // Each row is a flex line of fixed-width cells, not a grid of its own: laying out a grid per row (its tracks
  // sized again for every row) was about a fifth of a keystroke's layout. The header uses the same widths.
  const widths = columns.map((c): { flex: string; minWidth?: string } => (c.grow ? { flex: `${c.grow} 1 0`, minWidth: c.width } : { flex: `0 0 ${c.width}` }));
  const pageRows = Math.max(1, Math.floor(viewport / rowHeight) - 1);

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    const n = rows.length;
    if (n === 0) return;
    const cur = props.activeIndex;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(n - 1, cur + 1),
      ArrowUp: Math.max(0, cur < 0 ? 0 : cur - 1),
      Home: 0,
      End: n - 1,
      PageDown: Math.min(n - 1, Math.max(0, cur) + pageRows),
      PageUp: Math.max(0, cur - pageRows),
    };
    if (e.key in moves) {
      e.preventDefault();
      props.onActive(moves[e.key]!);
    } else if (e.key === 'Enter' && cur >= 0) {
      e.preventDefault();
      props.onOpen(cur);
    }
  };

  const activeRow = props.activeIndex >= 0 ? rows[props.activeIndex] : undefined;
  const slice: JSX.Element[] = [];
  // The active row is always drawn, so aria-activedescendant never points at nothing.
  const indexes: number[] = [];
  const active = props.activeIndex;
  if (active >= 0 && active < rows.length && active < first) indexes.push(active);
  for (let i = first; i < last; i++) indexes.push(i);
  if (active >= last && active < rows.length) indexes.push(active);
  // Row elements are keyed by their place in a ring as large as the rows drawn, not by the line they show:
  // a new filter or sort, or a jump to the end, then rewrites the rows already in the DOM instead of
  // removing every one and making new ones, and a row scrolled into view takes the element of the one
  // that left. The active row drawn outside the range has its own element. A cell's content is rewritten in
  // place too (making every cell's elements again was most of a keystroke's script and layout), except in
  // the one row element that holds focus (a → preflight button) when it now shows another line: there the
  // content is keyed by that line, so it is made anew and the focused element leaves the table instead of
  // ending up on another exchange. A focused row whose line did not move keeps its elements, and focus.
  const ring = Math.max(1, last - first);
  const inRows = body.current !== null && body.current.contains(document.activeElement);
  const focusedRow = inRows ? (document.activeElement as HTMLElement).closest<HTMLElement>('[data-slot]') : null;
  for (const i of indexes) {
    const row = rows[i]!;
    const key = props.rowKey(row);
    const slot = i >= first && i < last ? String(i % ring) : 'active';
    // Keyed by the line only where the focused element would otherwise move to another one (see above).
    const contentKey = focusedRow?.dataset.slot === slot && focusedRow.id !== `vt-row-${key}` ? key : '';
    const cls = ['vt-row', props.rowClass?.(row) ?? '', i === props.activeIndex ? 'active' : '', key === props.openKey ? 'open' : '']
      .filter(Boolean).join(' ');
    slice.push(
      <div
        key={slot}
        data-slot={slot}
        id={`vt-row-${key}`}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={key === props.openKey}
        class={cls}
        style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}
        onMouseDown={() => props.onActive(i)}
        onClick={() => props.onOpen(i)}
      >
        {columns.map((c, k) => (
          <div key={c.id} role="gridcell" class={`vt-cell col-${c.id}`} style={widths[k]}>
            {/* A wrapper only where it is keyed: elsewhere it would be one more node to diff in every cell. */}
            {contentKey === '' ? c.cell(row) : <Fragment key={contentKey}>{c.cell(row)}</Fragment>}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      class="vt"
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-activedescendant={activeRow ? `vt-row-${props.rowKey(activeRow)}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div role="row" aria-rowindex={1} class="vt-head" style={{ height: `${rowHeight}px` }}>
        {columns.map((c, k) => {
          const sorted = props.sort?.column === c.id ? props.sort.dir : undefined;
          return (
            <div key={c.id} role="columnheader" class={`vt-cell col-${c.id}`} style={widths[k]} title={c.label}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
              {c.sortable && props.onSort ? (
                <button type="button" class="vt-sort" onClick={() => props.onSort!(c.id)}
                  aria-label={t(sorted === 'asc' ? 'ui_sort_by_asc' : sorted === 'desc' ? 'ui_sort_by_desc' : 'ui_sort_by', { column: c.label })}>
                  {c.label}
                  <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                </button>
              ) : c.label}
            </div>
          );
        })}
      </div>
      {rows.length === 0 ? (
        <div class="vt-empty">{props.empty}</div>
      ) : (
        <div ref={body} class="vt-body" role="rowgroup" style={{ height: `${rows.length * rowHeight}px` }}>{slice}</div>
      )}
    </div>
  );
}
