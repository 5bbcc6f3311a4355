/**
 * The capture scope in the panel's toolbar: the mode, and in mode `chosen` whether the inspected tab (and its
 * site) is captured, with checkboxes to change it. Opening the panel turns its tab on: the first time this
 * panel sees the mode `chosen` (at open, or when the user switches to it here or in the popup).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaptureMode, TabCapture } from '../shared/protocol';
import { CAPTURE_MODES } from '../shared/settings';
import { t } from '../ui/i18n';
import type { PanelActions } from './actions';
import type { PanelStore } from './store';

export function CaptureToggle({ store, actions }: { store: PanelStore; actions: PanelActions }) {
  const settings = store.settings.value;
  const mode = settings?.capture ?? 'everywhere';
  const page = store.summary.value?.page?.url ?? null;
  const [capture, setCapture] = useState<TabCapture | null>(null);
  const turnedOn = useRef(false);
  const change = (c: { tab?: boolean; site?: boolean }) => void actions.setCapture(c).then((r) => { if (r) setCapture(r); });

  // Read again when the mode or the tab's page changes (a navigation can bring the tab to a site that is on).
  useEffect(() => {
    if (mode !== 'chosen') return;
    const first = !turnedOn.current;
    turnedOn.current = true;
    change(first ? { tab: true } : {});
  }, [mode, page]);

  return (
    <>
      <select class="scope-mode" aria-label={t('scope_mode_label')} title={t('scope_mode_label')} value={mode} disabled={!settings}
        onChange={(e) => void actions.setSettings({ capture: e.currentTarget.value as CaptureMode })}>
        {CAPTURE_MODES.map((k) => <option key={k} value={k}>{t(`scope_mode_${k}`)}</option>)}
      </select>
      {mode === 'chosen' && capture && (
        <>
          <label class="check" title={t('scope_panel_tab_title')}>
            <input type="checkbox" checked={capture.tab} onChange={(e) => change({ tab: e.currentTarget.checked })} />
            {t('scope_tab_on')}
          </label>
          {capture.site !== null && (
            <label class="check">
              <input type="checkbox" checked={capture.siteOn} onChange={(e) => change({ site: e.currentTarget.checked })} />
              {t('scope_site', { site: capture.site })}
            </label>
          )}
          {capture.why === 'off' && <span class="warn" role="status">{t('scope_why_off')}</span>}
        </>
      )}
    </>
  );
}
