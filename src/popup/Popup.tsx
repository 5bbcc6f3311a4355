/** The popup: what happened to the tab's cross-origin requests, at a glance. */
import { parseUrl } from '../core/http/url';
import { t, tm, tParts } from '../ui/i18n';
import { LanguagePicker } from '../ui/LanguagePicker';
import { BlockedGroups } from './BlockedGroups';
import { CaptureScope } from './CaptureScope';
import { Actions } from './Actions';
import { EmptyState } from './EmptyState';
import { Findings } from './Findings';
import { PreflightCost } from './PreflightCost';
import type { PopupStore } from './store';
import { VerdictBars } from './VerdictBars';

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  return parseUrl(url)?.host || url;
}

export function Popup({ store }: { store: PopupStore }) {
  const s = store.summary.value;
  const status = store.status.value;
  const notice = store.notice.value;
  const paused = store.settings.value?.paused ?? false;
  const host = hostOf(s?.page?.url);
  const newest = store.newest.value;
  return (
    <main class="popup" aria-busy={status === 'loading'}>
      <header class="popup-head">
        <h1 class="popup-title">{t('extName')}</h1>
        {host && <span class="muted wrap popup-host" title={s?.page?.url}>{host}</span>}
        {paused && <span class="chip chip-paused">{t('popup_paused')}</span>}
        <span class="spacer" />
        <LanguagePicker />
      </header>

      {status === 'loading' && <p role="status" class="muted">{t('popup_loading')}</p>}

      {status === 'ready' && <CaptureScope store={store} />}

      {status === 'ready' && s && s.total === 0 && s.capture?.why !== 'off' && <EmptyState paused={paused} />}

      {status === 'ready' && s && s.total > 0 && (
        <>
          <VerdictBars counts={s.counts} total={s.total} />
          {newest && (
            <p class="newest" data-testid="newest"><strong>{t('popup_newest')}</strong> {tm(newest)}</p>
          )}
          {(s.interrupted ?? 0) > 0 && (
            <p class="warn small" data-testid="interrupted">{t('popup_interrupted', { count: s.interrupted! })}</p>
          )}
          {s.dropped > 0 && (
            <p class="warn small" data-testid="dropped">{t('popup_dropped', { count: s.dropped })}</p>
          )}
          <BlockedGroups groups={store.groups.value} blocked={s.counts.blocked} partial={store.partial.value} />
          <Findings summary={s.findings} />
          <PreflightCost cost={s.cost} />
        </>
      )}

      {notice && (
        <p role={notice.tone === 'error' ? 'alert' : 'status'} class={`notice notice-${notice.tone}`} data-testid="notice">{tm(notice.msg)}</p>
      )}

      <Actions store={store} />

      <footer class="panel-hint small">
        <p>{tParts('popup_hint', {}, { tab: <strong>CORS</strong> })}</p>
        <button type="button" class="link" disabled={store.tabId === null} onClick={() => void store.openPanel()}>{t('popup_open_panel')}</button>
      </footer>
    </main>
  );
}
