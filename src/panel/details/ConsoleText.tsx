import type { Exchange } from '../../core/model/exchange';
import type { Reason, Verdict } from '../../core/model/verdict';
import { chromeConsoleLead, chromeConsoleLine } from '../../core/reasons';
import { clipText } from '../../ui/long-text';
import { LongMarker, LongText } from '../../ui/LongText';

/** "CORSMissingAllowOrigin" from …/CORS/Errors/CORSMissingAllowOrigin. */
function mdnTitle(url: string): string {
  const last = url.replace(/[#?].*$/, '').split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : url;
}

/**
 * The Chrome line, its start drawn and the whole on request: the message is clipped before it is joined to
 * the lead, since the joined string would be copied whole (10 MB for a 10 MB header) at its first read.
 */
function ChromeLine({ exchange, verdict, reason }: { exchange: Exchange; verdict: Verdict; reason: Reason }) {
  const lead = chromeConsoleLead(exchange, verdict);
  const message = clipText(reason.chromeMessage);
  if (!message.cut) return <>{lead + reason.chromeMessage}</>;
  return (
    <>
      {lead + message.text}
      <LongMarker whole={() => chromeConsoleLine(exchange, verdict, reason)} length={lead.length + reason.chromeMessage.length} name="Chrome message" />
    </>
  );
}

export function ConsoleText({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const r = verdict.reasons[0];
  if (!r) return null;
  return (
    <section aria-labelledby="cs-h">
      <h3 id="cs-h">What the browser consoles say</h3>
      <p class="console-label">Chrome</p>
      <pre class="console console-chrome" data-testid="chrome-message"><ChromeLine exchange={exchange} verdict={verdict} reason={r} /></pre>
      {exchange.type === 'xmlhttprequest' && <p class="muted small">An XMLHttpRequest says “XMLHttpRequest” where a fetch says “fetch”.</p>}
      <p class="console-label">Firefox</p>
      {r.firefoxMessage
        ? <pre class="console console-firefox" data-testid="firefox-message"><LongText value={r.firefoxMessage} name="Firefox message" /></pre>
        : <p class="muted">Firefox has no message of its own for this failure.</p>}
      {r.mdn && <p><a href={r.mdn} target="_blank" rel="noreferrer noopener">MDN: {mdnTitle(r.mdn)}</a></p>}
    </section>
  );
}
