import { useState } from 'preact/hooks';
import { copyText } from './copy';
import { t } from './i18n';

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
      {state === 'done' ? t(variant === 'link' ? 'ui_copied_inline' : 'ui_copied')
        : state === 'failed' ? t(variant === 'link' ? 'ui_copy_failed_inline' : 'ui_copy_failed') : label}
    </button>
  );
}
