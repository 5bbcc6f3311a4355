/**
 * The command: read a HAR file, classify every exchange with the core, print a table or JSON, and
 * return the exit status (0 nothing blocked, 1 blocked, 2 unreadable input or bad usage, 3 findings at or
 * above `--fail-on`). `probe <url>` is the active probe (probe/command.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, HarReadError, classify, findingsOf, preflightCost, readHar } from '../core/cli-api';
import type { ReadHarResult } from '../core/cli-api';
import { USAGE, answerUsage, parseArgs } from './args';
import { jsonReport } from './json';
import { rowOf } from './rows';
import { textReport } from './table';
import { clean } from './terminal';
import { EXIT_UNREADABLE, countKinds, exitStatus } from './verdicts';
import { failsOn } from './findings';
import { runProbe } from './probe/command';
import type { ExitStatus } from './verdicts';

/** Where the command writes (process.stdout / process.stderr in main.ts). */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** A failure to read the input, with the message the user sees. */
class InputError extends Error {}

const MB = 1024 * 1024;

async function readInput(file: string, maxBytes: number): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(`${file} is a directory, not a HAR file.`);
    size = info.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException | null)?.code;
    throw new InputError(code === 'ENOENT' ? `${file}: no such file.` : `${file}: ${messageOf(err)}`, { cause: err });
  }
  if (size > maxBytes) {
    throw new InputError(`${file} is ${(size / MB).toFixed(1)} MB; the limit is ${(maxBytes / MB).toFixed(1)} MB. Record a shorter session or filter the HAR first.`);
  }
  return readFile(file, 'utf8');
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export async function run(argv: readonly string[], io: Output): Promise<ExitStatus> {
  const fail = (message: string): ExitStatus => {
    io.err(`cors-lens: ${message}\n`);
    return EXIT_UNREADABLE;
  };
  if (argv[0] === 'probe') return runProbe(argv.slice(1), io);
  const args = parseArgs(argv);
  const answered = answerUsage(args, io, fail);
  if (answered !== null) return answered;
  if (args.origin !== undefined || args.timeoutMs !== undefined) return fail(`--origin and --timeout belong to cors-lens probe\n\n${USAGE}`);
  const file = args.file;
  if (!file) return fail(`no HAR file given.\n\n${USAGE}`);

  let result: ReadHarResult;
  try {
    result = readHar(await readInput(file, DEFAULT_MAX_BYTES));
  } catch (err) {
    return fail(err instanceof HarReadError ? `${file}: ${err.message}` : messageOf(err));
  }

  const entries = result.exchanges.map((exchange) => ({ exchange, verdict: classify(exchange) }));
  const rows = entries.map((e) => rowOf(e.exchange, e.verdict));
  const counts = countKinds(rows.map((r) => r.record.verdict));
  const findings = findingsOf(entries);
  const cost = findings.length > 0 ? preflightCost(entries) : [];
  for (const w of result.warnings) io.err(`cors-lens: warning: ${clean(w)}\n`);
  const report = { file, creator: result.creator, rows, counts, findings, cost };
  io.out(args.json ? jsonReport({ ...report, warnings: result.warnings }) : textReport(report));
  return exitStatus(counts, failsOn(findings, args.failOn));
}
