/**
 * The shape of one finding module (src/core/findings/rules/<id>.ts): its id, its words as plain data
 * (RuleTexts), the pages to read, and its detection with its severity logic. A rule that needs one
 * exchange implements `detect`; a rule that needs the whole log implements `detectLog`.
 */
import type { EntryContext } from './context';
import type { LogIndex } from './log-index';
import type { Detection, FindingId, LearnMore, RuleTexts } from './types';
import type { EndpointCost } from './cost';

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

/** Pages the rules point to (one home for each address). */
export const PAGES = {
  mdnAcao: { title: 'MDN: Access-Control-Allow-Origin', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin' },
  mdnAcac: { title: 'MDN: Access-Control-Allow-Credentials', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Credentials' },
  mdnAcam: { title: 'MDN: Access-Control-Allow-Methods', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Methods' },
  mdnAcah: { title: 'MDN: Access-Control-Allow-Headers', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Headers' },
  mdnMaxAge: { title: 'MDN: Access-Control-Max-Age', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Max-Age' },
  mdnVary: { title: 'MDN: Vary', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Vary' },
  mdnCors: { title: 'MDN: Cross-Origin Resource Sharing (CORS)', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS' },
  portswigger: { title: 'PortSwigger Web Security Academy: CORS', url: 'https://portswigger.net/web-security/cors' },
  portswiggerResearch: { title: 'PortSwigger Research: Exploiting CORS misconfigurations', url: 'https://portswigger.net/research/exploiting-cors-misconfigurations-for-bitcoins-and-bounties' },
  owaspWstg: { title: 'OWASP WSTG-CLNT-07: Testing Cross Origin Resource Sharing', url: 'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/11-Client-side_Testing/07-Testing_Cross_Origin_Resource_Sharing' },
  psl: { title: 'Public Suffix List', url: 'https://publicsuffix.org/' },
  pna: { title: 'WICG: Private Network Access', url: 'https://wicg.github.io/private-network-access/' },
} as const satisfies Record<string, LearnMore>;
