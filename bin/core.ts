/** What the command line uses from the core, loaded through tsx by cors-lens.mjs. */
export { classify } from '../src/core/classify/classify';
export { readHar, HarReadError, DEFAULT_MAX_BYTES } from '../src/core/har';
export { groupBlocked } from '../src/core/report/summary';
export { neverSent, NOT_SENT } from '../src/core/classify/sent';
