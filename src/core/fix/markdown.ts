/**
 * A FixSet as Markdown, for the popup's "copy summary" and issue reports. Untrusted values end up
 * inside code spans or fenced blocks whose fence is longer than any backtick run in the content,
 * and plain-text lines are escaped, so a header value cannot inject Markdown or HTML.
 */
import type { FixSet, StackId, StepFix } from './types';

const STEP_TITLE: Record<StepFix['step'], string> = {
  preflight: 'Preflight (OPTIONS) response',
  redirect: 'Redirect response',
  response: 'Actual response',
};

/** Escape Markdown/HTML-significant characters in a line of prose. */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>&~]/g, (c) => '\\' + c)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A fenced block that no content can close early. */
export function mdFence(code: string, language = ''): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language.replace(/[^\w-]/g, '')}\n${code}\n${fence}`;
}

function stepBlock(step: StepFix): string {
  const title = `**${STEP_TITLE[step.step]}** for ${mdText(step.url)}`;
  const status = step.status ? `\n\nStatus: ${mdText(step.status)}` : '';
  const headers = step.headers.map((h) => `${h.name}: ${h.value}`.replace(/[\r\n]/g, ' ')).join('\n');
  return `${title}${status}\n\n${mdFence(headers, 'http')}`;
}

/** The fix as Markdown: summary, headers per step, notes, and the snippet for `stack` when given. */
export function fixMarkdown(fix: FixSet, stack: StackId | null = null): string {
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
