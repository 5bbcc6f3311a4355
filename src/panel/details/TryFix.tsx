/**
 * TRY A FIX: edit the response headers of each step (starting from what was received or from the generated
 * fix) and see at once the verdict the same classifier gives, with the reason that would fail next. Nothing
 * is sent anywhere: it is the captured exchange with other headers (what-if.ts).
 */
import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { fixesFor } from '../../core/fix';
import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { LongText } from '../../ui/LongText';
import { VerdictChip } from '../../ui/VerdictChip';
import { ReasonEvidence } from './Evidence';
import { formatHeaders, parseHeaders, type LineProblem, type ParsedHeaders } from './header-text';
import { editedExchange, judgeWhatIf, whatIfSteps, type WhatIfResult, type WhatIfStep } from './what-if';
import { m, type Msg } from '../../core';
import { t } from '../../ui/i18n';
import { say } from '../text';

/** "a and b and c" (the steps without a response), in the page's language. */
const joined = (items: readonly Msg[]): string =>
  say(items.slice(1).reduce<Msg>((acc, x) => m('panel_tf_and', { a: acc, b: x }), items[0] ?? m('panel_tf_step_response')));

type Source = 'received' | 'fix';

/** The editors' text per step, and the long values their markers stand for. */
interface Draft {
  texts: Readonly<Record<string, string>>;
  long: Readonly<Record<string, string[]>>;
}

function draftFrom(steps: readonly WhatIfStep[], source: Source): Draft {
  const texts: Record<string, string> = {};
  const long: Record<string, string[]> = {};
  for (const s of steps) {
    const f = formatHeaders(source === 'fix' ? s.fix ?? s.received : s.received);
    texts[s.key] = f.text;
    long[s.key] = f.long;
  }
  return { texts, long };
}

export function TryFix({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const open = useSignal(false);
  // Not CORS: no response header changes what happens.
  if (verdict.kind === 'same-origin' || verdict.kind === 'no-cors') return null;
  return (
    <details class="try-fix" onToggle={(e) => { open.value = e.currentTarget.open; }}>
      <summary><h3 id="tf-h">{t('panel_tf_title')}</h3> <span class="muted">{t('panel_tf_subtitle')}</span></summary>
      {open.value && <TryFixEditor key={shapeOf(exchange)} exchange={exchange} verdict={verdict} />}
    </details>
  );
}

/**
 * Which steps have a response: when a live exchange goes on while the editor is open (a response arrives),
 * the editor starts again from what was received.
 */
function shapeOf(x: Exchange): string {
  return `${x.preflights.map((p) => (p.response ? 'p' : '-')).join('')}|${x.redirects.length}|${x.response ? 'r' : '-'}`;
}

function TryFixEditor({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const fix = useMemo(() => fixesFor(exchange, verdict), [exchange, verdict]);
  const steps = useMemo(() => whatIfSteps(exchange, fix.steps), [exchange, fix]);
  const draft = useSignal<Draft>(draftFrom(steps, 'received'));
  const d = draft.value;
  const parsed = useMemo(() => {
    const out: Record<string, ParsedHeaders> = {};
    for (const s of steps) out[s.key] = parseHeaders(d.texts[s.key] ?? '', d.long[s.key]);
    return out;
  }, [d, steps]);
  const result = useMemo(() => {
    const edits = Object.fromEntries(steps.map((s) => [s.key, parsed[s.key]!.headers]));
    return judgeWhatIf(editedExchange(exchange, steps, edits), verdict);
  }, [parsed, steps, exchange, verdict]);
  const hasFix = steps.some((s) => s.fix !== null);
  const edit = (key: string, text: string) => { draft.value = { ...draft.value, texts: { ...draft.value.texts, [key]: text } }; };

  return (
    <div class="tf-body">
      <p class="muted">{t('panel_tf_intro')}</p>
      <div class="tf-bar">
        <button type="button" class="btn" onClick={() => { draft.value = draftFrom(steps, 'received'); }}>{t('panel_tf_from_received')}</button>
        <button type="button" class="btn" disabled={!hasFix} title={hasFix ? t('panel_tf_from_fix_title') : say(fix.summary)}
          onClick={() => { draft.value = draftFrom(steps, 'fix'); }}>{t('panel_tf_from_fix')}</button>
      </div>
      <Outcome result={result} />
      {steps.map((s) => (
        <StepEditor key={s.key} step={s} text={d.texts[s.key] ?? ''} problems={parsed[s.key]!.problems} onInput={(t) => edit(s.key, t)} />
      ))}
    </div>
  );
}

function Outcome({ result }: { result: WhatIfResult }) {
  const v = result.verdict;
  const passes = v.kind === 'simple' || v.kind === 'preflighted';
  const incomplete = passes && result.unanswered.length > 0;
  const first = v.reasons[0];
  const words = t(incomplete ? 'panel_tf_incomplete' : passes ? 'panel_tf_passes' : v.kind === 'blocked' ? 'panel_tf_fails' : 'panel_tf_not_a_pass');
  return (
    <div class="tf-result" data-testid="try-result" data-verdict={incomplete ? 'incomplete' : v.kind} data-code={first?.code ?? ''}>
      <p class="tf-line" role="status">
        <VerdictChip kind={incomplete ? 'inconclusive' : v.kind} /> <strong>{words}</strong>{' — '}<LongText value={say(v.headline)} name={t('panel_name_headline')} />
      </p>
      {incomplete && (
        <p>{t('panel_tf_unanswered', { steps: joined(result.unanswered) })}</p>
      )}
      {first && <ul class="evidence-list"><ReasonEvidence reason={first} verdict={v} first={false} ids="try-" /></ul>}
      {result.withCredentials && (
        <p class="note-warning">
          {t('panel_tf_with_credentials')} <code>{result.withCredentials.code}</code> —{' '}
          <LongText value={say(result.withCredentials.summary)} name={t('panel_name_summary')} />
        </p>
      )}
      <p class="muted small">
        {t(result.outcomeKept ? 'panel_tf_lna' : result.credentialed ? 'panel_tf_judged_with' : 'panel_tf_judged_without')}
      </p>
    </div>
  );
}

function StepEditor({ step, text, problems, onInput }: { step: WhatIfStep; text: string; problems: LineProblem[]; onInput: (text: string) => void }) {
  const id = `tf-${step.key.replace(':', '-')}`;
  const lines = text.split('\n').length;
  const note = step.added ? t('panel_tf_added') : !step.captured ? t('panel_tf_not_captured') : '';
  return (
    <div class="tf-step" data-step={step.key}>
      <label for={id}><strong>{say(step.title)}</strong> <span class="muted">{t(step.captured ? 'panel_tf_status' : 'panel_tf_status_assumed', { status: String(step.status) })}{note && ` · ${note}`}</span></label>
      <textarea id={id} class="tf-text" spellcheck={false} rows={Math.min(12, Math.max(3, lines + 1))} value={text}
        aria-invalid={problems.length > 0} aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)} />
      {problems.length > 0 && (
        <ul id={`${id}-problems`} class="tf-problems">
          {problems.map((p) => <li key={p.line}>{t('panel_tf_line', { line: p.line, problem: p.message })}</li>)}
        </ul>
      )}
    </div>
  );
}
