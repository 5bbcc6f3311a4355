/** `cors-lens check`'s text output: what went out and came back, the verdict with its evidence, the fix, the findings. */
import { exchangeSteps } from '../../core/cli-api';
import type { Exchange, Finding, FixSet, Verdict, Words } from '../../core/cli-api';
import { findingsText } from '../findings';
import { cm, kindLabel } from '../lang';
import { clean, short } from '../terminal';
import type { CheckOptions } from './options';

/** Longest URL and header value printed whole (a 256 KB header is legal HTTP; the JSON keeps it all). */
const MAX_SHOWN = 2000;

interface CheckReport {
  options: CheckOptions;
  exchange: Exchange;
  verdict: Verdict;
  fix: FixSet;
  findings: readonly Finding[];
  requests: number;
}

interface Line {
  method: string;
  url: string;
  answer: string;
}

/** Every request in the order it went out: preflights before the request at their URL, then each hop. */
function lines(x: Exchange, w: Words): Line[] {
  const out: Line[] = [];
  const pre = [...x.preflights];
  const preflightsAt = (url: string) => {
    while (pre.length > 0 && pre[0]!.url === url) {
      const p = pre.shift()!;
      const answer = p.response ? String(p.response.status) : w.t(cm('check_no_answer', { error: p.error ?? '' }));
      out.push({ method: 'OPTIONS', url: p.url, answer: `${answer}  (${w.t(cm('check_preflight'))})` });
    }
  };
  for (const step of exchangeSteps(x)) {
    preflightsAt(step.url);
    if (step.location !== null) {
      out.push({ method: step.method, url: step.url, answer: w.t(cm('check_redirect', { status: step.response?.status ?? 0, location: short(step.location, MAX_SHOWN) })) });
      continue;
    }
    const failed = x.outcome.state === 'failed' ? x.outcome.error : '';
    let answer = w.t(cm('check_not_sent'));
    if (step.response) answer = String(step.response.status);
    else if (failed !== 'net::ERR_FAILED') answer = w.t(cm('check_no_answer', { error: failed }));
    out.push({ method: step.method, url: step.url, answer });
  }
  return out;
}

export function checkText(r: CheckReport, w: Words): string {
  const { options: o, verdict: v, fix } = r;
  const cred = w.t(cm(o.credentials ? 'check_cred_include' : 'check_cred_omit'));
  let out = `${w.t(cm('check_heading', { method: clean(o.method), url: clean(o.url.href), origin: clean(o.origin), credentials: cred }))}\n\n`;
  const ls = lines(r.exchange, w);
  const width = Math.min(10, Math.max(...ls.map((l) => clean(l.method).length)));
  for (const l of ls) out += `  ${short(l.method, 24).padEnd(width)}  ${short(l.url, MAX_SHOWN)}\n    → ${clean(l.answer)}\n`;
  out += '\n';
  const reason = v.reasons[0];
  out += `${w.t(cm('check_verdict', { kind: kindLabel(w, v.kind), code: reason ? ` (${reason.code})` : '' }))}\n`;
  out += `  ${clean(w.t(v.headline))}\n`;
  if (reason) {
    out += `  ${clean(w.t(reason.summary))}\n`;
    if (reason.header) out += `  ${w.t(cm('check_received', { header: reason.header, value: reason.received === null ? w.t(cm('check_absent')) : JSON.stringify(short(reason.received, MAX_SHOWN)) }))}\n`;
    out += `  ${w.t(cm('check_expected', { text: clean(w.t(reason.expected)) }))}\n`;
  }
  for (const n of v.notes) out += `  ${w.t(cm('check_note', { text: clean(w.t(n)) }))}\n`;
  out += `\n${w.t(cm('check_fix', { text: clean(w.t(fix.summary)) }))}\n`;
  for (const s of fix.steps) {
    out += `  ${w.t(cm(`check_fix_${s.step}`, { url: clean(s.url) }))}\n`;
    if (s.status) out += `    ${w.t(cm('check_fix_status', { text: clean(w.t(s.status)) }))}\n`;
    for (const h of s.headers) out += `    ${clean(h.name)}: ${clean(h.value)}\n`;
  }
  for (const n of fix.notes) out += `  - ${clean(w.t(n.text))}\n`;
  out += '\n';
  out += r.findings.length > 0 ? `${findingsText(r.findings, w)}\n` : `${w.t(cm('probe_no_findings'))}\n`;
  return out;
}
