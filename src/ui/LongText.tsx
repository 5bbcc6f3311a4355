/** A value of any length, as text: up to PREVIEW_CHARS inline, then "… N characters: show all / copy". */
import { useMemo, useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';
import { characters, clipText, PREVIEW_CHARS } from './long-text';
import { LongTextView } from './LongTextView';

interface LongTextProps {
  value: string;
  /** What the value is, for the buttons' names ("value", "Chrome message"…). */
  name?: string;
  limit?: number;
  /** Show the inline part as code. */
  code?: boolean;
}

export function LongText({ value, name = 'value', limit = PREVIEW_CHARS, code = false }: LongTextProps) {
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
  const { name = 'value' } = props;
  const [open, setOpen] = useState(false);
  const whole = 'value' in props ? () => props.value : props.whole;
  const length = 'value' in props ? props.value.length : props.length;
  const shown = useMemo(() => (open ? whole() : null), [open]);
  const size = characters(length);
  return (
    <>
      <span class="long-marker" data-length={length}>
        {'… '}{size}:{' '}
        <button type="button" class="link" aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} the whole ${name} (${size})`}
          onClick={() => setOpen(!open)}>{open ? 'hide' : 'show all'}</button>
        {' / '}
        <CopyButton variant="link" text={whole} label="copy" title={`Copy the whole ${name} (${size})`} />
      </span>
      {shown !== null && <LongTextView value={shown} label={`The whole ${name}`} />}
    </>
  );
}
