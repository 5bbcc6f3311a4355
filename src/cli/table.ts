/** The default output: a heading, a table (method, status, verdict, URL; the reason under each failure), the counts. */
import { VERDICT_KINDS } from '../core/cli-api';
import type { EndpointCost, Finding, VerdictKind, Words } from '../core/cli-api';
import { costText, findingsText } from './findings';
import { cm, kindLabel } from './lang';
import type { Row } from './rows';
import { clean, short } from './terminal';
import type { Counts } from './verdicts';

/** Verdicts that get a second line: the reason code and summary, or the headline when there is no code. */
const EXPLAINED: ReadonlySet<VerdictKind> = new Set<VerdictKind>(['blocked', 'network-error', 'inconclusive']);
/** Column widths are measured on this many rows, so a huge file is not scanned twice. */
const MEASURED_ROWS = 5000;

function table(rows: readonly Row[], w: Words): string {
  const head = ['number', 'method', 'status', 'verdict', 'url'].map((c) => w.t(cm(`col_${c}`)));
  const cells = rows.map((r, i) => [String(i + 1), short(r.record.method), r.statusText, kindLabel(w, r.record.verdict), clean(r.record.url)]);
  const widths = head.map((h, c) => Math.max(h.length, ...cells.slice(0, MEASURED_ROWS).map((row) => (c < 4 ? (row[c] ?? '').length : 0))));
  const line = (cols: string[]): string => cols.map((col, c) => (c < 4 ? col.padEnd(widths[c] ?? 0) : col)).join('  ').trimEnd();
  const indent = ' '.repeat((widths[0] ?? 0) + 2);
  const out = [line(head)];
  rows.forEach(({ record: r }, i) => {
    out.push(line(cells[i] ?? []));
    if (EXPLAINED.has(r.verdict)) out.push(`${indent}${r.code ? `${r.code}: ` : ''}${clean(r.code ? r.summary : r.headline)}`);
  });
  return out.join('\n');
}

interface TextInput {
  file: string;
  creator: { name: string; version: string };
  rows: readonly Row[];
  counts: Counts;
  /** Printed after the verdicts, with the preflight cost, only when there is at least one finding. */
  findings?: readonly Finding[];
  cost?: readonly EndpointCost[];
}

/** The whole text output in the language of `w`, ending with a newline. */
export function textReport({ file, creator, rows, counts, findings = [], cost = [] }: TextInput, w: Words): string {
  const by = creator.name === 'unknown' ? '' : w.t(cm('written_by', { name: `${clean(creator.name)} ${clean(creator.version)}`.trimEnd() }));
  let out = `${w.t(cm('heading', { file: clean(file), count: rows.length, by }))}\n\n`;
  if (rows.length > 0) out += `${table(rows, w)}\n\n`;
  if (findings.length > 0) {
    out += `${findingsText(findings, w)}\n\n`;
    if (cost.length > 0) out += `${costText(cost, w)}\n\n`;
  }
  const parts = VERDICT_KINDS.filter((k) => counts[k] > 0).map((k) => w.t(cm(`count_${k.replace(/-/g, '_')}`, { count: counts[k] })));
  out += `${parts.length ? parts.join(', ') : w.t(cm('nothing'))}\n`;
  if (counts.blocked > 0) out += `${w.t(cm('blocked_total', { count: counts.blocked }))}\n`;
  return out;
}
