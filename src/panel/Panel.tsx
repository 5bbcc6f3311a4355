/** The CORS panel: toolbar, the table of exchanges, and the details of the open one. */
import { useEffect, useRef } from 'preact/hooks';
import type { PanelActions } from './actions';
import { OpenDetails } from './details/OpenDetails';
import { ExchangeTable } from './table/ExchangeTable';
import type { PanelStore } from './store';
import type { PanelIO } from './Toolbar';
import { CountsBar, Toolbar } from './Toolbar';
import { Guard } from '../ui/Guard';
import { CostView } from './findings/CostView';
import './panel.css';
import { t, words } from '../ui/i18n';
import { say } from './text';

interface PanelProps {
  store: PanelStore;
  /** Null when there is no live tab (e.g. only an imported HAR is shown). */
  actions: PanelActions | null;
  io?: PanelIO;
}

export function Panel({ store, actions, io = {} }: PanelProps) {
  const filterRef = useRef<HTMLInputElement>(null);
  const gridFocus = () => (document.querySelector('.vt') as HTMLElement | null)?.focus();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      if (e.key === '/') {
        e.preventDefault();
        filterRef.current?.focus();
        filterRef.current?.select();
      } else if (e.key === 'Escape' && store.openKey.value !== null) {
        // Outside the filter box, Escape closes the details and returns to the table.
        e.preventDefault();
        store.openKey.value = null;
        gridFocus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const rows = store.rows.value;
  const lang = words.value;
  // While the page is idle: the search text of new rows, and every column's sort order.
  useEffect(() => store.search.warm(rows, undefined, lang), [rows, lang]);
  useEffect(() => store.sorter.warm(rows, undefined, lang), [rows, lang]);

  const open = store.open.value;
  const imported = store.imported.value;
  const notice = store.notice.value;
  const view = store.view.value;
  const openKey = (key: string) => { store.openKey.value = key; };
  const describe = (id: string) => {
    const r = rows.find((x) => x.id === id);
    return r ? `${r.method} ${r.data.url}` : null;
  };
  const jump = (key: string) => {
    store.activeKey.value = key;
    store.openKey.value = key;
  };

  return (
    <div class={`panel${open && view === 'log' ? ' with-details' : ''}`}>
      <Toolbar store={store} actions={actions} io={io} filterRef={filterRef} />
      {imported && (
        <div class="banner banner-imported" role="status">
          <strong>{t('panel_imported')}</strong> {t('panel_imported_rows', { name: imported.name, count: imported.rows.length })}
          {imported.problems.length > 0 && <span> {t('panel_imported_problems', { count: imported.problems.length })}</span>}
          <button type="button" class="btn" onClick={() => { store.imported.value = null; store.openKey.value = null; store.activeKey.value = null; }}>
            {t(actions ? 'panel_imported_back' : 'panel_imported_close')}
          </button>
        </div>
      )}
      {notice && (
        <div class={`banner banner-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {say(notice.text)}
          <button type="button" class="btn" aria-label={t('panel_dismiss_label')} onClick={() => { store.notice.value = null; }}>{t('panel_dismiss')}</button>
        </div>
      )}
      <CountsBar store={store} />
      {view === 'cost' ? (
        <div class="main main-cost"><Guard what={t('panel_guard_cost')}><CostView store={store} /></Guard></div>
      ) : (
        <div class="main">
          <div class="list"><Guard what={t('panel_guard_list')}><ExchangeTable store={store} onOpen={openKey} /></Guard></div>
          {open && (
            <Guard key={open.row.id} what={t('panel_guard_details')}>
              <OpenDetails row={open.row} source={store.entries.value} preflightIndex={open.preflightIndex}
                findings={store.findingIndex.value.byExchange.get(open.row.id)} describe={describe}
                onClose={() => { store.openKey.value = null; gridFocus(); }} onJump={jump} />
            </Guard>
          )}
        </div>
      )}
    </div>
  );
}
