/** `--json`: the verdicts as one JSON document (pretty-printed, safe for the terminal). */
import type { EndpointCost, Finding, Words } from '../core/cli-api';
import { spokenFinding } from './lang';
import type { Row } from './rows';
import { cleanJson } from './terminal';
import type { Counts } from './verdicts';

interface JsonInput {
  file: string;
  creator: { name: string; version: string };
  rows: readonly Row[];
  counts: Counts;
  warnings: readonly string[];
  /** Findings and preflight cost: written only when there is at least one finding (else the output is unchanged). */
  findings?: readonly Finding[];
  cost?: readonly EndpointCost[];
}

/**
 * The whole JSON output, ending with a newline. Machine fields (verdict, code, finding ids…) are the same in
 * every language; the sentences (headline, summary, a finding's words) are in `lang`'s.
 */
export function jsonReport({ file, creator, rows, counts, warnings, findings = [], cost = [] }: JsonInput, w: Words): string {
  const lang = w.lang;
  const json = findings.length === 0
    ? { file, creator, lang, counts, exchanges: rows.map((r) => r.record), warnings }
    : { file, creator, lang, counts, exchanges: rows.map((r) => r.record), findings: findings.map((f) => spokenFinding(w, f)), cost, warnings };
  return `${cleanJson(JSON.stringify(json, null, 2))}\n`;
}
