import type { Exchange } from '../core/model';
import type { Reason, Verdict } from '../core/verdict';
import { LongText } from '../ui/LongText';

/** What Chromium calls the initiator kind in its console line (webRequest cannot tell fetch from XHR). */
function kindWord(x: Exchange): string {
  switch (x.type) {
    case 'font': return 'font';
    case 'script': return 'script';
    case 'image': return 'image';
    case 'stylesheet': return 'CSS stylesheet';
    case 'media': return 'media';
    default: return 'fetch';
  }
}

/** "CORSMissingAllowOrigin" from …/CORS/Errors/CORSMissingAllowOrigin. */
function mdnTitle(url: string): string {
  const last = url.replace(/[#?].*$/, '').split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : url;
}

export function chromeLine(x: Exchange, v: Verdict, r: Reason): string {
  const finalUrl = x.redirects.length ? x.redirects[x.redirects.length - 1]!.location : x.url;
  const redirected = x.redirects.length ? ` (redirected from '${x.url}')` : '';
  return `Access to ${kindWord(x)} at '${finalUrl}'${redirected} from origin '${v.origin ?? 'null'}' has been blocked by CORS policy: ${r.chromeMessage}`;
}

export function ConsoleText({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const r = verdict.reasons[0];
  if (!r) return null;
  return (
    <section aria-labelledby="cs-h">
      <h3 id="cs-h">What the browser consoles say</h3>
      <p class="console-label">Chrome</p>
      <pre class="console console-chrome" data-testid="chrome-message"><LongText value={chromeLine(exchange, verdict, r)} name="Chrome message" /></pre>
      {exchange.type === 'xmlhttprequest' && <p class="muted small">An XMLHttpRequest says “XMLHttpRequest” where a fetch says “fetch”.</p>}
      <p class="console-label">Firefox</p>
      {r.firefoxMessage
        ? <pre class="console console-firefox" data-testid="firefox-message"><LongText value={r.firefoxMessage} name="Firefox message" /></pre>
        : <p class="muted">Firefox has no message of its own for this failure.</p>}
      {r.mdn && <p><a href={r.mdn} target="_blank" rel="noreferrer noopener">MDN: {mdnTitle(r.mdn)}</a></p>}
    </section>
  );
}
