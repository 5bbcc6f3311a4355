/**
 * What is captured: every tab, or only the tabs and sites turned on. When this tab is off it says so plainly
 * and offers to turn it on; the site's checkbox turns on every tab showing that site's pages.
 */
import type { CaptureMode, TabCapture } from '../shared/protocol';
import { CAPTURE_MODES } from '../shared/settings';
import { t } from '../ui/i18n';
import type { PopupStore } from './store';

function why(capture: TabCapture): string {
  if (capture.why === 'site') return t('scope_why_site', { site: capture.site ?? '' });
  return t(capture.why === 'off' ? 'scope_why_off' : 'scope_why_tab');
}

export function CaptureScope({ store }: { store: PopupStore }) {
  const mode = store.settings.value?.capture ?? 'everywhere';
  const capture = store.summary.value?.capture;
  const disabled = store.status.value !== 'ready' || store.busy.value !== null;
  const off = capture?.why === 'off';
  return (
    <section class={off ? 'scope scope-off' : 'scope'} aria-label={t('scope_title')} data-testid="scope">
      <label class="small">
        {t('scope_mode_label')}{' '}
        <select value={mode} disabled={disabled} onChange={(e) => void store.setCaptureMode(e.currentTarget.value as CaptureMode)}>
          {CAPTURE_MODES.map((k) => <option key={k} value={k}>{t(`scope_mode_${k}`)}</option>)}
        </select>
      </label>
      {mode === 'chosen' && capture && (
        <>
          <p class={off ? 'warn' : 'muted small'} data-testid="scope-why">{why(capture)}</p>
          {(off || capture.tab) && (
            <button type="button" class={off ? 'btn primary' : 'btn'} disabled={disabled}
              onClick={() => void store.setCapture({ tab: !capture.tab })}>
              {t(capture.tab ? 'scope_tab_off' : 'scope_tab_on')}
            </button>
          )}
          {capture.site !== null && (
            <label class="check small">
              <input type="checkbox" checked={capture.siteOn} disabled={disabled}
                onChange={(e) => void store.setCapture({ site: e.currentTarget.checked })} />
              {t('scope_site', { site: capture.site })}
            </label>
          )}
        </>
      )}
    </section>
  );
}
