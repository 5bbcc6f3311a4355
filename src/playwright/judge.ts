/**
 * From a DevTools network log to CORS Lens's verdicts: the log is written as the HAR DevTools would export,
 * the core's HAR reader turns it into exchanges, and the core's classifier judges them. Chromium's own
 * `corsErrorStatus` is carried beside each verdict for cross-checking only: the core never sees it.
 */
import { readHar } from '../core/har';
import { classify } from '../core/classify/classify';
import { findingsOf } from '../core/findings';
import { fixesFor } from '../core/fix';
import { wordsFor } from '../core/i18n/catalogues';
import type { Words } from '../core/i18n/words';
import type { Exchange } from '../core/model/exchange';
import type { Verdict } from '../core/model/verdict';
import type { Finding } from '../core/findings/types';
import type { DevtoolsLog, Hop } from './devtools-log';
import { harOf } from './devtools-har';
import type { CorsFix, CorsVerdict, JudgeOptions } from './types';

/** No size limit: the log is this process's own memory, not a file from elsewhere. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * The raw request headers of the final hop after redirects (`Origin: null` once tainted, the final Cookie,
 * Sec-Fetch-Mode), as live capture records them; the HAR reader keeps the first hop's only. Raw headers
 * exist only for a hop that went on the wire.
 */
function withFinalHeaders(x: Exchange, log: DevtoolsLog, last: Hop | undefined): Exchange {
  if (x.redirects.length === 0 || !last || last.index === 0) return x;
  const sent = log.rawOf(last).requestHeaders;
  return sent ? { ...x, finalRequestHeaders: sent } : x;
}

function fixOf(x: Exchange, v: Verdict, w: Words): CorsFix {
  const f = fixesFor(x, v);
  return {
    status: f.status,
    summary: w.t(f.summary),
    steps: f.steps.map((s) => ({ step: s.step, url: s.url, status: s.status ? w.t(s.status) : null, headers: s.headers.map((h) => `${h.name}: ${h.value}`) })),
    notes: f.notes.map((n) => w.t(n.text)),
  };
}

function verdictOf(x: Exchange, v: Verdict, chromiumCode: string | null, findings: readonly Finding[], w: Words): CorsVerdict {
  const reason = v.reasons[0];
  return {
    url: x.url,
    method: x.method,
    kind: v.kind,
    code: reason?.code ?? null,
    chromiumCode,
    headline: w.t(v.headline),
    explanation: reason ? w.t(reason.summary) : null,
    evidence: v.reasons.map((r) => ({ step: r.step.kind, header: r.header, received: r.received, expected: w.t(r.expected) })),
    fix: fixOf(x, v, w),
    findings: findings.filter((f) => f.exchangeIds.includes(x.id)).map((f) => ({
      id: f.id, severity: f.severity, endpoint: f.endpoint, title: w.t(f.title), summary: w.t(f.summary), fix: w.t(f.fix),
    })),
    exchange: x,
  };
}

/** Every exchange of the log with its verdict, in request order; same-origin ones (the page's own document too) only when asked. */
export function judge(log: DevtoolsLog, pageUrl: string, options: JudgeOptions & { sameOrigin: boolean }): CorsVerdict[] {
  const w = wordsFor(options.lang ?? 'en');
  const { har, order } = harOf(log, pageUrl);
  const read = readHar(JSON.stringify(har), { maxBytes: NO_LIMIT, words: w });
  const entries = read.exchanges.map((read) => {
    const first = order[Number(/^har-(\d+)$/.exec(read.id)?.[1] ?? -1)];
    const last = first && log.lastOf(first);
    const exchange = withFinalHeaders(read, log, last);
    return { exchange, verdict: classify(exchange), chromiumCode: last?.corsError ?? null };
  });
  const findings = findingsOf(entries, { browser: 'chromium' });
  return entries
    .filter((e) => options.sameOrigin || e.verdict.kind !== 'same-origin')
    .map(({ exchange, verdict, chromiumCode }) => verdictOf(exchange, verdict, chromiumCode, findings, w));
}
