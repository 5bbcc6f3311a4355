/**
 * Markdown from untrusted input, for the summary (report/summary.ts) and a FixSet as Markdown
 * (fix/markdown.ts): prose escaped, values in code spans or fenced blocks no content can close, so
 * a header value cannot inject Markdown or HTML.
 */

const textIn = (v: unknown): string => (typeof v === 'string' ? v : '');

function longestTicks(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) if (run.length > longest) longest = run.length;
  return longest;
}

/**
 * Prose from untrusted input: one line, Markdown and HTML syntax neutralised (every significant
 * character escaped, and a line start that would open a heading, list, rule or setext underline).
 */
export function mdText(text: string): string {
  return textIn(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>&#|~!]/g, (c) => '\\' + c)
    .replace(/^(\s*)([+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Inline code that no value can break out of (fence longer than any backtick run inside). */
export function mdCode(text: string): string {
  const clean = textIn(text).replace(/[\r\n]+/g, ' ');
  const fence = '`'.repeat(longestTicks(clean) + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A fenced block that no content can close early. */
export function mdFence(code: string, language = ''): string {
  const body = textIn(code);
  const fence = '`'.repeat(Math.max(2, longestTicks(body)) + 1);
  return `${fence}${textIn(language).replace(/[^\w-]/g, '')}\n${body}\n${fence}`;
}
