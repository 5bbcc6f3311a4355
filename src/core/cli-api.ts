/**
 * The core as the command line sees it: the one entry `src/cli/` imports (eslint enforces it). It is
 * separate from `index.ts`, the extension's public API, because the CLI needs the HAR reader and the
 * "not sent" helpers that the panel takes from their own modules, and nothing of the UI helpers there.
 */
export { classify } from './classify/classify';
export { readHar, HarReadError, DEFAULT_MAX_BYTES } from './har';
export type { ReadHarResult } from './har';
export { neverSent } from './classify/sent';
export { VERDICT_KINDS } from './model/verdict';
export type { Exchange, Header } from './model/exchange';
export type { CorsErrorCode, CredentialsMode, Reason, Verdict, VerdictKind } from './model/verdict';
export { findingsOf, preflightCost, SEVERITY_ORDER, atLeast, countBySeverity } from './findings';
export type { Finding } from './findings';
export { severityMsg } from './findings/messages';
export type { Severity } from './findings/types';
export type { EndpointCost } from './findings/cost';
export { judgeByHeaders } from './classify/by-headers';
export { originOf } from './http/origin';
export { m } from './i18n/msg';
export type { Msg, MsgValue } from './i18n/msg';
export { pickLang, LANGS } from './i18n/words';
export type { Lang, Words } from './i18n/words';
export { wordsFor } from './i18n/catalogues';
export { notSentLabel } from './classify/sent';
// `cors-lens check`: what the browser sends (the preflight decision, each hop's method and headers), the sites
// for Sec-Fetch-Site, and the fix for the verdict.
export { preflightNeed } from './classify/preflight/need';
export { exchangeSteps } from './classify/steps';
export { hostInfo } from './findings/site';
export { fixesFor } from './fix';
export type { FixSet } from './fix';
export { countsForCors } from './http/browser-headers';
