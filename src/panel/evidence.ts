/** What the details pane highlights: the value a deciding header needed, and which headers decided. */
import type { Reason, Verdict } from '../core/verdict';

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
