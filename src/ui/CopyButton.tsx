import { useState } from 'preact/hooks';
import { copyText } from './copy';

export function CopyButton({ text, label, title, variant = 'btn' }: {
  text: () => string;
  label: string;
  title?: string;
  /** A button (default) or a link-like button inside a sentence. */
  variant?: 'btn' | 'link';
}) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  return (
    <button
      type="button"
      class={variant}
      title={title ?? label}
      aria-label={title ?? label}
      onClick={async () => {
        const ok = await copyText(text());
        setState(ok ? 'done' : 'failed');
      }}
    >
      {state === 'done' ? (variant === 'link' ? 'copied' : 'Copied') : state === 'failed' ? (variant === 'link' ? 'copy failed' : 'Copy failed') : label}
    </button>
  );
}
