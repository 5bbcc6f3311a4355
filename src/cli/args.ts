/**
 * The command line's arguments: `cors-lens <file.har> [--json] [--fail-on <severity>]`, `-h` / `--help`, and
 * `cors-lens probe <url> [--origin <allowed>] [--json] [--fail-on <severity>] [--timeout <ms>]`.
 */
import { SEVERITY_ORDER } from '../core/cli-api';
import type { Severity } from '../core/cli-api';
import { EXIT_OK } from './verdicts';
import type { ExitStatus } from './verdicts';

export const USAGE = `Usage: cors-lens <file.har> [--json] [--fail-on <high|medium|low|info>]
       cors-lens probe <url> [--origin <allowed origin>] [--json] [--fail-on <severity>] [--timeout <ms>]

Classifies each request of a HAR file as the browser's CORS check did:
simple, preflighted, blocked (with Chromium's CORS error code and the reason),
same-origin, no-cors, network-error, pending or inconclusive. Then names what
passed but is configured dangerously or wastefully (findings: severity, id,
endpoint, what was seen and the fix) and the preflight cost per endpoint.

Options:
  --json               print the verdicts (and findings, cost) as JSON instead of a table
  --fail-on <severity> exit 3 when a finding is at or above this severity
                       (high, medium, low or info); without it findings never change the exit status
  -h, --help           show this help

Exit status:
  0  no request was blocked by CORS (and no finding at or above --fail-on)
  1  at least one request was blocked by CORS
  2  the file could not be read (missing, not JSON, not a HAR, too large) or bad usage
  3  nothing was blocked, but a finding is at or above --fail-on
     (precedence: 2, then 1, then 3: a blocked request is reported as 1 even when findings match too)

Probe (opt-in; only for servers your team owns or may test):
  cors-lens probe <url> sends the requests a CORS scanner would, straight from Node
  (the extension itself never sends a request): forged Origins (an unrelated origin,
  null, prefix and suffix look-alikes of the allowed origin, unescaped-dot look-alikes,
  an http:// downgrade, a random subdomain, backtick and underscore tricks), each as a
  simple GET and as a preflighted GET (custom header X-Requested-With), without and
  with credentials (a Cookie the probe makes up). Only GET and OPTIONS are sent.
  Look-alikes a browser could not send (of an IP address, or with a port) are skipped.
  Each answer is judged by the same core as a HAR file (its findings are printed), and
  every forged origin the server let in is listed: medium, high when credentials are
  shared with it too (nobody owns a forged origin; the subdomain is made up).
  --origin <origin>    the origin the server is meant to trust (look-alikes are made from it);
                       default: the target's own origin
  --timeout <ms>       per request (default 10000)
  --fail-on <severity> default medium for the probe
  Exit status: 0 nothing at or above --fail-on, 3 a finding or a forged origin let in
  at or above it, 2 bad usage, an unreachable host or a timeout.

Examples:
  npx cors-lens session.har
  npx cors-lens playwright-recording.har --json > verdicts.json
  npx cors-lens session.har --fail-on medium
  npx cors-lens probe https://api.example.com/v1/items --origin https://app.example.com`;

interface CliArgs {
  json: boolean;
  help: boolean;
  /** The first argument that is not an option (`-` alone counts as a file name). */
  file: string | null;
  /** Unknown options and every file name after the first, in order. */
  unknown: string[];
  /** `--fail-on`: findings at or above it fail the run (absent when not given). */
  failOn?: Severity;
  /** A value an option needs that is missing or wrong, in words (absent when all is well). */
  problem?: string;
  /** `--origin` (probe only). */
  origin?: string;
  /** `--timeout` in ms (probe only). */
  timeoutMs?: number;
}

const isSeverity = (s: string): s is Severity => (SEVERITY_ORDER as readonly string[]).includes(s);

/** Options with a value, as `--name value` or `--name=value`. */
const VALUED = ['--fail-on', '--origin', '--timeout'] as const;
type Valued = (typeof VALUED)[number];

function setValue(args: CliArgs, name: Valued, value: string | undefined): void {
  if (value === undefined || value === '') {
    args.problem ??= `${name} needs a value`;
    return;
  }
  if (name === '--fail-on') {
    if (isSeverity(value)) args.failOn = value;
    else args.problem ??= `--fail-on takes high, medium, low or info, not ${JSON.stringify(value)}`;
  } else if (name === '--origin') {
    args.origin = value;
  } else {
    const ms = /^[0-9]{1,7}$/.test(value) ? Number(value) : NaN;
    if (ms >= 1) args.timeoutMs = ms;
    else args.problem ??= `--timeout takes a number of milliseconds (1 to 9999999), not ${JSON.stringify(value)}`;
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

/** What every command answers before its own work: `help` for --help, a usage error's words, or null. */
function usageOf(args: CliArgs): 'help' | string | null {
  if (args.help) return 'help';
  if (args.unknown.length > 0) return `unknown argument ${args.unknown.join(' ')}`;
  if (args.problem !== undefined) return args.problem;
  return null;
}

/**
 * What every command answers before its own work: --help (USAGE on `out`, exit 0) or a usage error (its
 * words and USAGE through the command's `fail`); null when the command goes on.
 */
export function answerUsage(args: CliArgs, io: { out(text: string): void }, fail: (message: string) => ExitStatus): ExitStatus | null {
  const usage = usageOf(args);
  if (usage === 'help') {
    io.out(`${USAGE}\n`);
    return EXIT_OK;
  }
  return usage === null ? null : fail(`${usage}\n\n${USAGE}`);
}
