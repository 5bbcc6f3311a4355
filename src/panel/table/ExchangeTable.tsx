import type { TargetedMouseEvent } from 'preact';
import { verdictChip } from '../../ui/VerdictChip';
import type { Column } from '../../ui/VirtualTable';
import { VirtualTable } from '../../ui/VirtualTable';
import type { SortColumn, TableLine } from './rows';
import { preflightKey, splitUrl } from './rows';
import type { PanelStore } from '../store';
import { formatClock } from '../details/timeline-steps';
import { SeverityBadge, severityLabel } from '../../ui/SeverityBadge';
import { t } from '../../ui/i18n';
import { say } from '../text';

const OPTIONS = 'OPTIONS';

const stop = (fn: () => void) => (e: TargetedMouseEvent<HTMLButtonElement>) => { e.stopPropagation(); fn(); };

export function ExchangeTable({ store, onOpen }: { store: PanelStore; onOpen: (key: string) => void }) {
  const lines = store.visible.value;
  const { worst, byExchange } = store.findingIndex.value;
  const jumpTo = (key: string) => {
    store.activeKey.value = key;
    onOpen(key);
  };

  const columns: Column<TableLine>[] = [
    {
      id: 'time', label: t('panel_col_time'), width: '8.5em', sortable: true,
      cell: (d) => formatClock(d.type === 'preflight' ? d.row.data.preflights[d.index]!.start : d.row.start),
    },
    {
      id: 'method', label: t('panel_col_method'), width: '6.5em', sortable: true,
      cell: (d) => (d.type === 'preflight' ? <span class="sub">↳ {OPTIONS}</span> : d.row.method),
    },
    {
      id: 'url', label: t('panel_col_url'), width: '12em', grow: 3, sortable: true,
      cell: (d) => {
        const url = d.type === 'preflight' ? d.row.data.preflights[d.index]!.url : d.row.data.url;
        const { origin, path } = splitUrl(url);
        // The path is bare text: an element of its own (it had no style) was one more box to lay out in every row.
        return <span title={url}><span class="url-origin">{origin}</span>{path}</span>;
      },
    },
    {
      id: 'status', label: t('panel_col_status'), width: '5em', sortable: true,
      cell: (d) => {
        if (d.type === 'request') {
          return d.row.statusTitle ? <span class="muted" title={say(d.row.statusTitle)}>{say(d.row.statusText)}</span> : say(d.row.statusText);
        }
        const p = d.row.data.preflights[d.index]!;
        return p.status !== null ? String(p.status) : t(p.failed ? 'panel_status_failed' : 'panel_status_pending');
      },
    },
    {
      id: 'verdict', label: t('panel_col_verdict'), width: '9em', sortable: true,
      cell: (d) => (d.type === 'request' ? verdictChip(d.row.kind) : <span class="chip chip-preflight" title={t('panel_chip_preflight')}>{t('panel_chip_preflight')}</span>),
    },
    {
      id: 'findings', label: t('panel_col_findings'), width: '7.5em',
      cell: (d) => {
        const w = d.type === 'request' ? worst.get(d.row.id) : undefined;
        if (w === undefined) return null;
        const n = byExchange.get(d.row.id)?.length ?? 0;
        const words = t('panel_finding_mark', { count: n, severity: severityLabel(w).toLowerCase() });
        return (
          <span class="finding-mark" data-testid="finding-mark" title={words}>
            <SeverityBadge severity={w} count={n > 1 ? n : undefined} />
            <span class="sr-only">: {words}</span>
          </span>
        );
      },
    },
    {
      id: 'reason', label: t('panel_col_reason'), width: '10em', grow: 2, sortable: true,
      cell: (d) => {
        const x = d.row.data;
        if (d.type === 'preflight') {
          return (
            <span>
              <button type="button" class="link" onClick={stop(() => jumpTo(d.row.id))}
                aria-label={t('panel_to_request_label', { method: x.method })}>{t('panel_to_request', { method: x.method })}</button>
            </span>
          );
        }
        const reason = say(d.row.reason);
        return (
          <span title={reason}>
            {x.preflights.length > 0 && (
              <button type="button" class="link" onClick={stop(() => jumpTo(preflightKey(d.row.id, 0)))}
                aria-label={t('panel_to_preflight_label')}>{t('panel_to_preflight')}</button>
            )}
            {reason}
          </span>
        );
      },
    },
  ];

  return (
    <VirtualTable<TableLine>
      label={t('panel_table')}
      rows={lines}
      columns={columns}
      rowKey={(d) => d.key}
      rowClass={(d) => (d.type === 'preflight' ? `row-preflight kind-${d.row.kind}` : `kind-${d.row.kind}`)}
      activeIndex={store.activeIndex.value}
      openKey={store.openKey.value}
      sort={store.sort.value}
      onSort={(col) => {
        const cur = store.sort.value;
        store.sort.value = { column: col as SortColumn, dir: cur.column === col && cur.dir === 'asc' ? 'desc' : 'asc' };
      }}
      onActive={(i) => { store.activeKey.value = lines[i]?.key ?? null; }}
      onOpen={(i) => { const line = lines[i]; if (line) { store.activeKey.value = line.key; onOpen(line.key); } }}
      empty={<EmptyState store={store} />}
    />
  );
}

function EmptyState({ store }: { store: PanelStore }) {
  const total = store.rows.value.length;
  if (total === 0) {
    if (store.settings.value?.paused) return <p>{t('panel_empty_paused')}</p>;
    return <p>{t('panel_empty_none')}</p>;
  }
  return <p>{t('panel_empty_filtered', { count: total })}</p>;
}
