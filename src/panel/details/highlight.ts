/** What the details pane highlights: the value a deciding header needed, and which headers decided. */
import type { Exchange, Header } from '../../core/model/exchange';
import type { Reason, Verdict } from '../../core/model/verdict';
import { m, type Msg } from '../../core';
import type { Text } from '../text';

/**
 * The exact value a header needed, when one value would have passed (so a character diff means
 * something); null when the need is a rule ("must list PUT") rather than a value.
 */
export function neededValue(reason: Reason, verdict: Verdict): string | null {
  const h = reason.header?.toLowerCase();
  if (h === 'access-control-allow-origin') return verdict.origin ?? 'null';
  if (h === 'access-control-allow-credentials') return 'true';
  return null;
}

const CORS_RESPONSE = ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods',
  'access-control-allow-headers', 'location'];

/** Lower-case names of the response headers that decided a step (`preflight:0`, `redirect:1`, `response`). */
export function decidingResponseHeaders(v: Verdict, step: string): Set<string> {
  const out = new Set<string>();
  for (const r of v.reasons) {
    const key = r.step.kind === 'response' ? 'response' : `${r.step.kind}:${r.step.index}`;
    if (key === step && r.header) out.add(r.header.toLowerCase());
  }
  if (out.size === 0 && v.kind !== 'same-origin' && v.kind !== 'no-cors') {
    for (const name of CORS_RESPONSE) out.add(name);
  }
  return out;
}

/** Request headers worth highlighting: the Origin, what the preflight asked for, and what made it needed. */
export function decidingRequestHeaders(v: Verdict): Set<string> {
  const out = new Set(['origin', 'access-control-request-method', 'access-control-request-headers']);
  for (const w of v.preflight.why) if (w.kind !== 'method') out.add(w.subject.toLowerCase());
  if (v.credentials.mode === 'include') {
    out.add('cookie');
    out.add('authorization');
  }
  return out;
}

/** One header that let a request through: what the server sent and what the browser needed. */
interface PassedCheck {
  /** The step, in words (a message). */
  where: Msg;
  header: string;
  received: string | null;
  /** The value needed, or the rule it follows in words. */
  needed: Text;
}

function joined(headers: readonly Header[] | undefined, name: string): string | null {
  const values = (headers ?? []).filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  return values.length ? values.join(', ') : null;
}

/** For an allowed CORS request, the headers that allowed it, so "why did this work?" has an answer too. */
export function passedChecks(x: Exchange, v: Verdict): PassedCheck[] {
  if (v.kind !== 'simple' && v.kind !== 'preflighted') return [];
  const credentialed = v.credentials.mode === 'include' || v.credentials.mode === 'inferred-include';
  const origin = v.origin ?? 'null';
  const acao: Text = credentialed ? origin : m('panel_needed_or_star', { value: origin });
  const lists = (names: string): Msg => m(credentialed ? 'panel_needed_lists' : 'panel_needed_lists_or_star', { names });
  const preflight = m('panel_where_preflight');
  const response = m('panel_where_response');
  const out: PassedCheck[] = [];
  const pf = [...x.preflights].reverse().find((p) => p.response);
  if (pf?.response) {
    const h = pf.response.headers;
    out.push({ where: preflight, header: 'Access-Control-Allow-Origin', received: joined(h, 'access-control-allow-origin'), needed: acao });
    const method = v.preflight.why.find((w) => w.kind === 'method');
    if (method) out.push({ where: preflight, header: 'Access-Control-Allow-Methods', received: joined(h, 'access-control-allow-methods'), needed: lists(method.subject) });
    const names = v.preflight.why.filter((w) => w.kind !== 'method' && w.kind !== 'forced').map((w) => w.subject.toLowerCase());
    if (names.length) out.push({ where: preflight, header: 'Access-Control-Allow-Headers', received: joined(h, 'access-control-allow-headers'), needed: lists([...new Set(names)].join(', ')) });
  }
  if (x.response) {
    out.push({ where: response, header: 'Access-Control-Allow-Origin', received: joined(x.response.headers, 'access-control-allow-origin'), needed: acao });
    if (credentialed) out.push({ where: response, header: 'Access-Control-Allow-Credentials', received: joined(x.response.headers, 'access-control-allow-credentials'), needed: 'true' });
  }
  return out;
}
