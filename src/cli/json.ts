/** `--json`: the verdicts as one JSON document (pretty-printed, safe for the terminal). */
import type { Row } from './rows';
import { cleanJson } from './terminal';
import type { Counts } from './verdicts';

interface JsonInput {
  file: string;
  creator: { name: string; version: string };
  rows: readonly Row[];
  counts: Counts;
  warnings: readonly string[];
}

/** The whole JSON output, ending with a newline. */
export function jsonReport({ file, creator, rows, counts, warnings }: JsonInput): string {
  const json = { file, creator, counts, exchanges: rows.map((r) => r.record), warnings };
  return `${cleanJson(JSON.stringify(json, null, 2))}\n`;
}
