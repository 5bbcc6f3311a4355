import type { Ref } from 'preact';
import { VerdictChip } from '../ui/VerdictChip';
import { PANEL_VERDICT_ORDER } from '../ui/verdict-labels';
import type { PanelActions } from './actions';
import type { KindFilter } from './table/filter';
import type { PanelStore } from './store';
import { FindingsFilter } from './findings/FindingsFilter';

export interface PanelIO {
  /** Reads a HAR file and shows it classified (sets `store.imported`). */
  importHar?(file: File): Promise<void>;
  /** Saves the shown log as a HAR report. */
  exportReport?(): Promise<void> | void;
  /** Opens this panel in a tab of its own. */
  popOut?(): void;
}

const KINDS: { id: KindFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'blocked', label: 'Blocked' },
  { id: 'preflighted', label: 'Preflighted' },
  { id: 'simple', label: 'Simple' },
];

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
  return (
    <div class="toolbar" role="toolbar" aria-label="Filters and actions">
      <div class="seg" role="group" aria-label="Show">
        {KINDS.map((k) => (
          <button key={k.id} type="button" class="btn seg-btn" aria-pressed={store.kindFilter.value === k.id}
            onClick={() => { store.kindFilter.value = k.id; }}>{k.label}</button>
        ))}
      </div>
      <FindingsFilter store={store} />
      <button type="button" class="btn" aria-pressed={store.view.value === 'cost'}
        aria-label="Preflight cost per endpoint" title="How many preflights each endpoint cost this page, and what Access-Control-Max-Age would save"
        onClick={() => { store.view.value = store.view.value === 'cost' ? 'log' : 'cost'; }}>
        Preflight cost
      </button>
      <label class="check">
        <input type="checkbox" checked={store.showNonCors.value}
          onChange={(e) => { store.showNonCors.value = e.currentTarget.checked; }} />
        Non-CORS ({nonCors})
      </label>
      <input ref={filterRef} type="search" class="filter" placeholder="Filter  ( / )"
        aria-label="Filter by URL, header name or value, or reason" value={store.filterText.value}
        onInput={(e) => { store.filterText.value = e.currentTarget.value; }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') { e.preventDefault(); store.filterText.value = ''; }
        }} />
      <span class="spacer" />
      {actions && !importing && (
        <>
          <button type="button" class="btn" onClick={() => void actions.clear()} aria-label="Clear the log of this tab">Clear</button>
          <label class="check" title="Keep the log across navigations">
            <input type="checkbox" checked={settings?.keepLog ?? false} disabled={!settings}
              onChange={(e) => void actions.setSettings({ keepLog: e.currentTarget.checked })} />
            Keep log
          </label>
          <button type="button" class="btn" aria-pressed={settings?.paused ?? false} disabled={!settings}
            aria-label={settings?.paused ? 'Resume capture' : 'Pause capture'}
            onClick={() => void actions.setSettings({ paused: !(settings?.paused ?? false) })}>
            {settings?.paused ? 'Resume' : 'Pause'}
          </button>
        </>
      )}
      {io.importHar && (
        <label class="btn file-btn">
          Import HAR
          <input type="file" accept=".har,application/json,.json" class="sr-only" aria-label="Import a HAR file"
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
          <button type="button" class="btn" onClick={() => void io.exportReport!()} aria-label="Export a HAR report of this log">Export report</button>
          <label class="check" title="Cookie, Set-Cookie, Authorization and Proxy-Authorization values are redacted unless this is ticked">
            <input type="checkbox" checked={store.exportSecrets.value} aria-label="Include Cookie and Authorization values in the export"
              onChange={(e) => { store.exportSecrets.value = e.currentTarget.checked; }} />
            Include secrets
          </label>
        </>
      )}
      {io.popOut && <button type="button" class="btn" onClick={io.popOut} aria-label="Open this panel in a tab">Pop out</button>}
    </div>
  );
}

export function CountsBar({ store }: { store: PanelStore }) {
  const counts = store.counts.value;
  const shown = store.shown.value;
  const conn = store.connection.value;
  const summary = store.summary.value;
  return (
    <div class="counts" aria-label="Counts per verdict" role="status">
      <span class="muted">{shown} shown</span>
      {PANEL_VERDICT_ORDER.filter((k) => counts[k] > 0).map((k) => <VerdictChip key={k} kind={k} count={counts[k]} />)}
      {summary && summary.dropped > 0 && <span class="warn">{summary.dropped} older entries dropped (limit reached)</span>}
      {summary && (summary.interrupted ?? 0) > 0 && (
        <span class="warn" title="In flight when the browser restarted CORS Lens's worker: how they ended was not seen">
          {summary.interrupted} interrupted by a worker restart
        </span>
      )}
      <span class="spacer" />
      <span class={`conn conn-${conn.state}`}>
        {conn.state === 'live' ? (store.settings.value?.paused ? 'Paused' : 'Live')
          : conn.state === 'connecting' ? 'Connecting…'
          : conn.state === 'reconnecting' ? `Reconnecting (attempt ${conn.attempt})…`
          : conn.message}
      </span>
    </div>
  );
}
