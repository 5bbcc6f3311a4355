/** A value of any length, as text: up to PREVIEW_CHARS inline, then "… N characters: show all / copy". */
import { useMemo, useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';
import { t } from './i18n';
import { characters, clipText, PREVIEW_CHARS } from './long-text';
import { LongTextView } from './LongTextView';

interface LongTextProps {
  value: string;
  /** What the value is, for the buttons' names ("value", "Chrome message"…), in the page's language. */
  name?: string;
  limit?: number;
  /** Show the inline part as code. */
  code?: boolean;
}

export function LongText({ value, name, limit = PREVIEW_CHARS, code = false }: LongTextProps) {
  const { text, cut } = clipText(value, limit);
  const shown = code ? <code>{text}</code> : text;
  if (!cut) return <>{shown}</>;
  return <>{shown}<LongMarker value={value} name={name} /></>;
}

/**
 * What follows a cut value: how long it is, the whole of it on request, and a copy of it. For a whole that
 * is costly to build (a concatenation around a long value is copied whole when first read), pass `whole`
 * and its `length`: it is built on request only.
 */
type Whole = { value: string } | { whole: () => string; length: number };

export function LongMarker(props: Whole & { name?: string }) {
  const name = props.name ?? t('ui_value');
  const [open, setOpen] = useState(false);
  const whole = 'value' in props ? () => props.value : props.whole;
  const length = 'value' in props ? props.value.length : props.length;
  const shown = useMemo(() => (open ? whole() : null), [open]);
  const size = characters(length);
  return (
    <>
      <span class="long-marker" data-length={length}>
        {t('ui_long_marker', { size })}{' '}
        <button type="button" class="link" aria-expanded={open} aria-label={t(open ? 'ui_long_hide_named' : 'ui_long_show_named', { name, size })}
          onClick={() => setOpen(!open)}>{t(open ? 'ui_long_hide' : 'ui_long_show_all')}</button>
        {' / '}
        <CopyButton variant="link" text={whole} label={t('ui_long_copy')} title={t('ui_long_copy_named', { name, size })} />
      </span>
      {shown !== null && <LongTextView value={shown} label={t('ui_long_whole', { name })} />}
    </>
  );
}
