/**
 * Security: the findings that rest on this exchange, each in the finding's own words (title, summary, why,
 * fix and pages to read come from its module in src/core/findings), with the evidence: which header, the
 * value received (untrusted: always text, long values through LongText) and on which exchanges it was seen.
 */
import type { Finding, FindingEvidence } from '../../core/findings/types';
import type { StepRef } from '../../core/model/verdict';
import { LongText } from '../../ui/LongText';
import { SeverityBadge } from '../../ui/SeverityBadge';

/** Values in the evidence are bounded by the core already; this keeps a pathological one short inline too. */
const VALUE_PREVIEW = 300;

function stepWords(step: StepRef | undefined): string {
  if (!step || typeof step !== 'object') return '';
  if (step.kind === 'preflight') return `preflight response${step.index > 0 ? ` ${step.index + 1}` : ''}`;
  if (step.kind === 'redirect') return `redirect hop ${step.index + 1}`;
  return 'response';
}

/** An exchange named for the reader: its method and URL when the panel has it, else its id. */
export type DescribeExchange = (id: string) => string | null;

function ExchangeRef({ id, current, describe, onJump }: { id: string; current: string; describe: DescribeExchange; onJump: (key: string) => void }) {
  if (id === current) return <span>this request</span>;
  const words = describe(id);
  if (words === null) return <span class="muted">exchange {id} (not in this log)</span>;
  return <button type="button" class="link wrap" onClick={() => onJump(id)} aria-label={`Go to ${words}`}>{words}</button>;
}

function EvidenceLine({ ev, current, describe, onJump }: { ev: FindingEvidence; current: string; describe: DescribeExchange; onJump: (key: string) => void }) {
  const header = String(ev.header ?? '');
  return (
    <li class="finding-evidence">
      <strong class="mono">{header}</strong>
      {': '}
      {ev.value === null || ev.value === undefined ? <em>not sent</em>
        : <LongText value={String(ev.value)} code limit={VALUE_PREVIEW} name={`${header} value`} />}
      <span class="muted"> in the {stepWords(ev.step)} of </span>
      <ExchangeRef id={String(ev.exchangeId)} current={current} describe={describe} onJump={onJump} />
      {ev.note ? <span class="muted"> — <LongText value={String(ev.note)} name="note" /></span> : null}
    </li>
  );
}

function FindingItem({ f, current, describe, onJump }: { f: Finding; current: string; describe: DescribeExchange; onJump: (key: string) => void }) {
  const others = f.exchangeIds.length - 1;
  return (
    <li class={`finding sev-border-${f.severity}`} data-finding={f.id}>
      <h4 class="finding-title">
        <SeverityBadge severity={f.severity} /> <span>{String(f.title)}</span>
        <span class="code-tag">{f.id}</span>
      </h4>
      <p data-testid="finding-summary"><LongText value={String(f.summary)} name="summary" /></p>
      <p class="finding-endpoint muted">Endpoint: <span class="mono wrap">{String(f.endpoint)}</span>
        {others > 0 && <> — seen on this request and {others} other{others === 1 ? '' : 's'}</>}</p>
      {f.evidence.length > 0 && (
        <>
          <p class="finding-label">Evidence</p>
          <ul class="finding-evidence-list">
            {f.evidence.map((ev, i) => <EvidenceLine key={i} ev={ev} current={current} describe={describe} onJump={onJump} />)}
          </ul>
          {f.exchangeIds.length > f.evidence.length && (
            <p class="muted small">Evidence shown for {f.evidence.length} of {f.exchangeIds.length} exchanges.</p>
          )}
        </>
      )}
      <p><span class="finding-label">Why it matters: </span><LongText value={String(f.why)} name="why it matters" /></p>
      <p><span class="finding-label">Fix: </span><LongText value={String(f.fix)} name="fix" /></p>
      {f.learnMore.length > 0 && (
        <p class="finding-links">
          <span class="finding-label">Learn more: </span>
          {f.learnMore.filter((l) => typeof l?.url === 'string' && /^https:\/\//.test(l.url)).map((l, i) => (
            <span key={i}>{i > 0 && ' · '}<a href={l.url} target="_blank" rel="noopener noreferrer">{String(l.title)}</a></span>
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
      <h3 id="sec-h">Security ({findings.length} finding{findings.length === 1 ? '' : 's'})</h3>
      <ul class="finding-list">
        {findings.map((f, i) => <FindingItem key={`${f.id}-${i}`} f={f} current={exchangeId} describe={describe} onJump={onJump} />)}
      </ul>
    </section>
  );
}
