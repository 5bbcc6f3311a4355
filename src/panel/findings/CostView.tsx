/**
 * Preflight cost per endpoint: how many preflights the page sent, how long it waited for them (median and
 * total), the Access-Control-Max-Age the server sent and what the browser made of it (its cap, the 5 s
 * default), and what a suitable Max-Age would have saved on this page. Numbers from the core's
 * preflightCost; the Max-Age values are untrusted header values, shown as text.
 */
import type { EndpointCost } from '../../core/findings/cost';
import { LongText } from '../../ui/LongText';
import type { PanelStore } from '../store';
import { t, words } from '../../ui/i18n';

/** A number as the page writes it: English keeps its digits as the core counts them (7200 s), French groups them (7 200 s). */
function num(n: number): string {
  const w = words.value;
  return w.lang === 'en' ? String(n) : w.num(n);
}

/** "850 ms", "1.25 s", "2 min 5 s" (French: "1,25 s"). */
function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return t('panel_dur_ms', { n: num(Math.round(ms)) });
  if (ms < 60_000) return t('panel_dur_s', { n: num(Number((ms / 1000).toFixed(2))) });
  const min = Math.floor(ms / 60_000);
  return t('panel_dur_min', { min: num(min), s: num(Math.round((ms - min * 60_000) / 1000)) });
}

const BROWSER = { chromium: 'Chromium', firefox: 'Firefox' } as const;
const preflightsWords = (n: number) => t('panel_cost_preflights', { count: n });

/** What the browser did with the Max-Age, in words. */
function keptWords(c: EndpointCost): string {
  const m = c.maxAge;
  const browser = BROWSER[m.browser] ?? String(m.browser);
  const s = num(m.appliedSeconds);
  switch (m.treatment) {
    case 'default':
      return t(m.sent === null ? 'panel_cost_kept_default_none' : 'panel_cost_kept_default_nan', { s, browser });
    case 'as-sent':
      return t('panel_cost_kept_as_sent', { s });
    case 'capped':
      return t('panel_cost_kept_capped', { s, browser, cap: num(m.cap ?? 0) });
    case 'not-cached':
      return t('panel_cost_kept_not_cached', { browser });
    default:
      return t('panel_dur_s', { n: s });
  }
}

function savedWords(c: EndpointCost): string {
  if (c.maxAge.appliedSeconds >= c.suitableMaxAge) return t(c.preflights > 1 ? 'panel_cost_saved_enough_repeats' : 'panel_cost_saved_enough');
  if (c.saved.preflights === 0) return t('panel_cost_saved_no_repeat');
  return t('panel_cost_saved', { preflights: preflightsWords(c.saved.preflights), duration: duration(c.saved.ms) });
}

function MaxAgeSent({ c }: { c: EndpointCost }) {
  const others = c.maxAge.values.filter((v) => v !== c.maxAge.sent);
  const name = t('panel_name_header_value', { name: 'Access-Control-Max-Age' });
  return (
    <>
      {c.maxAge.sent === null ? <em>{t('panel_cost_none')}</em> : <LongText value={c.maxAge.sent} code limit={40} name={name} />}
      {others.length > 0 && (
        <span class="muted small"> ({t('panel_cost_also')} {others.map((v, i) => <span key={i}>{i > 0 && ', '}{v === null ? t('panel_cost_none') : <LongText value={v} code limit={40} name={name} />}</span>)})</span>
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
        <h2 id="cost-h">{t('panel_cost_title')}</h2>
        <p class="muted">{t('panel_cost_empty')}</p>
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
      <h2 id="cost-h">{t('panel_cost_title')}</h2>
      <p data-testid="cost-total">
        {t('panel_cost_total', { preflights: preflightsWords(preflights), endpoints: t('panel_cost_endpoints', { count: cost.length }), duration: duration(waited) })}{' '}
        {saved > 0 ? t('panel_cost_total_saved', { s: num(suitable), preflights: preflightsWords(saved), duration: duration(savedMs) })
          : t('panel_cost_total_no_saving')}
      </p>
      <table class="cost-table">
        <caption class="sr-only">{t('panel_cost_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panel_cost_col_endpoint')}</th>
            <th scope="col">{t('panel_cost_col_preflights')}</th>
            <th scope="col">{t('panel_cost_col_median')}</th>
            <th scope="col">{t('panel_cost_col_total')}</th>
            <th scope="col">{t('panel_cost_col_sent')}</th>
            <th scope="col">{t('panel_cost_col_kept')}</th>
            <th scope="col">{t('panel_cost_col_saved')}</th>
          </tr>
        </thead>
        <tbody>
          {cost.map((c) => (
            <tr key={c.endpoint} data-endpoint={c.endpoint}>
              <th scope="row" class="mono wrap">
                <LongText value={c.endpoint} limit={200} name={t('panel_name_endpoint')} />{' '}
                <button type="button" class="link" onClick={() => show(c.endpoint)} aria-label={t('panel_cost_show_label', { endpoint: c.endpoint })}>{t('panel_cost_show')}</button>
              </th>
              <td data-col="preflights">{c.preflights}</td>
              <td data-col="median">{c.waited.medianMs === null ? '—' : duration(c.waited.medianMs)}</td>
              <td data-col="total">{duration(c.waited.totalMs)}{c.waited.timed < c.preflights && <span class="muted small"> {t('panel_cost_timed', { count: c.waited.timed })}</span>}</td>
              <td data-col="sent"><MaxAgeSent c={c} /></td>
              <td data-col="kept">{keptWords(c)}</td>
              <td data-col="saved">{savedWords(c)}{c.saved.preflights > 0 && <span class="muted small"> {t('panel_cost_with_max_age', { s: num(c.suitableMaxAge) })}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
