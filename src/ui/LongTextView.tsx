/**
 * The whole of a long value, read-only: cut into lines as wide as the box (a hard wrap, so no line
 * breaking is ever computed) and only the lines in sight put in the DOM. Showing 10 MB costs what
 * showing a screenful costs; the Copy button next to it gives the exact value.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';
import { characters, lineAt, lineCount } from './long-text';

/** Line height in px (matches `.long-line` in theme.css). */
const ROW = 16;
const ROWS_IN_VIEW = 12;
const OVERSCAN = 6;
/** Ten wide characters, measured to know how many fit on a line. */
const PROBE = 'M'.repeat(10);
/** Without layout (tests), or before the first measure. */
const FALLBACK_COLS = 80;
/** Browsers cap an element's height (Chromium near 2^25 px): beyond, lines get wider instead. */
const MAX_HEIGHT = 16_000_000;

function columnsFor(box: HTMLElement, probe: HTMLElement): number | null {
  const charWidth = probe.getBoundingClientRect().width / 10;
  const style = getComputedStyle(box);
  const width = box.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  return charWidth > 0 && width > 0 ? Math.max(16, Math.floor(width / charWidth)) : null;
}

export function LongTextView({ value, label }: { value: string; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const [measured, setMeasured] = useState(FALLBACK_COLS);
  const [scrollTop, setScrollTop] = useState(0);

  useLayoutEffect(() => {
    const el = box.current;
    const p = probe.current;
    if (!el || !p) return;
    const measure = () => {
      const c = columnsFor(el, p);
      if (c !== null) setMeasured(c);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const cols = Math.max(measured, Math.ceil((value.length * ROW) / MAX_HEIGHT));
  const total = lineCount(value, cols);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(total, Math.floor(scrollTop / ROW) + ROWS_IN_VIEW + OVERSCAN);
  const lines = [];
  for (let i = first; i < last; i++) {
    lines.push(<div key={i} class="long-line" data-line={i} style={{ top: `${i * ROW}px` }}>{lineAt(value, cols, i)}</div>);
  }
  const from = Math.min(total, Math.floor(scrollTop / ROW) + 1);
  const to = Math.min(total, Math.floor(scrollTop / ROW) + ROWS_IN_VIEW);
  return (
    <div class="long-all">
      <div ref={box} class="long-view" role="region" aria-label={label} tabIndex={0} data-lines={total} data-cols={cols}
        style={{ height: `${Math.min(total, ROWS_IN_VIEW) * ROW + 8}px` }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <span ref={probe} class="long-probe" aria-hidden="true">{PROBE}</span>
        <div class="long-lines" style={{ height: `${total * ROW}px` }}>{lines}</div>
      </div>
      <p class="muted small long-where">
        {t('ui_long_lines', { from, to, total, size: characters(value.length), cols: String(cols) })}
      </p>
    </div>
  );
}
