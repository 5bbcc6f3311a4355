/** The popup's buttons: export, copy summary, clear, pause, open the panel. */
import type { PopupStore } from './store';

export function Actions({ store }: { store: PopupStore }) {
  const busy = store.busy.value;
  const total = store.summary.value?.total ?? 0;
  const paused = store.settings.value?.paused ?? false;
  const ready = store.status.value === 'ready';
  return (
    <section class="actions" aria-label="Actions">
      <div class="action-row">
        <button type="button" class="btn primary" disabled={!ready || total === 0 || busy !== null} onClick={() => void store.exportReport()}>
          {busy === 'export' ? 'Exporting…' : 'Export report'}
        </button>
        <label class="check small">
          <input
            type="checkbox"
            checked={store.includeSensitive.value}
            onChange={(e) => { store.includeSensitive.value = (e.currentTarget as HTMLInputElement).checked; }}
          />
          include sensitive headers
        </label>
      </div>
      <div class="action-row">
        <button type="button" class="btn" disabled={!ready || total === 0 || busy !== null} onClick={() => void store.copySummary()}>
          {busy === 'copy' ? 'Copying…' : 'Copy summary'}
        </button>
        <button type="button" class="btn" disabled={!ready || total === 0 || busy !== null} onClick={() => void store.clear()}>
          Clear
        </button>
        <button type="button" class="btn" aria-pressed={paused} disabled={!ready || busy !== null} onClick={() => void store.togglePause()}>
          {paused ? 'Resume capture' : 'Pause capture'}
        </button>
      </div>
    </section>
  );
}
