/**
 * Preflight cost per endpoint: how many preflights the page sent, how long it waited for them (median and
 * total), the Access-Control-Max-Age the server sent and what the browser made of it (its cap, the 5 s
 * default), and what a suitable Max-Age would have saved on this page. Numbers from the core's
 * preflightCost; the Max-Age values are untrusted header values, shown as text.
 */
import type { EndpointCost } from '../../core/findings/cost';
import { LongText } from '../../ui/LongText';
import type { PanelStore } from '../store';

/** "850 ms", "1.25 s", "2 min 5 s". */
function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(2))} s`;
  const min = Math.floor(ms / 60_000);
  return `${min} min ${Math.round((ms - min * 60_000) / 1000)} s`;
}

const BROWSER = { chromium: 'Chromium', firefox: 'Firefox' } as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the browser did with the Max-Age, in words. */
function keptWords(c: EndpointCost): string {
  const m = c.maxAge;
  const browser = BROWSER[m.browser] ?? String(m.browser);
  switch (m.treatment) {
    case 'default':
      return m.sent === null ? `${m.appliedSeconds} s: none sent, ${browser}'s default` : `${m.appliedSeconds} s: not a number, ${browser} used its default`;
    case 'as-sent':
      return `${m.appliedSeconds} s, as sent`;
    case 'capped':
      return `${m.appliedSeconds} s: capped (${browser} keeps a preflight at most ${m.cap} s)`;
    case 'not-cached':
      return `not cached (${browser} reads this value as 0)`;
    default:
      return `${m.appliedSeconds} s`;
  }
}

function savedWords(c: EndpointCost): string {
  if (c.maxAge.appliedSeconds >= c.suitableMaxAge) return `nothing: the Max-Age sent is enough${c.preflights > 1 ? ' (repeats have another cause)' : ''}`;
  if (c.saved.preflights === 0) return 'nothing on this page (no repeated preflight)';
  return `${plural(c.saved.preflights, 'preflight')}, ${duration(c.saved.ms)}`;
}

function MaxAgeSent({ c }: { c: EndpointCost }) {
  const others = c.maxAge.values.filter((v) => v !== c.maxAge.sent);
  return (
    <>
      {c.maxAge.sent === null ? <em>none</em> : <LongText value={c.maxAge.sent} code limit={40} name="Access-Control-Max-Age value" />}
      {others.length > 0 && (
        <span class="muted small"> (also {others.map((v, i) => <span key={i}>{i > 0 && ', '}{v === null ? 'none' : <LongText value={v} code limit={40} name="Access-Control-Max-Age value" />}</span>)})</span>
      )}
    </>
  );
}

export function CostView({ store }: { store: PanelStore }) {
  const cost = [...store.findings.value.cost].sort((a, b) => b.waited.totalMs - a.waited.totalMs || b.preflights - a.preflights);
  const show = (endpoint: string) => {
    store.filterText.value = endpoint;
    store.view.value = 'log';
  };
  if (cost.length === 0) {
    return (
      <section class="cost-view" aria-labelledby="cost-h">
        <h2 id="cost-h">Preflight cost</h2>
        <p class="muted">No preflight in this log: every cross-origin request was simple, or reused a cached preflight.</p>
      </section>
    );
  }
  let preflights = 0, waited = 0, saved = 0, savedMs = 0;
  for (const c of cost) {
    preflights += c.preflights;
    waited += c.waited.totalMs;
    saved += c.saved.preflights;
    savedMs += c.saved.ms;
  }
  const suitable = cost[0]!.suitableMaxAge;
  return (
    <section class="cost-view" aria-labelledby="cost-h">
      <h2 id="cost-h">Preflight cost</h2>
      <p data-testid="cost-total">
        {plural(preflights, 'preflight')} to {plural(cost.length, 'endpoint')}; the page waited {duration(waited)} for them.{' '}
        {saved > 0 ? `A suitable Access-Control-Max-Age (${suitable} s) would have saved ${plural(saved, 'preflight')} and ${duration(savedMs)}.`
          : 'A longer Access-Control-Max-Age would not have saved any on this page.'}
      </p>
      <table class="cost-table">
        <caption class="sr-only">Preflights per endpoint, most waited-for first</caption>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">Preflights</th>
            <th scope="col">Waited (median)</th>
            <th scope="col">Waited (total)</th>
            <th scope="col">Max-Age sent</th>
            <th scope="col">Browser kept it</th>
            <th scope="col">A suitable Max-Age would have saved</th>
          </tr>
        </thead>
        <tbody>
          {cost.map((c) => (
            <tr key={c.endpoint} data-endpoint={c.endpoint}>
              <th scope="row" class="mono wrap">
                <LongText value={c.endpoint} limit={200} name="endpoint" />{' '}
                <button type="button" class="link" onClick={() => show(c.endpoint)} aria-label={`Show the requests to ${c.endpoint}`}>requests</button>
              </th>
              <td data-col="preflights">{c.preflights}</td>
              <td data-col="median">{c.waited.medianMs === null ? '—' : duration(c.waited.medianMs)}</td>
              <td data-col="total">{duration(c.waited.totalMs)}{c.waited.timed < c.preflights && <span class="muted small"> ({c.waited.timed} timed)</span>}</td>
              <td data-col="sent"><MaxAgeSent c={c} /></td>
              <td data-col="kept">{keptWords(c)}</td>
              <td data-col="saved">{savedWords(c)}{c.saved.preflights > 0 && <span class="muted small"> with Max-Age {c.suitableMaxAge}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
