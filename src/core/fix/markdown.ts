/**
 * A FixSet as Markdown, for the popup's "copy summary" and issue reports. Untrusted values end up
 * inside code spans or fenced blocks whose fence is longer than any backtick run in the content,
 * and plain-text lines are escaped, so a header value cannot inject Markdown or HTML.
 */
import type { FixNote, FixSet, HeaderLine, Snippet, StackId, StepFix } from './types';
import { textOf } from '../model/sanitize';
import { mdFence, mdText } from '../report/markdown';

const STEP_TITLE: Record<StepFix['step'], string> = {
  preflight: 'Preflight (OPTIONS) response',
  redirect: 'Redirect response',
  response: 'Actual response',
};

function stepBlock(step: StepFix): string {
  const title = `**${STEP_TITLE[step.step]}** for ${mdText(step.url)}`;
  const status = step.status ? `\n\nStatus: ${mdText(step.status)}` : '';
  const headers = step.headers.map((h) => `${h.name}: ${h.value}`.replace(/[\r\n]/g, ' ')).join('\n');
  return `${title}${status}\n\n${mdFence(headers, 'http')}`;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? v as Record<string, unknown> : {});
const text = (v: unknown): string => textOf(v) ?? '';
const STEPS = new Set<unknown>(['preflight', 'redirect', 'response']);

/** A FixSet read defensively: it may come back from storage or a port, written by another version. */
function cleanFix(input: unknown): Pick<FixSet, 'summary' | 'steps' | 'notes' | 'snippets'> {
  const f = rec(input);
  const steps: StepFix[] = list(f.steps).map(rec).filter((s) => STEPS.has(s.step)).map((s) => ({
    step: s.step as StepFix['step'],
    url: text(s.url),
    status: textOf(s.status),
    headers: list(s.headers).map(rec).map((h): HeaderLine => ({ name: text(h.name), value: text(h.value), why: text(h.why) })),
  }));
  const notes: FixNote[] = list(f.notes).map(rec).map((n) => ({ level: n.level === 'warning' ? 'warning' : 'info', text: text(n.text) }));
  const snippets = list(f.snippets).map(rec).map((s) => ({
    stack: s.stack as StackId, label: text(s.label), language: text(s.language), code: text(s.code),
    notes: list(s.notes).map(text),
  }) satisfies Snippet);
  return { summary: text(f.summary), steps, notes, snippets };
}

/** The fix as Markdown: summary, headers per step, notes, and the snippet for `stack` when given. Never throws. */
export function fixMarkdown(input: FixSet, stack: StackId | null = null): string {
  const fix = cleanFix(input);
  const parts = [`### How to fix\n\n${mdText(fix.summary)}`];
  for (const step of fix.steps) parts.push(stepBlock(step));
  if (fix.notes.length) parts.push(fix.notes.map((n) => `- ${n.level === 'warning' ? '**Warning:** ' : ''}${mdText(n.text)}`).join('\n'));
  const snippet = stack ? fix.snippets.find((s) => s.stack === stack) : undefined;
  if (snippet) {
    const notes = snippet.notes.map((n) => `- ${mdText(n)}`).join('\n');
    parts.push(`**${mdText(snippet.label)}**\n\n${mdFence(snippet.code, snippet.language)}${notes ? `\n\n${notes}` : ''}`);
  }
  return parts.join('\n\n') + '\n';
}
