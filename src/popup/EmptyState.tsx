/** What to do when the tab's log is empty. */
import { t } from '../ui/i18n';

export function EmptyState({ paused }: { paused: boolean }) {
  return (
    <section class="empty" data-testid="empty">
      <h2 class="section-title">{t('popup_empty_title')}</h2>
      <p>{t(paused ? 'popup_empty_paused' : 'popup_empty_hint')}</p>
    </section>
  );
}
