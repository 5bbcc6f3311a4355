import type { Row } from '../table/rows';
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

const NONE: readonly Finding[] = [];
const UNKNOWN: DescribeExchange = () => null;

export function Details({ row, preflightIndex, onClose, onJump, findings = NONE, describe = UNKNOWN }: {
  row: Row;
  preflightIndex: number | null;
  onClose: () => void;
  onJump: (key: string) => void;
  /** The findings that rest on this exchange (from the store's index). */
  findings?: readonly Finding[];
  /** Names another exchange of the log (for the evidence of a finding). */
  describe?: DescribeExchange;
}) {
  const { exchange: x, verdict: v } = row.entry;
  return (
    <aside class="details" aria-label="Details of the selected request">
      <header class="details-head">
        <VerdictChip kind={v.kind} />
        <h2 class="headline" data-testid="headline"><LongText value={v.headline} name="headline" /></h2>
        <button type="button" class="btn close" onClick={onClose} aria-label="Close details">✕</button>
      </header>
      <p class="details-url"><strong>{x.method}</strong> <span class="wrap">{x.url}</span></p>
      {preflightIndex !== null && (
        <p class="muted">
          Showing the request this preflight was sent for.{' '}
          <button type="button" class="link" onClick={() => onJump(row.id)}>Go to the request row</button>
        </p>
      )}
      {preflightIndex === null && x.preflights.length > 0 && (
        <p class="muted">
          {x.preflights.map((_, i) => (
            <button key={i} type="button" class="link" onClick={() => onJump(`${row.id}#preflight-${i}`)}>
              Go to its preflight{x.preflights.length > 1 ? ` ${i + 1}` : ''} row
            </button>
          ))}
        </p>
      )}
      <Evidence exchange={x} verdict={v} />
      <SecuritySection findings={findings} exchangeId={row.id} describe={describe} onJump={onJump} />
      <FixSection exchange={x} verdict={v} />
      <TryFix exchange={x} verdict={v} />
      <ConsoleText exchange={x} verdict={v} />
      {v.preflight.required && (
        <section aria-labelledby="pf-h">
          <h3 id="pf-h">Why a preflight was needed</h3>
          <ul>{v.preflight.why.map((w, i) => <li key={i}>{w.text}</li>)}</ul>
          {v.preflight.cached && <p>The browser reused a cached preflight result, so no OPTIONS request was sent this time.</p>}
        </section>
      )}
      {!v.preflight.required && (v.kind === 'simple' || v.kind === 'blocked') && (
        <section aria-labelledby="pf-h"><h3 id="pf-h">Preflight</h3><p>Not needed: the method and headers are all CORS-safelisted.</p></section>
      )}
      <section aria-labelledby="cr-h">
        <h3 id="cr-h">Credentials</h3>
        <p><strong>{credentialsWords(v.credentials.mode)}</strong> — {v.credentials.basis}</p>
      </section>
      {v.notes.length > 0 && (
        <section aria-labelledby="nt-h"><h3 id="nt-h">Notes</h3><ul>{v.notes.map((n, i) => <li key={i}>{n}</li>)}</ul></section>
      )}
      <Timeline exchange={x} verdict={v} focus={preflightIndex} />
      <StepHeaders exchange={x} verdict={v} />
    </aside>
  );
}

function credentialsWords(mode: Row['entry']['verdict']['credentials']['mode']): string {
  switch (mode) {
    case 'include': return 'Sent with credentials';
    case 'inferred-include': return 'Credentials inferred';
    case 'omit': return 'Without credentials';
    case 'unknown': return 'Credentials unknown';
  }
}
