import type { Ref } from 'preact';
import { VerdictChip } from '../ui/VerdictChip';
import { PANEL_VERDICT_ORDER } from '../ui/verdict-labels';
import { LanguagePicker } from '../ui/LanguagePicker';
import { t } from '../ui/i18n';
import type { PanelActions } from './actions';
import type { KindFilter } from './table/filter';
import type { PanelStore } from './store';
import { FindingsFilter } from './findings/FindingsFilter';
import { CaptureToggle } from './CaptureToggle';
import { say } from './text';

export interface PanelIO {
  /** Reads a HAR file and shows it classified (sets `store.imported`). */
  importHar?(file: File): Promise<void>;
  /** Saves the shown log as a HAR report. */
  exportReport?(): Promise<void> | void;
  /** Opens this panel in a tab of its own. */
  popOut?(): void;
}

/** The verdict filter buttons; their words are `panel_kind_<id>`. */
const KINDS: readonly KindFilter[] = ['all', 'blocked', 'preflighted', 'simple'];

export function Toolbar({ store, actions, io, filterRef }: {
  store: PanelStore;
  actions: PanelActions | null;
  io: PanelIO;
  filterRef: Ref<HTMLInputElement>;
}) {
  const settings = store.settings.value;
  const counts = store.counts.value;
  const nonCors = counts['same-origin'] + counts['no-cors'] + counts['network-error'];
  const importing = store.imported.value !== null;
  const paused = settings?.paused ?? false;
  return (
    <div class="toolbar" role="toolbar" aria-label={t('panel_toolbar')}>
      <div class="seg" role="group" aria-label={t('panel_kind_group')}>
        {KINDS.map((k) => (
          <button key={k} type="button" class="btn seg-btn" aria-pressed={store.kindFilter.value === k}
            onClick={() => { store.kindFilter.value = k; }}>{t(`panel_kind_${k}`)}</button>
        ))}
      </div>
      <FindingsFilter store={store} />
      <button type="button" class="btn" aria-pressed={store.view.value === 'cost'}
        aria-label={t('panel_cost_button_label')} title={t('panel_cost_button_title')}
        onClick={() => { store.view.value = store.view.value === 'cost' ? 'log' : 'cost'; }}>
        {t('panel_cost_title')}
      </button>
      <label class="check">
        <input type="checkbox" checked={store.showNonCors.value}
          onChange={(e) => { store.showNonCors.value = e.currentTarget.checked; }} />
        {t('panel_non_cors', { count: nonCors })}
      </label>
      {/* The box's value is the signal itself (bound to the element), so a keystroke does not render the toolbar again. */}
      <input ref={filterRef} type="search" class="filter" placeholder={t('panel_filter_placeholder')}
        aria-label={t('panel_filter_label')} title={t('panel_filter_label')} value={store.filterText}
        onInput={(e) => { store.filterText.value = e.currentTarget.value; }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') { e.preventDefault(); store.filterText.value = ''; }
        }} />
      <span class="spacer" />
      {actions && !importing && (
        <>
          <button type="button" class="btn" onClick={() => void actions.clear()} aria-label={t('panel_clear_label')}>{t('panel_clear')}</button>
          <label class="check" title={t('panel_keep_log_title')}>
            <input type="checkbox" checked={settings?.keepLog ?? false} disabled={!settings}
              onChange={(e) => void actions.setSettings({ keepLog: e.currentTarget.checked })} />
            {t('panel_keep_log')}
          </label>
          <label class="check" title={t('panel_keep_restarts_title')}>
            <input type="checkbox" checked={settings?.keepAcrossRestarts ?? false} disabled={!settings}
              onChange={(e) => void actions.setSettings({ keepAcrossRestarts: e.currentTarget.checked })} />
            {t('panel_keep_restarts')}
          </label>
          <button type="button" class="btn" aria-pressed={paused} disabled={!settings}
            aria-label={t(paused ? 'panel_resume_label' : 'panel_pause_label')}
            onClick={() => void actions.setSettings({ paused: !paused })}>
            {t(paused ? 'panel_resume' : 'panel_pause')}
          </button>
          <CaptureToggle store={store} actions={actions} />
        </>
      )}
      {io.importHar && (
        <label class="btn file-btn">
          {t('panel_import')}
          <input type="file" accept=".har,application/json,.json" class="sr-only" aria-label={t('panel_import_label')}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) void io.importHar!(file);
            }} />
        </label>
      )}
      {io.exportReport && (
        <>
          <button type="button" class="btn" onClick={() => void io.exportReport!()} aria-label={t('panel_export_label')}>{t('panel_export')}</button>
          <label class="check" title={t('panel_secrets_title')}>
            <input type="checkbox" checked={store.exportSecrets.value} aria-label={t('panel_secrets_label')}
              onChange={(e) => { store.exportSecrets.value = e.currentTarget.checked; }} />
            {t('panel_secrets')}
          </label>
        </>
      )}
      {io.popOut && <button type="button" class="btn" onClick={io.popOut} aria-label={t('panel_pop_out_label')}>{t('panel_pop_out')}</button>}
      <LanguagePicker />
    </div>
  );
}

export function CountsBar({ store }: { store: PanelStore }) {
  const counts = store.counts.value;
  const shown = store.shown.value;
  const conn = store.connection.value;
  const summary = store.summary.value;
  return (
    <div class="counts" aria-label={t('panel_counts')} role="status">
      <span class="muted">{t('panel_shown', { count: shown })}</span>
      {PANEL_VERDICT_ORDER.filter((k) => counts[k] > 0).map((k) => <VerdictChip key={k} kind={k} count={counts[k]} />)}
      {summary && summary.dropped > 0 && <span class="warn">{t('panel_dropped', { count: summary.dropped })}</span>}
      {summary && (summary.interrupted ?? 0) > 0 && (
        <span class="warn" title={t('panel_interrupted_title')}>
          {t('panel_interrupted', { count: summary.interrupted ?? 0 })}
        </span>
      )}
      <span class="spacer" />
      <span class={`conn conn-${conn.state}`}>
        {conn.state === 'live' ? t(store.settings.value?.paused ? 'panel_conn_paused' : 'panel_conn_live')
          : conn.state === 'connecting' ? t('panel_conn_connecting')
          : conn.state === 'reconnecting' ? t('panel_conn_reconnecting', { attempt: conn.attempt })
          : say(conn.message)}
      </span>
    </div>
  );
}
