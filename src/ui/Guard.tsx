import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';

/**
 * Keeps a failure in one part of a page from blanking the rest: the part is replaced by a sentence
 * saying what went wrong, and can be retried.
 */
export function Guard({ what, children }: { what: string; children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary();
  if (error) {
    return (
      <div class="banner banner-error" role="alert">
        Could not show {what}: {error instanceof Error ? error.message : String(error)}
        <button type="button" class="btn" onClick={reset}>Try again</button>
      </div>
    );
  }
  return <>{children}</>;
}
