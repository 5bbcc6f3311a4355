/**
 * The extension's entry to the core: what the panel's what-if judge imports, plus the model's types. The
 * command line has its own entry (cli-api.ts); other modules are imported from their folders.
 */
export { classify } from './classify/classify';
export type * from './model/exchange';
export type * from './model/verdict';
export { reasonDef } from './reasons';
export { firstHeader } from './http/headers';
export { preflightNeed } from './classify/preflight/need';
export { errorClass } from './classify/errors';
// Messages and their rendering: the surfaces import them from here (one place for the panel and popup).
export { m, isMsg } from './i18n/msg';
export type { Msg } from './i18n/msg';
export { EN } from './i18n/catalogues';
export type { Words } from './i18n/words';
