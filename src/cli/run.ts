/**
 * The command: read a HAR file, classify every exchange with the core, print a table or JSON, and
 * return the exit status (0 nothing blocked, 1 blocked, 2 unreadable input or bad usage, 3 findings at or
 * above `--fail-on`). `probe <url>` is the active probe (probe/command.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, HarReadError, classify, findingsOf, preflightCost, readHar, wordsFor } from '../core/cli-api';
import type { ReadHarResult, Words } from '../core/cli-api';
import { answerUsage, parseArgs, usage } from './args';
import { cm, langOfEnv } from './lang';
import type { Env } from './lang';
import { jsonReport } from './json';
import { rowOf } from './rows';
import { textReport } from './table';
import { clean } from './terminal';
import { EXIT_UNREADABLE, countKinds, exitStatus } from './verdicts';
import { failsOn } from './findings';
import { runProbe } from './probe/command';
import { runCheck } from './check/command';
import type { ExitStatus } from './verdicts';

/** Where the command writes (process.stdout / process.stderr in main.ts). */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** A failure to read the input, with the message the user sees. */
class InputError extends Error {}

const MB = 1024 * 1024;

async function readInput(file: string, maxBytes: number, w: Words): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(w.t(cm('error_directory', { file })));
    size = info.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException | null)?.code;
    throw new InputError(w.t(code === 'ENOENT' ? cm('error_no_such_file', { file }) : cm('error_in_file', { file, error: messageOf(err) })), { cause: err });
  }
  if (size > maxBytes) {
    const mb = (n: number): string => (w.lang === 'fr' ? (n / MB).toFixed(1).replace('.', ',') : (n / MB).toFixed(1));
    throw new InputError(w.t(cm('error_too_large', { file, size: mb(size), max: mb(maxBytes) })));
  }
  return readFile(file, 'utf8');
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Runs the command. `env` holds the locale variables (main.ts passes process.env); without them, and
 * without `--lang`, the words are English. The exit status never depends on the language.
 */
export async function run(argv: readonly string[], io: Output, env: Env = {}): Promise<ExitStatus> {
  const fail = (message: string): ExitStatus => {
    io.err(`cors-lens: ${message}\n`);
    return EXIT_UNREADABLE;
  };
  if (argv[0] === 'probe') return runProbe(argv.slice(1), io, env);
  if (argv[0] === 'check') return runCheck(argv.slice(1), io, env);
  const args = parseArgs(argv);
  const w = wordsFor(args.lang ?? langOfEnv(env));
  const answered = answerUsage(args, w, io, fail);
  if (answered !== null) return answered;
  if (args.origin !== undefined || args.timeoutMs !== undefined) return fail(`${w.t(cm('error_probe_only'))}\n\n${usage(w)}`);
  const file = args.file;
  if (!file) return fail(`${w.t(cm('error_no_file'))}\n\n${usage(w)}`);

  let result: ReadHarResult;
  try {
    result = readHar(await readInput(file, DEFAULT_MAX_BYTES, w), { words: w });
  } catch (err) {
    return fail(err instanceof HarReadError ? w.t(cm('error_in_file', { file, error: err.message })) : messageOf(err));
  }

  const entries = result.exchanges.map((exchange) => ({ exchange, verdict: classify(exchange) }));
  const rows = entries.map((e) => rowOf(e.exchange, e.verdict, w));
  const counts = countKinds(rows.map((r) => r.record.verdict));
  const findings = findingsOf(entries);
  const cost = findings.length > 0 ? preflightCost(entries) : [];
  for (const warning of result.warnings) io.err(`cors-lens: ${w.t(cm('warning', { text: clean(warning) }))}\n`);
  const report = { file, creator: result.creator, rows, counts, findings, cost };
  io.out(args.json ? jsonReport({ ...report, warnings: result.warnings }, w) : textReport(report, w));
  return exitStatus(counts, failsOn(findings, args.failOn));
}
