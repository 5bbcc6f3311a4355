/**
 * The shape of one finding module (src/core/findings/rules/<id>.ts): its id, the variants of its words
 * (RuleTexts; the words are in the catalogues, see messages.ts), the pages to read, and its detection with its severity logic. A rule that needs one
 * exchange implements `detect`; a rule that needs the whole log implements `detectLog`.
 */
import type { EntryContext } from './context';
import type { LogIndex } from './log-index';
import type { Detection, FindingId, LearnMore, RuleTexts } from './types';
import type { EndpointCost } from './cost';
import { fm } from './messages';

interface LogInput {
  contexts: readonly EntryContext[];
  index: LogIndex;
  /** Preflight cost per endpoint (cost.ts), computed once for the rules that need it. */
  cost: () => EndpointCost[];
}

interface RuleBase {
  id: FindingId;
  texts: RuleTexts;
  learnMore: readonly LearnMore[];
}

export interface ExchangeRule extends RuleBase {
  scope: 'exchange';
  detect(ctx: EntryContext, index: LogIndex): Detection[];
}

export interface LogRule extends RuleBase {
  scope: 'log';
  detectLog(input: LogInput): Detection[];
}

export type Rule = ExchangeRule | LogRule;

/** Pages the rules point to (one home for each address; titles in the catalogues, `finding_page_*`). */
export const PAGES = {
  mdnAcao: { title: fm('page_mdn_acao'), url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin' },
  mdnAcac: { title: fm('page_mdn_acac'), url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Credentials' },
  mdnAcam: { title: fm('page_mdn_acam'), url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Methods' },
  mdnAcah: { title: fm('page_mdn_acah'), url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Headers' },
  mdnMaxAge: { title: fm('page_mdn_max_age'), url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Max-Age' },
  mdnVary: { title: fm('page_mdn_vary'), url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Vary' },
  mdnCors: { title: fm('page_mdn_cors'), url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS' },
  portswigger: { title: fm('page_portswigger'), url: 'https://portswigger.net/web-security/cors' },
  portswiggerResearch: { title: fm('page_portswigger_research'), url: 'https://portswigger.net/research/exploiting-cors-misconfigurations-for-bitcoins-and-bounties' },
  owaspWstg: { title: fm('page_owasp_wstg'), url: 'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/11-Client-side_Testing/07-Testing_Cross_Origin_Resource_Sharing' },
  psl: { title: fm('page_psl'), url: 'https://publicsuffix.org/' },
  pna: { title: fm('page_pna'), url: 'https://wicg.github.io/private-network-access/' },
} as const satisfies Record<string, LearnMore>;
