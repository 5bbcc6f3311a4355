import { useState } from 'preact/hooks';
import { copyText } from './copy';

export function CopyButton({ text, label, title }: { text: () => string; label: string; title?: string }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  return (
    <button
      type="button"
      class="btn"
      title={title ?? label}
      aria-label={title ?? label}
      onClick={async () => {
        const ok = await copyText(text());
        setState(ok ? 'done' : 'failed');
      }}
    >
      {state === 'done' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
