/**
 * The command line's arguments: `cors-lens <file.har> [--json] [--fail-on <severity>] [--lang <en|fr>]`, `-h` / `--help`, and
 * `cors-lens probe <url> [--origin <allowed>] [--json] [--fail-on <severity>] [--timeout <ms>]`.
 * `cors-lens check <url>` has options of its own (a method, headers, credentials) and parses them in check/options.ts.
 */
import { SEVERITY_ORDER } from '../core/cli-api';
import type { Severity } from '../core/cli-api';
import { LANGS } from '../core/cli-api';
import type { Lang, Msg, Words } from '../core/cli-api';
import { cm } from './lang';
import { EXIT_OK } from './verdicts';
import type { ExitStatus } from './verdicts';

/** The --help text in the reader's language (the `cli_usage` message). */
export const usage = (w: Words): string => w.t(cm('usage'));

interface CliArgs {
  json: boolean;
  help: boolean;
  /** The first argument that is not an option (`-` alone counts as a file name). */
  file: string | null;
  /** Unknown options and every file name after the first, in order. */
  unknown: string[];
  /** `--fail-on`: findings at or above it fail the run (absent when not given). */
  failOn?: Severity;
  /** A value an option needs that is missing or wrong, as a message (absent when all is well). */
  problem?: Msg;
  /** `--lang`: the language of the output (absent: the environment's). */
  lang?: Lang;
  /** `--origin` (probe only). */
  origin?: string;
  /** `--timeout` in ms (probe only). */
  timeoutMs?: number;
}

export const isSeverity = (s: string): s is Severity => (SEVERITY_ORDER as readonly string[]).includes(s);
export const isLang = (s: string): s is Lang => (LANGS as readonly string[]).includes(s);
/** `--timeout` when none is given (probe and check). */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** `--timeout`'s value in ms (1 to 9,999,999, digits only), or null when it is not one. */
export function timeoutOf(value: string): number | null {
  const ms = /^[0-9]{1,7}$/.test(value) ? Number(value) : NaN;
  return ms >= 1 ? ms : null;
}

/** Options with a value, as `--name value` or `--name=value`. */
const VALUED = ['--fail-on', '--origin', '--timeout', '--lang'] as const;
type Valued = (typeof VALUED)[number];

function setValue(args: CliArgs, name: Valued, value: string | undefined): void {
  if (value === undefined || value === '') {
    args.problem ??= cm('error_needs_value', { option: name });
    return;
  }
  if (name === '--fail-on') {
    if (isSeverity(value)) args.failOn = value;
    else args.problem ??= cm('error_fail_on', { value: JSON.stringify(value) });
  } else if (name === '--lang') {
    if (isLang(value)) args.lang = value;
    else args.problem ??= cm('error_lang', { value: JSON.stringify(value) });
  } else if (name === '--origin') {
    args.origin = value;
  } else {
    const ms = timeoutOf(value);
    if (ms !== null) args.timeoutMs = ms;
    else args.problem ??= cm('error_timeout', { value: JSON.stringify(value) });
  }
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { json: false, help: false, file: null, unknown: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a) as Valued;
    if (a === '--json') args.json = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else if (VALUED.includes(name)) setValue(args, name, eq > 0 ? a.slice(eq + 1) : argv[++i]);
    else if (a.startsWith('-') && a !== '-') args.unknown.push(a);
    else if (args.file === null) args.file = a;
    else args.unknown.push(a);
  }
  return args;
}

/** What every command answers before its own work: `help` for --help, a usage error's message, or null. */
function usageOf(args: CliArgs): 'help' | Msg | null {
  if (args.help) return 'help';
  if (args.unknown.length > 0) return cm('error_unknown', { args: args.unknown.join(' ') });
  if (args.problem !== undefined) return args.problem;
  return null;
}

/**
 * What every command answers before its own work: --help (the usage on `out`, exit 0) or a usage error (its
 * words and the usage through the command's `fail`), in the language `w`; null when the command goes on.
 */
export function answerUsage(args: CliArgs, w: Words, io: { out(text: string): void }, fail: (message: string) => ExitStatus): ExitStatus | null {
  const answer = usageOf(args);
  if (answer === 'help') {
    io.out(`${usage(w)}\n`);
    return EXIT_OK;
  }
  return answer === null ? null : fail(`${w.t(answer)}\n\n${usage(w)}`);
}
