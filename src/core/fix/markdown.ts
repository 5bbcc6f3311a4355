/**
 * A FixSet as Markdown, for the popup's "copy summary" and issue reports, in the reader's language
 * (`words`): the prose is localised, the header blocks and snippets stay byte for byte what the server
 * needs. Untrusted values end up inside code spans or fenced blocks whose fence is longer than any
 * backtick run in the content, and plain-text lines are escaped, so a header value cannot inject
 * Markdown or HTML.
 */
import type { FixNote, FixSet, HeaderLine, Snippet, StackId, StepFix } from './types';
import type { Msg } from '../i18n/msg';
import type { Words } from '../i18n/words';
import { EN } from '../i18n/catalogues';
import { textOf } from '../model/sanitize';
import { asMsg, msgOrNull } from '../model/make-verdict';
import { mdFence, mdText } from '../report/markdown';

const STEP_TITLE: Record<StepFix['step'], string> = {
  preflight: 'fix_md_step_preflight',
  redirect: 'fix_md_step_redirect',
  response: 'fix_md_step_response',
};

function stepBlock(step: StepFix, words: Words): string {
  const title = words.say('fix_md_step_for', { step: `**${words.say(STEP_TITLE[step.step])}**`, url: mdText(step.url) });
  const status = step.status ? `\n\n${words.say('fix_md_status', { status: mdText(words.t(step.status)) })}` : '';
  const headers = step.headers.map((h) => `${h.name}: ${h.value}`.replace(/[\r\n]/g, ' ')).join('\n');
  return `${title}${status}\n\n${mdFence(headers, 'http')}`;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? v as Record<string, unknown> : {});
const text = (v: unknown): string => textOf(v) ?? '';
/** A sentence read back: a message, a string from an older version, else nothing (an empty text). */
const sentence = (v: unknown): Msg => msgOrNull(v) ?? asMsg('');
const STEPS = new Set<unknown>(['preflight', 'redirect', 'response']);

/** A FixSet read defensively: it may come back from storage or a port, written by another version. */
function cleanFix(input: unknown): Pick<FixSet, 'summary' | 'steps' | 'notes' | 'snippets'> {
  const f = rec(input);
  const steps: StepFix[] = list(f.steps).map(rec).filter((s) => STEPS.has(s.step)).map((s) => ({
    step: s.step as StepFix['step'],
    url: text(s.url),
    status: msgOrNull(s.status),
    headers: list(s.headers).map(rec).map((h): HeaderLine => ({ name: text(h.name), value: text(h.value), why: sentence(h.why) })),
  }));
  const notes: FixNote[] = list(f.notes).map(rec).map((n) => ({ level: n.level === 'warning' ? 'warning' : 'info', text: sentence(n.text) }));
  const snippets = list(f.snippets).map(rec).map((s) => ({
    stack: s.stack as StackId, label: text(s.label), language: text(s.language), code: text(s.code),
    notes: list(s.notes).map(sentence),
  }) satisfies Snippet);
  return { summary: sentence(f.summary), steps, notes, snippets };
}

/**
 * The fix as Markdown in the language of `words`: summary, headers per step, notes, and the snippet for
 * `stack` when given. Never throws.
 */
export function fixMarkdown(input: FixSet, wordsIn: Words, stack: StackId | null = null): string {
  const fix = cleanFix(input);
  // Words that came through a port or storage may have lost their functions: English then, never a throw.
  const words = typeof wordsIn?.t === 'function' && typeof wordsIn.say === 'function' ? wordsIn : EN;
  const say = (msg: Msg): string => mdText(words.t(msg));
  const parts = [`### ${words.say('fix_md_title')}\n\n${say(fix.summary)}`];
  for (const step of fix.steps) parts.push(stepBlock(step, words));
  const warning = `**${words.say('fix_md_warning')}** `;
  if (fix.notes.length) parts.push(fix.notes.map((n) => `- ${n.level === 'warning' ? warning : ''}${say(n.text)}`).join('\n'));
  const snippet = stack ? fix.snippets.find((s) => s.stack === stack) : undefined;
  if (snippet) {
    const notes = snippet.notes.map((n) => `- ${say(n)}`).join('\n');
    parts.push(`**${mdText(snippet.label)}**\n\n${mdFence(snippet.code, snippet.language)}${notes ? `\n\n${notes}` : ''}`);
  }
  return parts.join('\n\n') + '\n';
}
