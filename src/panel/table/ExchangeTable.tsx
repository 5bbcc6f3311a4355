import type { TargetedMouseEvent } from 'preact';
import { VerdictChip } from '../../ui/VerdictChip';
import type { Column } from '../../ui/VirtualTable';
import { VirtualTable } from '../../ui/VirtualTable';
import type { SortColumn, TableLine } from './rows';
import { preflightKey, splitUrl } from './rows';
import type { PanelStore } from '../store';
import { formatClock } from '../details/timeline-steps';
import { SeverityBadge, severityLabel } from '../../ui/SeverityBadge';

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
      id: 'time', label: 'Time', width: '8.5em', sortable: true,
      cell: (d) => formatClock(d.type === 'preflight' ? d.row.entry.exchange.preflights[d.index]!.start : d.row.start),
    },
    {
      id: 'method', label: 'Method', width: '6.5em', sortable: true,
      cell: (d) => (d.type === 'preflight' ? <span class="sub">↳ OPTIONS</span> : d.row.method),
    },
    {
      id: 'url', label: 'URL', width: 'minmax(12em, 3fr)', sortable: true,
      cell: (d) => {
        const url = d.type === 'preflight' ? d.row.entry.exchange.preflights[d.index]!.url : d.row.entry.exchange.url;
        const { origin, path } = splitUrl(url);
        return <span title={url}><span class="url-origin">{origin}</span><span class="url-path">{path}</span></span>;
      },
    },
    {
      id: 'status', label: 'Status', width: '5em', sortable: true,
      cell: (d) => {
        if (d.type === 'request') {
          return d.row.statusTitle ? <span class="muted" title={d.row.statusTitle}>{d.row.statusText}</span> : d.row.statusText;
        }
        const p = d.row.entry.exchange.preflights[d.index]!;
        return p.response ? String(p.response.status) : p.error ? '(failed)' : '(pending)';
      },
    },
    {
      id: 'verdict', label: 'Verdict', width: '9em', sortable: true,
      cell: (d) => (d.type === 'request' ? <VerdictChip kind={d.row.kind} /> : <span class="chip chip-preflight">Preflight</span>),
    },
    {
      id: 'findings', label: 'Findings', width: '7.5em',
      cell: (d) => {
        const w = d.type === 'request' ? worst.get(d.row.id) : undefined;
        if (w === undefined) return null;
        const n = byExchange.get(d.row.id)?.length ?? 0;
        const words = `${n} finding${n === 1 ? '' : 's'}, worst ${severityLabel(w).toLowerCase()}`;
        return (
          <span class="finding-mark" data-testid="finding-mark" title={words}>
            <SeverityBadge severity={w} count={n > 1 ? n : undefined} />
            <span class="sr-only">: {words}</span>
          </span>
        );
      },
    },
    {
      id: 'reason', label: 'Reason', width: 'minmax(10em, 2fr)', sortable: true,
      cell: (d) => {
        const x = d.row.entry.exchange;
        if (d.type === 'preflight') {
          return (
            <span>
              <button type="button" class="link" onClick={stop(() => jumpTo(d.row.id))}
                aria-label={`Go to the ${x.method} request this preflight was sent for`}>↑ for {x.method} request</button>
            </span>
          );
        }
        return (
          <span>
            {x.preflights.length > 0 && (
              <button type="button" class="link" onClick={stop(() => jumpTo(preflightKey(d.row.id, 0)))}
                aria-label="Go to the preflight of this request">↓ preflight</button>
            )}
            {d.row.reason}
          </span>
        );
      },
    },
  ];

  return (
    <VirtualTable<TableLine>
      label="Cross-origin requests"
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
    if (store.settings.value?.paused) return <p>Capture is paused. Resume it to record requests.</p>;
    return <p>No cross-origin requests recorded yet. Reload the page or use it: requests appear here as they happen.</p>;
  }
  return <p>{total} recorded, none match the filters.</p>;
}
