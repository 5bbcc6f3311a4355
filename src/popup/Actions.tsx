/** The popup's buttons: export, copy summary, clear, pause, open the panel. */
import { t } from '../ui/i18n';
import type { PopupStore } from './store';

export function Actions({ store }: { store: PopupStore }) {
  const busy = store.busy.value;
  const total = store.summary.value?.total ?? 0;
  const paused = store.settings.value?.paused ?? false;
  const ready = store.status.value === 'ready';
  return (
    <section class="actions" aria-label={t('popup_actions')}>
      <div class="action-row">
        <button type="button" class="btn primary" disabled={!ready || total === 0 || busy !== null} onClick={() => void store.exportReport()}>
          {busy === 'export' ? t('popup_exporting') : t('popup_export')}
        </button>
        <label class="check small">
          <input
            type="checkbox"
            checked={store.includeSensitive.value}
            onChange={(e) => { store.includeSensitive.value = (e.currentTarget as HTMLInputElement).checked; }}
          />
          {t('popup_include_sensitive')}
        </label>
      </div>
      <div class="action-row">
        <button type="button" class="btn" disabled={!ready || total === 0 || busy !== null} onClick={() => void store.copySummary()}>
          {busy === 'copy' ? t('popup_copying') : t('popup_copy_summary')}
        </button>
        <button type="button" class="btn" disabled={!ready || total === 0 || busy !== null} onClick={() => void store.clear()}>
          {t('popup_clear')}
        </button>
        <button type="button" class="btn" aria-pressed={paused} disabled={!ready || busy !== null} onClick={() => void store.togglePause()}>
          {paused ? t('popup_resume') : t('popup_pause')}
        </button>
      </div>
    </section>
  );
}
