/** A value of any length, as text: up to PREVIEW_CHARS inline, then "… N characters: show all / copy". */
import { useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';
import { characters, clipText, PREVIEW_CHARS } from './long-text';
import { LongTextView } from './LongTextView';

export interface LongTextProps {
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

/** What follows a cut value: how long it is, the whole of it on request, and a copy of it. */
export function LongMarker({ value, name = 'value' }: { value: string; name?: string }) {
  const [open, setOpen] = useState(false);
  const size = characters(value.length);
  return (
    <>
      <span class="long-marker" data-length={value.length}>
        {'… '}{size}:{' '}
        <button type="button" class="link" aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} the whole ${name} (${size})`}
          onClick={() => setOpen(!open)}>{open ? 'hide' : 'show all'}</button>
        {' / '}
        <CopyButton variant="link" text={() => value} label="copy" title={`Copy the whole ${name} (${size})`} />
      </span>
      {open && <LongTextView value={value} label={`The whole ${name}`} />}
    </>
  );
}
