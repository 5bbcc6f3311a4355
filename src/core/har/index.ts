/** HAR 1.2 report: build (export) and read (import). Pure: no browser API, runs in the CLI too. */
export { buildHarReport, REPORT_CREATOR } from './build';
export { readHar, type ReadHarOptions, type ReadHarResult } from './read';
export { HarReadError, DEFAULT_MAX_BYTES, type HarReadErrorKind } from './read-errors';
export { REDACTED, SENSITIVE_HEADERS, isSensitiveHeader } from './redact';
export { reportFileName } from './file-name';
export type * from './types';
