/**
 * The details of the open row: its full entry is fetched when it is opened (the panel holds compact rows),
 * and again when the row changes (a new version of the exchange). Meanwhile the details say they are
 * loading (or keep showing the previous version of the same exchange); an exchange that is gone (cleared,
 * dropped) or a request that fails is said in words.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentProps } from 'preact';
import type { ExchangeEntry } from '../../shared/protocol';
import type { Row } from '../table/rows';
import type { EntrySource } from '../../shared/entry-source';
import { Details } from './Details';
import { t } from '../../ui/i18n';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; entry: ExchangeEntry }
  | { state: 'gone' }
  | { state: 'failed'; error: string };

type Props = Omit<ComponentProps<typeof Details>, 'entry'> & { row: Row; source: EntrySource };

export function OpenDetails({ row, source, ...rest }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    source.one(row.id).then(
      (entry) => { if (current) setLoaded(entry ? { state: 'ready', entry } : { state: 'gone' }); },
      (err: unknown) => { if (current) setLoaded({ state: 'failed', error: err instanceof Error ? err.message : String(err) }); },
    );
    return () => { current = false; };
  }, [row, source]);

  // A newer version of the same exchange is on its way: keep the one shown until it arrives.
  if (loaded.state === 'ready' && loaded.entry.exchange.id === row.id) return <Details entry={loaded.entry} {...rest} />;
  const words = loaded.state === 'gone' ? t('panel_details_gone')
    : loaded.state === 'failed' ? t('panel_details_failed', { error: loaded.error })
    : t('panel_details_loading');
  return (
    <aside class="details" aria-label={t('panel_details')} aria-busy={loaded.state === 'loading'}>
      <header class="details-head">
        <h2 class="headline">{row.method} {row.data.url}</h2>
        <button type="button" class="btn close" onClick={rest.onClose} aria-label={t('panel_details_close')}>✕</button>
      </header>
      <p class="muted" role={loaded.state === 'loading' ? 'status' : 'alert'} data-testid="details-state">{words}</p>
    </aside>
  );
}
