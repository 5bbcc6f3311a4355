/** Public API of the core: the classifier, its types, the reason catalogue and small helpers. */
export { classify } from './classify/classify';
export type * from './model/exchange';
export type * from './model/verdict';
export { REASONS, reasonDef, mdnUrl } from './reasons';
export { canonicalName, firstHeader, hasHeader, headerValues, joinedHeader, trimHttpWhitespace, utf8Length } from './http/headers';
export { hasUserinfo, isSameOrigin, originOf, stripUserinfo, toOrigin } from './http/origin';
export { isSafelistedMethod, headerUnsafeKind } from './http/safelist';
export { preflightNeed } from './classify/preflight/need';
export { detectMode } from './classify/mode';
export { describeError, errorClass } from './classify/errors';
export { preflightCacheSeconds } from './classify/max-age';
