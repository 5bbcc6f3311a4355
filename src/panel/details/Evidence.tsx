import type { Exchange } from '../../core/model/exchange';
import type { Reason, Verdict } from '../../core/model/verdict';
import { charDiff } from '../../ui/char-diff';
import { DiffText } from '../../ui/DiffText';
import { LongText } from '../../ui/LongText';
import { neededValue, passedChecks } from './highlight';

function stepName(r: Reason): string {
  if (r.step.kind === 'preflight') return 'preflight response';
  if (r.step.kind === 'redirect') return `redirect hop ${r.step.index + 1}`;
  return 'response';
}

/** One reason: the header at fault in its step, what was received and what was needed (`ids` prefixes the test ids). */
export function ReasonEvidence({ reason, verdict, first, ids = '' }: { reason: Reason; verdict: Verdict; first: boolean; ids?: string }) {
  const needed = neededValue(reason, verdict);
  const received = reason.received;
  const diff = needed !== null && received !== null && received !== needed ? charDiff(received, needed) : null;
  const name = reason.header ?? 'value';
  return (
    <li class="evidence" data-code={reason.code}>
      <p class="evidence-title">
        {first ? null : <span class="muted">Would fail next: </span>}
        <strong>{reason.header ?? reason.code}</strong>
        <span class="muted"> in the {stepName(reason)}</span>
        <span class="code-tag">{reason.code}</span>
      </p>
      <p><LongText value={reason.summary} name="summary" /></p>
      <dl class="evidence-values">
        <dt>Received</dt>
        <dd data-testid={`${ids}received`}>
          {received === null ? <em>not sent</em>
            : diff ? <DiffText parts={diff.received} side="received" full={received} name={`received ${name}`} />
            : <LongText value={received} code name={`received ${name}`} />}
        </dd>
        <dt>Needed</dt>
        <dd data-testid={`${ids}needed`}>
          {diff ? <DiffText parts={diff.needed} side="needed" full={needed!} name={`needed ${name}`} />
            : needed !== null ? <LongText value={needed} code name={`needed ${name}`} /> : null}
          {(needed === null || !reason.expected.includes(needed)) && (
            <span class={needed !== null ? 'muted needed-words' : 'needed-words'}>
              <LongText value={needed !== null ? ` — ${reason.expected}` : reason.expected} name="expected value" />
            </span>
          )}
        </dd>
      </dl>
    </li>
  );
}

function PassedEvidence({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const checks = passedChecks(exchange, verdict);
  if (checks.length === 0) return null;
  return (
    <section aria-labelledby="ev-h">
      <h3 id="ev-h">Why the browser allowed it</h3>
      <table class="headers passed">
        <caption class="sr-only">Headers that allowed this request</caption>
        <thead><tr><th scope="col">Header</th><th scope="col">Received</th><th scope="col">Needed</th></tr></thead>
        <tbody>
          {checks.map((c, i) => (
            <tr key={i}>
              <th scope="row">{c.header} <span class="muted">({c.where})</span></th>
              <td>{c.received === null ? <em>not sent</em> : <LongText value={c.received} name={`received ${c.header}`} />}</td>
              <td><LongText value={c.needed} name={`needed ${c.header}`} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Evidence({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  if (verdict.reasons.length === 0) return <PassedEvidence exchange={exchange} verdict={verdict} />;
  return (
    <section aria-labelledby="ev-h">
      <h3 id="ev-h">Evidence</h3>
      <ul class="evidence-list">
        {verdict.reasons.map((r, i) => <ReasonEvidence key={i} reason={r} verdict={verdict} first={i === 0} />)}
      </ul>
    </section>
  );
}
