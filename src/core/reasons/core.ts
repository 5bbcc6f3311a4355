/**
 * The one door from `reasons/` to the rest of `src/core`. The lint rule's `../*` pattern exists to
 * stop imports that leave `src/core`; these stay inside it, so the rule is switched off here only.
 */
/* eslint-disable no-restricted-imports */
export type { CorsErrorCode, Reason, StepRef } from '../verdict';
export type { AddressSpace } from '../address-space';
export type { ParsedList } from '../tokens';
export type { RequestMode } from '../mode';
export { hasUserinfo, isSameOrigin, stripUserinfo } from '../origin';
export { isSafelistedMethod } from '../safelist';
export { parseUrl } from '../url';
