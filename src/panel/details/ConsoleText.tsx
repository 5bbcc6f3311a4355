import type { Exchange } from '../../core/model/exchange';
import type { Reason, Verdict } from '../../core/model/verdict';
import { chromeConsoleLead, chromeConsoleLine } from '../../core/reasons';
import { mdnFor } from '../../core/i18n/mdn';
import { clipText } from '../../ui/long-text';
import { LongMarker, LongText } from '../../ui/LongText';
import { t, uiLang } from '../../ui/i18n';
import { say } from '../text';

/** "CORSMissingAllowOrigin" from …/CORS/Errors/CORSMissingAllowOrigin. */
function mdnTitle(url: string): string {
  const last = url.replace(/[#?].*$/, '').split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : url;
}

/**
 * The Chrome line, its start drawn and the whole on request: the message is clipped before it is joined to
 * the lead, since the joined string would be copied whole (10 MB for a 10 MB header) at its first read.
 * Chrome prints it in English whatever its language, so it is shown in English (and marked so).
 */
function ChromeLine({ exchange, verdict, reason }: { exchange: Exchange; verdict: Verdict; reason: Reason }) {
  const lead = chromeConsoleLead(exchange, verdict);
  const message = clipText(reason.chromeMessage);
  if (!message.cut) return <>{lead + reason.chromeMessage}</>;
  return (
    <>
      {lead + message.text}
      <LongMarker whole={() => chromeConsoleLine(exchange, verdict, reason)} length={lead.length + reason.chromeMessage.length} name={t('panel_name_chrome')} />
    </>
  );
}

/** A link to MDN in the page's language when MDN has that page; else the English page, said to be English. */
export function MdnLink({ url, children }: { url: string; children: string }) {
  const lang = uiLang.value;
  const page = mdnFor(url, lang);
  return (
    <>
      <a href={page.url} hreflang={page.lang} target="_blank" rel="noopener noreferrer">{children}</a>
      {page.lang !== lang && <span class="muted small"> {t('panel_mdn_in_english')}</span>}
    </>
  );
}

export function ConsoleText({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const r = verdict.reasons[0];
  if (!r) return null;
  const english = uiLang.value === 'en';
  return (
    <section aria-labelledby="cs-h">
      <h3 id="cs-h">{t('panel_console_title')}</h3>
      <p class="console-label">{t('panel_console_chrome')}{!english && <span class="muted small" data-testid="chrome-english"> {t('panel_console_chrome_english')}</span>}</p>
      <pre class="console console-chrome" lang="en" data-testid="chrome-message"><ChromeLine exchange={exchange} verdict={verdict} reason={r} /></pre>
      {exchange.type === 'xmlhttprequest' && <p class="muted small">{t('panel_console_xhr')}</p>}
      <p class="console-label">{t('panel_console_firefox')}</p>
      {r.firefoxMessage
        ? <pre class="console console-firefox" lang={uiLang.value} data-testid="firefox-message"><LongText value={say(r.firefoxMessage)} name={t('panel_name_firefox')} /></pre>
        : <p class="muted">{t('panel_console_no_firefox')}</p>}
      {r.mdn && <p><MdnLink url={r.mdn}>{t('panel_mdn', { title: mdnTitle(r.mdn) })}</MdnLink></p>}
    </section>
  );
}
