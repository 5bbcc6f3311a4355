import type { Exchange, Header } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { HeaderTable } from '../../ui/HeaderTable';
import { decidingRequestHeaders, decidingResponseHeaders } from './highlight';

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
    id: `step-preflight-${i}`, title: `Preflight${x.preflights.length > 1 ? ` ${i + 1}` : ''} (OPTIONS)`, url: p.url,
    request: p.requestHeaders, response: p.response?.headers ?? null, step: `preflight:${i}`,
    note: p.response ? `Status ${p.response.status}` : p.error ?? 'No response',
  }));
  x.redirects.forEach((hop, i) => out.push({
    id: `step-redirect-${i}`, title: `Redirect hop ${i + 1}`, url: hop.url,
    request: hop.requestHeaders ?? (i === 0 ? x.requestHeaders : null), response: hop.response.headers, step: `redirect:${i}`,
    note: `Status ${hop.response.status} → ${hop.location}`,
  }));
  const finalUrl = x.redirects.length ? x.redirects[x.redirects.length - 1]!.location : x.url;
  out.push({
    id: 'step-request', title: `Request (${x.method})`, url: finalUrl,
    request: x.redirects.length === 0 ? x.requestHeaders : null, response: x.response?.headers ?? null, step: 'response',
    note: x.response ? `Status ${x.response.status}${x.response.fromCache ? ' (from cache)' : ''}` : undefined,
  });
  return out;
}

export function StepHeaders({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const reqHot = decidingRequestHeaders(verdict);
  return (
    <section aria-labelledby="hd-h">
      <h3 id="hd-h">Headers</h3>
      {blocks(exchange).map((b) => (
        <details key={b.id} id={b.id} class="step-headers" open>
          <summary>{b.title} <span class="muted">{b.url}</span>{b.note && <span class="muted"> · {b.note}</span>}</summary>
          <h4>Request headers</h4>
          {b.request === null
            ? <p class="muted">Not recorded for this step.</p>
            : <HeaderTable headers={b.request} caption={`${b.title} request headers`} highlight={reqHot} />}
          <h4>Response headers</h4>
          {b.response === null
            ? <p class="muted">No response headers were received.</p>
            : <HeaderTable headers={b.response} caption={`${b.title} response headers`} highlight={decidingResponseHeaders(verdict, b.step)} />}
        </details>
      ))}
    </section>
  );
}
