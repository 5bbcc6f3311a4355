/** The steps of one exchange in the order the browser went through them, with durations. */
import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';

interface TimelineStep {
  kind: 'preflight' | 'preflight-cached' | 'redirect' | 'request';
  /** Index into `preflights` or `redirects`. */
  index: number;
  label: string;
  url: string;
  /** Status text: number, error string, or what stands in for it. */
  result: string;
  failed: boolean;
  start: number | null;
  durationMs: number | null;
}

const dur = (a: number | null | undefined, b: number | null | undefined) =>
  a != null && b != null && b >= a ? b - a : null;

export function timeline(x: Exchange, v: Verdict): TimelineStep[] {
  const steps: TimelineStep[] = [];
  let cursor: number | null = x.timings.start;
  x.preflights.forEach((p, i) => {
    steps.push({
      kind: 'preflight', index: i, label: 'Preflight OPTIONS', url: p.url,
      result: p.response ? String(p.response.status) : p.error ?? (p.end === undefined ? '(pending)' : '(no response)'),
      failed: p.error !== undefined || (p.response !== undefined && (p.response.status < 200 || p.response.status > 299)),
      start: p.start, durationMs: dur(p.start, p.end ?? p.response?.time),
    });
    cursor = p.end ?? p.response?.time ?? cursor;
  });
  if (x.preflights.length === 0 && v.preflight.cached) {
    steps.push({
      kind: 'preflight-cached', index: -1, label: 'Preflight served from cache', url: x.url,
      result: 'cached', failed: false, start: null, durationMs: null,
    });
  }
  x.redirects.forEach((hop, i) => {
    const refused = hop.followed === false;
    steps.push({
      kind: 'redirect', index: i, label: `${i === 0 ? x.method : 'Hop'} → redirect`, url: hop.url,
      result: refused
        ? `${hop.response.status} → ${hop.location} (not followed${x.outcome.state === 'failed' ? `: ${x.outcome.error}` : ''})`
        : `${hop.response.status} → ${hop.location}`,
      failed: refused,
      start: cursor, durationMs: dur(cursor, refused ? x.timings.end ?? hop.time : hop.time),
    });
    cursor = hop.time;
  });
  // The browser refused to follow the last redirect: there was no request to its Location.
  if (x.redirects.at(-1)?.followed === false) return steps;
  const finalUrl = x.redirects.length ? x.redirects[x.redirects.length - 1]!.location : x.url;
  const o = x.outcome;
  const status = x.response?.status;
  steps.push({
    kind: 'request', index: 0, label: `Request ${x.method}`, url: finalUrl,
    result: o.state === 'failed'
      ? status !== undefined ? `${status}, then ${o.error}` : o.error
      : o.state === 'pending' ? '(pending)' : String(o.status),
    failed: o.state === 'failed',
    start: cursor,
    durationMs: dur(cursor, x.timings.end ?? x.response?.time),
  });
  return steps;
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}
