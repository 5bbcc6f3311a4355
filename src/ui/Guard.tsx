import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { t } from './i18n';

/**
 * Keeps a failure in one part of a page from blanking the rest: the part is replaced by a sentence
 * saying what went wrong, and can be retried.
 */
export function Guard({ what, children }: {
  /** What the part shows, in the page's language ("the details"): "Could not show the details: …". */
  what: string;
  children: ComponentChildren;
}) {
  const [error, reset] = useErrorBoundary();
  if (error) {
    return (
      <div class="banner banner-error" role="alert">
        {t('ui_guard_failed', { what, error: error instanceof Error ? error.message : String(error) })}
        <button type="button" class="btn" onClick={reset}>{t('ui_try_again')}</button>
      </div>
    );
  }
  return <>{children}</>;
}
