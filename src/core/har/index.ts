/** HAR 1.2 report: build (export) and read (import). Pure: no browser API, runs in the CLI too. */
export { buildHarReport } from './write/build';
export { readHar, type ReadHarResult } from './read/read';
export { HarReadError, DEFAULT_MAX_BYTES } from './read/errors';
export { REDACTED } from './write/redact';
export { reportFileName } from './write/file-name';
export type * from './types';
