/**
 * The message of the error `expectNoCorsErrors` throws: per blocked request its method and URL, the code,
 * the headline, the explanation, the evidence and the fix (the headers to send at each step, then the notes),
 * in the reader's language. Header lines and URLs stay as HTTP writes them.
 */
import type { Words } from '../core/i18n/words';
import type { CorsVerdict, Step } from './types';

const STEP_TITLE: Record<Step, string> = {
  preflight: 'fix_md_step_preflight',
  redirect: 'fix_md_step_redirect',
  response: 'fix_md_step_response',
};

/** A value on one line (a header value may hold line breaks in a hostile capture). */
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ');

function blockedLines(v: CorsVerdict, n: number, w: Words): string[] {
  const lines = [`${n}. ${v.method} ${oneLine(v.url)}`, `   ${w.say('pw_code', { code: v.code ?? '-' })}`, `   ${v.headline}`];
  if (v.explanation) lines.push(`   ${w.say('pw_why', { text: v.explanation })}`);
  const e = v.evidence[0];
  if (e?.header) {
    lines.push(`   ${e.received === null ? w.say('pw_received_none', { header: e.header }) : w.say('pw_received', { header: e.header, value: oneLine(e.received) })}`);
  }
  if (e) lines.push(`   ${w.say('pw_needed', { text: e.expected })}`);
  lines.push(`   ${w.say('pw_fix', { text: v.fix.summary })}`);
  for (const s of v.fix.steps) {
    lines.push(`     ${w.say('fix_md_step_for', { step: w.say(STEP_TITLE[s.step]), url: oneLine(s.url) })}`);
    if (s.status) lines.push(`       ${w.say('fix_md_status', { status: s.status })}`);
    for (const h of s.headers) lines.push(`       ${oneLine(h)}`);
  }
  for (const note of v.fix.notes) lines.push(`     - ${note}`);
  return lines;
}

/** The whole message for the blocked requests (at least one). */
export function blockedReport(blocked: readonly CorsVerdict[], w: Words): string {
  const parts = [w.say('pw_blocked', { count: blocked.length })];
  blocked.forEach((v, i) => parts.push('', ...blockedLines(v, i + 1, w)));
  return parts.join('\n');
}
