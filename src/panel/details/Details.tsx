import type { ExchangeEntry } from '../../shared/protocol';
import { LongText } from '../../ui/LongText';
import { VerdictChip } from '../../ui/VerdictChip';
import { ConsoleText } from './ConsoleText';
import { Evidence } from './Evidence';
import { FixSection } from './FixSection';
import { StepHeaders } from './StepHeaders';
import { Timeline } from './Timeline';
import { TryFix } from './TryFix';
import type { Finding } from '../../core/findings/types';
import type { DescribeExchange } from './SecuritySection';
import { SecuritySection } from './SecuritySection';
import { t } from '../../ui/i18n';
import { say } from '../text';

const NONE: readonly Finding[] = [];
const UNKNOWN: DescribeExchange = () => null;

export function Details({ entry, preflightIndex, onClose, onJump, findings = NONE, describe = UNKNOWN }: {
  /** The exchange's full entry (fetched when it was opened: see OpenDetails). */
  entry: ExchangeEntry;
  preflightIndex: number | null;
  onClose: () => void;
  onJump: (key: string) => void;
  /** The findings that rest on this exchange (from the store's index). */
  findings?: readonly Finding[];
  /** Names another exchange of the log (for the evidence of a finding). */
  describe?: DescribeExchange;
}) {
  const { exchange: x, verdict: v } = entry;
  return (
    <aside class="details" aria-label={t('panel_details')}>
      <header class="details-head">
        <VerdictChip kind={v.kind} />
        <h2 class="headline" data-testid="headline"><LongText value={say(v.headline)} name={t('panel_name_headline')} /></h2>
        <button type="button" class="btn close" onClick={onClose} aria-label={t('panel_details_close')}>✕</button>
      </header>
      <p class="details-url"><strong>{x.method}</strong> <span class="wrap">{x.url}</span></p>
      {preflightIndex !== null && (
        <p class="muted">
          {t('panel_details_for_preflight')}{' '}
          <button type="button" class="link" onClick={() => onJump(x.id)}>{t('panel_details_to_request')}</button>
        </p>
      )}
      {preflightIndex === null && x.preflights.length > 0 && (
        <p class="muted">
          {x.preflights.map((_, i) => (
            <button key={i} type="button" class="link" onClick={() => onJump(`${x.id}#preflight-${i}`)}>
              {x.preflights.length > 1 ? t('panel_details_to_preflight_n', { n: i + 1 }) : t('panel_details_to_preflight')}
            </button>
          ))}
        </p>
      )}
      <Evidence exchange={x} verdict={v} />
      <SecuritySection findings={findings} exchangeId={x.id} describe={describe} onJump={onJump} />
      <FixSection exchange={x} verdict={v} />
      <TryFix exchange={x} verdict={v} />
      <ConsoleText exchange={x} verdict={v} />
      {v.preflight.required && (
        <section aria-labelledby="pf-h">
          <h3 id="pf-h">{t('panel_pf_why')}</h3>
          <ul>{v.preflight.why.map((w, i) => <li key={i}>{say(w.text)}</li>)}</ul>
          {v.preflight.cached && <p>{t('panel_pf_cached')}</p>}
        </section>
      )}
      {!v.preflight.required && (v.kind === 'simple' || v.kind === 'blocked') && (
        <section aria-labelledby="pf-h"><h3 id="pf-h">{t('panel_pf_title')}</h3><p>{t('panel_pf_not_needed')}</p></section>
      )}
      <section aria-labelledby="cr-h">
        <h3 id="cr-h">{t('panel_cred_title')}</h3>
        <p><strong>{t(CREDENTIALS[v.credentials.mode] ?? 'panel_cred_unknown')}</strong> — {say(v.credentials.basis)}</p>
      </section>
      {v.notes.length > 0 && (
        <section aria-labelledby="nt-h"><h3 id="nt-h">{t('panel_notes')}</h3><ul>{v.notes.map((n, i) => <li key={i}>{say(n)}</li>)}</ul></section>
      )}
      <Timeline exchange={x} verdict={v} focus={preflightIndex} />
      <StepHeaders exchange={x} verdict={v} />
    </aside>
  );
}

/** The credentials mode, in words: `panel_cred_<mode>`. */
const CREDENTIALS: Record<ExchangeEntry['verdict']['credentials']['mode'], string> = {
  include: 'panel_cred_include',
  'inferred-include': 'panel_cred_inferred',
  omit: 'panel_cred_omit',
  unknown: 'panel_cred_unknown',
};
