/** THE FIX: the server configuration generated from this exchange, per stack, with copy buttons. */
import { useMemo, useState } from 'preact/hooks';
import { curlFor } from '../../core/report/curl';
import { fixesFor, suggestedStack } from '../../core/fix';
import type { FixOptions, FixSet, FixSpec } from '../../core/fix';
import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { CopyButton } from '../../ui/CopyButton';
import { rememberedStack, rememberStack } from './stack-choice';
import { m, type Msg } from '../../core';
import { t, words } from '../../ui/i18n';
import { say } from '../text';

type Answer = 'yes' | 'no' | 'unsure';
const ANSWERS: readonly Answer[] = ['yes', 'no', 'unsure'];
const OPTION: Record<Answer, FixOptions['credentials']> = { yes: true, no: false, unsure: 'unsure' };

/** The answer pre-set from what the capture shows. */
const presetOf = (spec: FixSpec): Answer => (spec.credentialsCaptured === true ? 'yes' : spec.credentialsCaptured === false ? 'no' : 'unsure');

/** What the answer rests on, in words. */
function basisWords(spec: FixSpec): Msg {
  const seen = spec.credentialsEvidence;
  switch (spec.credentialsBasis) {
    case 'seen-cookie':
    case 'seen-no-credentials':
      return m('panel_fix_basis_seen', { seen });
    case 'inferred':
      return m('panel_fix_basis_inferred', { seen });
    case 'user':
      return m('panel_fix_basis_user', { seen });
    case 'unknown-either-way':
      return m(spec.credentialsCaptured === null ? 'panel_fix_basis_unknown' : 'panel_fix_basis_either', { seen });
  }
}

function CredentialsQuestion({ fix, answer, onAnswer }: { fix: FixSet; answer: Answer; onAnswer: (a: Answer) => void }) {
  return (
    <fieldset class="fix-credentials" data-testid="fix-credentials">
      <legend>{t('panel_fix_cred_question')}</legend>
      {ANSWERS.map((value) => (
        <label key={value}>
          <input type="radio" name="fx-credentials" value={value} checked={answer === value} onChange={() => onAnswer(value)} />
          {' '}{t(`panel_fix_answer_${value}`)}{' '}
        </label>
      ))}
      <p class="muted" data-testid="fix-credentials-basis">
        {say(basisWords(fix.spec))} {t('panel_fix_cred_hint')}
      </p>
    </fieldset>
  );
}

/** The section's title per fix status (message ids). */
const TITLE: Record<FixSet['status'], string> = {
  'server-fix': 'panel_fix_title',
  'nothing-to-fix': 'panel_fix_title_keep',
  'no-header-fix': 'panel_fix_title',
  unknown: 'panel_fix_title',
  'network-failure': 'panel_fix_title_check',
};

/** A fix step's title (message ids). */
const STEP_TITLE = { preflight: 'panel_step_preflight_response', redirect: 'panel_step_redirect_response', response: 'panel_step_response' } as const;

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
      <h3 id="fx-h">{t(TITLE[fix.status] ?? 'panel_fix_title')}</h3>
      <p data-testid="fix-summary">{say(fix.summary)}</p>
      {fix.steps.length > 0 && (
        <CredentialsQuestion fix={fix} answer={answer ?? presetOf(captured.spec)}
          onAnswer={(a) => setChosen({ id: exchange.id, answer: a })} />
      )}
      {fix.notes.length > 0 && (
        <ul class="fix-notes" data-testid="fix-notes">{fix.notes.map((n, i) => <li key={i} class={`note-${n.level}`}>{say(n.text)}</li>)}</ul>
      )}
      {fix.steps.length > 0 && (
        <div class="fix-steps">
          {fix.steps.map((s, i) => (
            <div key={i} class="fix-step">
              <p><strong>{t(STEP_TITLE[s.step] ?? 'panel_step_response')}</strong>
                {' '}<span class="muted">{s.url}</span></p>
              {s.status && <p class="muted">{t('panel_fix_status', { status: s.status })}</p>}
              <table class="headers">
                <caption class="sr-only">{t('panel_fix_headers_caption')}</caption>
                <tbody>
                  {s.headers.map((h, j) => (
                    <tr key={j}><th scope="row">{h.name}</th><td><code>{h.value}</code> <span class="muted">— {say(h.why)}</span></td></tr>
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
              {t('panel_fix_server')}{' '}
              <select aria-label={t('panel_fix_server_label')} value={snippet.stack}
                onChange={(e) => { const v = e.currentTarget.value as typeof snippet.stack; setStack(v); rememberStack(v); }}>
                {fix.snippets.map((s) => (
                  <option key={s.stack} value={s.stack}>{s.stack === suggested ? t('panel_fix_detected', { stack: s.label }) : s.label}</option>
                ))}
              </select>
            </label>
            <CopyButton text={() => snippet.code} label={t('panel_fix_copy')} title={t('panel_fix_copy_title', { stack: snippet.label })} />
          </div>
          <pre class="code" data-testid="fix-code" data-stack={snippet.stack}><code>{snippet.code}</code></pre>
          {snippet.notes.length > 0 && <ul class="fix-notes">{snippet.notes.map((n, i) => <li key={i}>{say(n)}</li>)}</ul>}
        </div>
      )}
      <div class="curl-bar">
        {hasPreflight && (
          <CopyButton text={() => curlFor(exchange, 'preflight', { words: words.value })} label={t('panel_fix_curl_preflight')}
            title={t('panel_fix_curl_preflight_title')} />
        )}
        <CopyButton text={() => curlFor(exchange, 'request', { words: words.value })} label={t('panel_fix_curl_request')}
          title={t('panel_fix_curl_request_title')} />
      </div>
    </section>
  );
}
