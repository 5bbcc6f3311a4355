/** HAR 1.2 report: build (export) and read (import). Pure: no browser API, runs in the CLI too. */
export { buildHarReport, REPORT_CREATOR } from './write/build';
export { readHar, type ReadHarOptions, type ReadHarResult } from './read/read';
export { HarReadError, DEFAULT_MAX_BYTES, type HarReadErrorKind } from './read/errors';
export { REDACTED, SENSITIVE_HEADERS, isSensitiveHeader } from './write/redact';
export { reportFileName } from './write/file-name';
export type * from './types';
