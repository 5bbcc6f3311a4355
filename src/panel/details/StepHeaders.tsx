import type { Exchange, Header } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { HeaderTable } from '../../ui/HeaderTable';
import { decidingRequestHeaders, decidingResponseHeaders } from './highlight';
import { t } from '../../ui/i18n';

interface Block {
  id: string;
  title: string;
  url: string;
  request: Header[] | null;
  response: Header[] | null;
  step: string;
  note?: string;
}

function blocks(x: Exchange): Block[] {
  const out: Block[] = [];
  x.preflights.forEach((p, i) => out.push({
    id: `step-preflight-${i}`, title: x.preflights.length > 1 ? t('panel_hd_preflight_n', { n: i + 1 }) : t('panel_hd_preflight'), url: p.url,
    request: p.requestHeaders, response: p.response?.headers ?? null, step: `preflight:${i}`,
    note: p.response ? t('panel_hd_status', { status: String(p.response.status) }) : p.error ?? t('panel_hd_no_response'),
  }));
  x.redirects.forEach((hop, i) => out.push({
    id: `step-redirect-${i}`, title: t('panel_hd_redirect', { n: i + 1 }), url: hop.url,
    request: hop.requestHeaders ?? (i === 0 ? x.requestHeaders : null), response: hop.response.headers, step: `redirect:${i}`,
    note: t('panel_hd_status_to', { status: String(hop.response.status), location: hop.location }),
  }));
  const finalUrl = x.redirects.length ? x.redirects[x.redirects.length - 1]!.location : x.url;
  out.push({
    id: 'step-request', title: t('panel_hd_request', { method: x.method }), url: finalUrl,
    request: x.redirects.length === 0 ? x.requestHeaders : null, response: x.response?.headers ?? null, step: 'response',
    note: x.response ? t(x.response.fromCache ? 'panel_hd_status_cache' : 'panel_hd_status', { status: String(x.response.status) }) : undefined,
  });
  return out;
}

export function StepHeaders({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const reqHot = decidingRequestHeaders(verdict);
  return (
    <section aria-labelledby="hd-h">
      <h3 id="hd-h">{t('panel_hd_title')}</h3>
      {blocks(exchange).map((b) => (
        <details key={b.id} id={b.id} class="step-headers" open>
          <summary>{b.title} <span class="muted">{b.url}</span>{b.note && <span class="muted"> · {b.note}</span>}</summary>
          <h4>{t('panel_hd_request_headers')}</h4>
          {b.request === null
            ? <p class="muted">{t('panel_hd_not_recorded')}</p>
            : <HeaderTable headers={b.request} caption={t('panel_hd_request_caption', { title: b.title })} highlight={reqHot} />}
          <h4>{t('panel_hd_response_headers')}</h4>
          {b.response === null
            ? <p class="muted">{t('panel_hd_no_response_headers')}</p>
            : <HeaderTable headers={b.response} caption={t('panel_hd_response_caption', { title: b.title })} highlight={decidingResponseHeaders(verdict, b.step)} />}
        </details>
      ))}
    </section>
  );
}
