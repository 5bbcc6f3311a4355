/** The popup: what happened to the tab's cross-origin requests, at a glance. */
import { parseUrl } from '../core/http/url';
import { BlockedGroups } from './BlockedGroups';
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
  return (
    <main class="popup" aria-busy={status === 'loading'}>
      <header class="popup-head">
        <h1 class="popup-title">CORS Lens</h1>
        {host && <span class="muted wrap" title={s?.page?.url}>{host}</span>}
        {paused && <span class="chip chip-paused">paused</span>}
      </header>

      {status === 'loading' && <p role="status" class="muted">Reading this tab's log…</p>}

      {status === 'ready' && s && s.total === 0 && <EmptyState paused={paused} />}

      {status === 'ready' && s && s.total > 0 && (
        <>
          <VerdictBars counts={s.counts} total={s.total} />
          {store.newest.value && (
            <p class="newest" data-testid="newest"><strong>Newest blocked:</strong> {store.newest.value}</p>
          )}
          {(s.interrupted ?? 0) > 0 && (
            <p class="warn small" data-testid="interrupted">
              {s.interrupted!.toLocaleString('en-US')} request{s.interrupted === 1 ? ' was' : 's were'} in flight when the browser restarted
              CORS Lens's worker: how {s.interrupted === 1 ? 'it' : 'they'} ended was not seen, so {s.interrupted === 1 ? 'it is' : 'they are'} judged
              from the headers seen, or marked Interrupted.
            </p>
          )}
          {s.dropped > 0 && (
            <p class="warn small" data-testid="dropped">
              {s.dropped.toLocaleString('en-US')} older request{s.dropped === 1 ? ' was' : 's were'} dropped to stay within the log limit.
            </p>
          )}
          <BlockedGroups groups={store.groups.value} blocked={s.counts.blocked} partial={store.partial.value} />
          <Findings summary={s.findings} />
          <PreflightCost cost={s.cost} />
        </>
      )}

      {notice && (
        <p role={notice.tone === 'error' ? 'alert' : 'status'} class={`notice notice-${notice.tone}`} data-testid="notice">{notice.text}</p>
      )}

      <Actions store={store} />

      <footer class="panel-hint small">
        <p>Every request with the full explanation and the server fix: open DevTools (F12) → <strong>CORS</strong> tab.</p>
        <button type="button" class="link" disabled={store.tabId === null} onClick={() => void store.openPanel()}>Open the panel in a tab</button>
      </footer>
    </main>
  );
}
