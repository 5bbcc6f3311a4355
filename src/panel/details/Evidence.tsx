import type { Exchange } from '../../core/model/exchange';
import type { Reason, Verdict } from '../../core/model/verdict';
import { charDiff } from '../../ui/char-diff';
import { DiffText } from '../../ui/DiffText';
import { LongText } from '../../ui/LongText';
import { t } from '../../ui/i18n';
import { say } from '../text';
import { neededValue, passedChecks } from './highlight';

/** Where the reason's header was, as "in the …" words. */
function inStep(r: Reason): string {
  if (r.step.kind === 'preflight') return t('panel_ev_in_preflight');
  if (r.step.kind === 'redirect') return t('panel_ev_in_redirect', { n: r.step.index + 1 });
  return t('panel_ev_in_response');
}

/** One reason: the header at fault in its step, what was received and what was needed (`ids` prefixes the test ids). */
export function ReasonEvidence({ reason, verdict, first, ids = '' }: { reason: Reason; verdict: Verdict; first: boolean; ids?: string }) {
  const needed = neededValue(reason, verdict);
  const received = reason.received;
  const diff = needed !== null && received !== null && received !== needed ? charDiff(received, needed) : null;
  const name = reason.header ?? t('panel_name_value');
  const expected = say(reason.expected);
  const receivedName = t('panel_name_received', { name });
  const neededName = t('panel_name_needed', { name });
  return (
    <li class="evidence" data-code={reason.code}>
      <p class="evidence-title">
        {first ? null : <span class="muted">{t('panel_ev_next')} </span>}
        <strong>{reason.header ?? reason.code}</strong>
        <span class="muted"> {inStep(reason)}</span>
        <span class="code-tag">{reason.code}</span>
      </p>
      <p><LongText value={say(reason.summary)} name={t('panel_name_summary')} /></p>
      <dl class="evidence-values">
        <dt>{t('panel_ev_received')}</dt>
        <dd data-testid={`${ids}received`}>
          {received === null ? <em>{t('panel_not_sent')}</em>
            : diff ? <DiffText parts={diff.received} side="received" full={received} name={receivedName} />
            : <LongText value={received} code name={receivedName} />}
        </dd>
        <dt>{t('panel_ev_needed')}</dt>
        <dd data-testid={`${ids}needed`}>
          {diff ? <DiffText parts={diff.needed} side="needed" full={needed!} name={neededName} />
            : needed !== null ? <LongText value={needed} code name={neededName} /> : null}
          {(needed === null || !expected.includes(needed)) && (
            <span class={needed !== null ? 'muted needed-words' : 'needed-words'}>
              <LongText value={needed !== null ? ` — ${expected}` : expected} name={t('panel_name_expected')} />
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
      <h3 id="ev-h">{t('panel_ev_allowed')}</h3>
      <table class="headers passed">
        <caption class="sr-only">{t('panel_ev_allowed_caption')}</caption>
        <thead><tr><th scope="col">{t('panel_ev_header')}</th><th scope="col">{t('panel_ev_received')}</th><th scope="col">{t('panel_ev_needed')}</th></tr></thead>
        <tbody>
          {checks.map((c, i) => (
            <tr key={i}>
              <th scope="row">{c.header} <span class="muted">({say(c.where)})</span></th>
              <td>{c.received === null ? <em>{t('panel_not_sent')}</em> : <LongText value={c.received} name={t('panel_name_received', { name: c.header })} />}</td>
              <td><LongText value={say(c.needed)} name={t('panel_name_needed', { name: c.header })} /></td>
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
      <h3 id="ev-h">{t('panel_ev_title')}</h3>
      <ul class="evidence-list">
        {verdict.reasons.map((r, i) => <ReasonEvidence key={i} reason={r} verdict={verdict} first={i === 0} />)}
      </ul>
    </section>
  );
}
