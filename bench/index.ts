/**
 * `npm run bench`: runs every `bench/*.bench.ts` module and prints one table.
 * Each module exports `run(): Promise<BenchRow[]>`. Speed and memory targets live here, not in tests.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export interface BenchRow {
  area: string;
  metric: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. ">= 200000" or "<= 150". */
  target?: string;
  /** Whether the value meets the target (undefined when there is none). */
  ok?: boolean;
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const rows: BenchRow[] = [];
let failures = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run(): Promise<BenchRow[]> };
  process.stderr.write(`bench: ${file}…\n`);
  try {
    rows.push(...(await mod.run()));
  } catch (err) {
    failures++;
    process.stderr.write(`bench: ${file} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  }
}

const fmt = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(4))));
const table = [
  ['area', 'metric', 'value', 'unit', 'target', 'ok'],
  ...rows.map((r) => [r.area, r.metric, fmt(r.value), r.unit, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO']),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, j) => (j === 2 ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!))).join('  ').trimEnd());
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
if (failures > 0) process.exitCode = 1;
