/** The steps of one exchange in the order the browser went through them, with durations. */
import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { m, type Msg } from '../../core';
import { words } from '../../ui/i18n';
import type { Text } from '../text';

interface TimelineStep {
  kind: 'preflight' | 'preflight-cached' | 'redirect' | 'request';
  /** Index into `preflights` or `redirects`. */
  index: number;
  label: Msg;
  url: string;
  /** Status text: number, error string, or what stands in for it (a message). */
  result: Text;
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
      kind: 'preflight', index: i, label: m('panel_tl_preflight'), url: p.url,
      result: p.response ? String(p.response.status) : p.error ?? m(p.end === undefined ? 'panel_status_pending' : 'panel_tl_no_response'),
      failed: p.error !== undefined || (p.response !== undefined && (p.response.status < 200 || p.response.status > 299)),
      start: p.start, durationMs: dur(p.start, p.end ?? p.response?.time),
    });
    cursor = p.end ?? p.response?.time ?? cursor;
  });
  if (x.preflights.length === 0 && v.preflight.cached) {
    steps.push({
      kind: 'preflight-cached', index: -1, label: m('panel_tl_preflight_cached'), url: x.url,
      result: m('panel_tl_cached'), failed: false, start: null, durationMs: null,
    });
  }
  x.redirects.forEach((hop, i) => {
    const refused = hop.followed === false;
    steps.push({
      kind: 'redirect', index: i, label: i === 0 ? m('panel_tl_redirect', { method: x.method }) : m('panel_tl_hop'), url: hop.url,
      result: refused
        ? x.outcome.state === 'failed'
          ? m('panel_tl_not_followed_error', { status: String(hop.response.status), location: hop.location, error: x.outcome.error })
          : m('panel_tl_not_followed', { status: String(hop.response.status), location: hop.location })
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
    kind: 'request', index: 0, label: m('panel_tl_request', { method: x.method }), url: finalUrl,
    result: o.state === 'failed'
      ? status !== undefined ? m('panel_tl_then', { status: String(status), error: o.error }) : o.error
      : o.state === 'pending' ? m('panel_status_pending') : String(o.status),
    failed: o.state === 'failed',
    start: cursor,
    durationMs: dur(cursor, x.timings.end ?? x.response?.time),
  });
  return steps;
}

/** A duration as the page's language writes it: "850 ms", "1.25 s" ("1,25 s" in French). */
export function formatMs(ms: number | null): string {
  if (ms === null) return '';
  const w = words.value;
  if (ms < 1000) return w.say('panel_dur_ms', { n: String(Math.round(ms)) });
  const s = (ms / 1000).toFixed(2);
  return w.say('panel_dur_s', { n: w.lang === 'fr' ? s.replace('.', ',') : s });
}

export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}
