/** THE FIX: the server configuration generated from this exchange, per stack, with copy buttons. */
import { useMemo, useState } from 'preact/hooks';
import { curlFor } from '../../core/report/curl';
import { fixesFor, suggestedStack } from '../../core/fix';
import type { FixOptions, FixSet, FixSpec } from '../../core/fix';
import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { CopyButton } from '../../ui/CopyButton';
import { rememberedStack, rememberStack } from './stack-choice';

type Answer = 'yes' | 'no' | 'unsure';
const ANSWERS: readonly [Answer, string][] = [['yes', 'Yes'], ['no', 'No'], ['unsure', 'Not sure']];
const OPTION: Record<Answer, FixOptions['credentials']> = { yes: true, no: false, unsure: 'unsure' };

/** The answer pre-set from what the capture shows. */
const presetOf = (spec: FixSpec): Answer => (spec.credentialsCaptured === true ? 'yes' : spec.credentialsCaptured === false ? 'no' : 'unsure');

/** What the answer rests on, in words. */
function basisWords(spec: FixSpec): string {
  const seen = spec.credentialsEvidence;
  switch (spec.credentialsBasis) {
    case 'seen-cookie':
    case 'seen-no-credentials':
      return `Pre-set from the capture: ${seen}.`;
    case 'inferred':
      return `Pre-set from the capture, by inference: ${seen}.`;
    case 'user':
      return `Your answer. The capture: ${seen}.`;
    case 'unknown-either-way':
      return spec.credentialsCaptured === null
        ? `Not known from the capture: ${seen}. The fix below works either way.`
        : `The fix below works either way. The capture: ${seen}.`;
  }
}

function CredentialsQuestion({ fix, answer, onAnswer }: { fix: FixSet; answer: Answer; onAnswer: (a: Answer) => void }) {
  return (
    <fieldset class="fix-credentials" data-testid="fix-credentials">
      <legend>Does this request send cookies or HTTP authentication?</legend>
      {ANSWERS.map(([value, label]) => (
        <label key={value}>
          <input type="radio" name="fx-credentials" value={value} checked={answer === value} onChange={() => onAnswer(value)} />
          {' '}{label}{' '}
        </label>
      ))}
      <p class="muted" data-testid="fix-credentials-basis">
        {basisWords(fix.spec)} (fetch with credentials: "include", or XMLHttpRequest withCredentials, sends them; an Authorization
        header set by the page's code is a request header, not this.)
      </p>
    </fieldset>
  );
}

const TITLE: Record<FixSet['status'], string> = {
  'server-fix': 'The fix',
  'nothing-to-fix': 'Server configuration (keeps it working)',
  'no-header-fix': 'The fix',
  unknown: 'The fix',
  'network-failure': 'What to check',
};

export function FixSection({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const captured = useMemo(() => fixesFor(exchange, verdict), [exchange, verdict]);
  // The user's answer belongs to the exchange it was given for.
  const [chosen, setChosen] = useState<{ id: string; answer: Answer } | null>(null);
  const answer = chosen?.id === exchange.id ? chosen.answer : null;
  const fix = useMemo(
    () => (answer === null ? captured : fixesFor(exchange, verdict, { credentials: OPTION[answer] })),
    [captured, answer, exchange, verdict],
  );
  const suggested = useMemo(() => suggestedStack(exchange), [exchange]);
  const initial = suggested ?? rememberedStack() ?? fix.snippets[0]?.stack;
  const [stack, setStack] = useState(initial);
  const snippet = fix.snippets.find((s) => s.stack === stack) ?? fix.snippets[0];
  const hasPreflight = verdict.preflight.required || exchange.preflights.length > 0;
  if (verdict.kind === 'same-origin' || verdict.kind === 'no-cors') return null;

  return (
    <section aria-labelledby="fx-h" class="fix">
      <h3 id="fx-h">{TITLE[fix.status]}</h3>
      <p data-testid="fix-summary">{fix.summary}</p>
      {fix.steps.length > 0 && (
        <CredentialsQuestion fix={fix} answer={answer ?? presetOf(captured.spec)}
          onAnswer={(a) => setChosen({ id: exchange.id, answer: a })} />
      )}
      {fix.notes.length > 0 && (
        <ul class="fix-notes" data-testid="fix-notes">{fix.notes.map((n, i) => <li key={i} class={`note-${n.level}`}>{n.text}</li>)}</ul>
      )}
      {fix.steps.length > 0 && (
        <div class="fix-steps">
          {fix.steps.map((s, i) => (
            <div key={i} class="fix-step">
              <p><strong>{s.step === 'preflight' ? 'Preflight (OPTIONS) response' : s.step === 'redirect' ? 'Redirect response' : 'Response'}</strong>
                {' '}<span class="muted">{s.url}</span></p>
              {s.status && <p class="muted">Status: {s.status}</p>}
              <table class="headers">
                <caption class="sr-only">Headers the server must send</caption>
                <tbody>
                  {s.headers.map((h, j) => (
                    <tr key={j}><th scope="row">{h.name}</th><td><code>{h.value}</code> <span class="muted">— {h.why}</span></td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
      {snippet && (
        <div class="snippet">
          <div class="snippet-bar">
            <label>
              Server{' '}
              <select aria-label="Server stack" value={snippet.stack}
                onChange={(e) => { const v = e.currentTarget.value as typeof snippet.stack; setStack(v); rememberStack(v); }}>
                {fix.snippets.map((s) => (
                  <option key={s.stack} value={s.stack}>{s.label}{s.stack === suggested ? ' (detected)' : ''}</option>
                ))}
              </select>
            </label>
            <CopyButton text={() => snippet.code} label="Copy" title={`Copy the ${snippet.label} configuration`} />
          </div>
          <pre class="code" data-testid="fix-code" data-stack={snippet.stack}><code>{snippet.code}</code></pre>
          {snippet.notes.length > 0 && <ul class="fix-notes">{snippet.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
        </div>
      )}
      <div class="curl-bar">
        {hasPreflight && (
          <CopyButton text={() => curlFor(exchange, 'preflight')} label="Copy preflight as curl"
            title="Copy the preflight as a curl command" />
        )}
        <CopyButton text={() => curlFor(exchange, 'request')} label="Copy request as curl"
          title="Copy the request as a curl command" />
      </div>
    </section>
  );
}
