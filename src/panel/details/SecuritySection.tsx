/**
 * Security: the findings that rest on this exchange, each in the finding's own words (title, summary, why,
 * fix and pages to read come from its module in src/core/findings), with the evidence: which header, the
 * value received (untrusted: always text, long values through LongText) and on which exchanges it was seen.
 */
import type { Finding, FindingEvidence } from '../../core/findings/types';
import type { StepRef } from '../../core/model/verdict';
import { LongText } from '../../ui/LongText';
import { SeverityBadge } from '../../ui/SeverityBadge';
import { t } from '../../ui/i18n';
import { say } from '../text';
import { MdnLink } from './ConsoleText';

/** Values in the evidence are bounded by the core already; this keeps a pathological one short inline too. */
const VALUE_PREVIEW = 300;

/** "in the … of", before the exchange the evidence was seen on. */
function inStepOf(step: StepRef | undefined): string {
  if (!step || typeof step !== 'object') return t('panel_sec_in');
  if (step.kind === 'preflight') return step.index > 0 ? t('panel_sec_in_preflight_n', { n: step.index + 1 }) : t('panel_sec_in_preflight');
  if (step.kind === 'redirect') return t('panel_sec_in_redirect', { n: step.index + 1 });
  return t('panel_sec_in_response');
}

/** An exchange named for the reader: its method and URL when the panel has it, else its id. */
export type DescribeExchange = (id: string) => string | null;

function ExchangeRef({ id, current, describe, onJump }: { id: string; current: string; describe: DescribeExchange; onJump: (key: string) => void }) {
  if (id === current) return <span>{t('panel_sec_this_request')}</span>;
  const words = describe(id);
  if (words === null) return <span class="muted">{t('panel_sec_other_exchange', { id })}</span>;
  return <button type="button" class="link wrap" onClick={() => onJump(id)} aria-label={t('panel_sec_go_to', { what: words })}>{words}</button>;
}

function EvidenceLine({ ev, current, describe, onJump }: { ev: FindingEvidence; current: string; describe: DescribeExchange; onJump: (key: string) => void }) {
  const header = String(ev.header ?? '');
  return (
    <li class="finding-evidence">
      <strong class="mono">{header}</strong>
      {': '}
      {ev.value === null || ev.value === undefined ? <em>{t('panel_not_sent')}</em>
        : <LongText value={String(ev.value)} code limit={VALUE_PREVIEW} name={t('panel_name_header_value', { name: header })} />}
      <span class="muted"> {inStepOf(ev.step)} </span>
      <ExchangeRef id={String(ev.exchangeId)} current={current} describe={describe} onJump={onJump} />
      {ev.note ? <span class="muted"> — <LongText value={say(ev.note)} name={t('panel_name_note')} /></span> : null}
    </li>
  );
}

function FindingItem({ f, current, describe, onJump }: { f: Finding; current: string; describe: DescribeExchange; onJump: (key: string) => void }) {
  const others = f.exchangeIds.length - 1;
  return (
    <li class={`finding sev-border-${f.severity}`} data-finding={f.id}>
      <h4 class="finding-title">
        <SeverityBadge severity={f.severity} /> <span>{say(f.title)}</span>
        <span class="code-tag">{f.id}</span>
      </h4>
      <p data-testid="finding-summary"><LongText value={say(f.summary)} name={t('panel_name_summary')} /></p>
      <p class="finding-endpoint muted">{t('panel_sec_endpoint')} <span class="mono wrap">{String(f.endpoint)}</span>
        {others > 0 && <> — {t('panel_sec_seen_others', { count: others })}</>}</p>
      {f.evidence.length > 0 && (
        <>
          <p class="finding-label">{t('panel_ev_title')}</p>
          <ul class="finding-evidence-list">
            {f.evidence.map((ev, i) => <EvidenceLine key={i} ev={ev} current={current} describe={describe} onJump={onJump} />)}
          </ul>
          {f.exchangeIds.length > f.evidence.length && (
            <p class="muted small">{t('panel_sec_evidence_of', { shown: f.evidence.length, count: f.exchangeIds.length })}</p>
          )}
        </>
      )}
      <p><span class="finding-label">{t('panel_sec_why')} </span><LongText value={say(f.why)} name={t('panel_name_why')} /></p>
      <p><span class="finding-label">{t('panel_sec_fix')} </span><LongText value={say(f.fix)} name={t('panel_name_fix')} /></p>
      {f.learnMore.length > 0 && (
        <p class="finding-links">
          <span class="finding-label">{t('panel_sec_learn_more')} </span>
          {f.learnMore.filter((l) => typeof l?.url === 'string' && /^https:\/\//.test(l.url)).map((l, i) => (
            <span key={i}>{i > 0 && ' · '}<MdnLink url={l.url}>{say(l.title)}</MdnLink></span>
          ))}
        </p>
      )}
    </li>
  );
}

export function SecuritySection({ findings, exchangeId, describe, onJump }: {
  findings: readonly Finding[];
  exchangeId: string;
  describe: DescribeExchange;
  onJump: (key: string) => void;
}) {
  if (findings.length === 0) return null;
  return (
    <section aria-labelledby="sec-h" class="security">
      <h3 id="sec-h">{t('panel_sec_title', { count: findings.length })}</h3>
      <ul class="finding-list">
        {findings.map((f, i) => <FindingItem key={`${f.id}-${i}`} f={f} current={exchangeId} describe={describe} onJump={onJump} />)}
      </ul>
    </section>
  );
}
