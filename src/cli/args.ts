/** The command line's arguments: `cors-lens <file.har> [--json]`, `-h` / `--help`. */

export const USAGE = `Usage: cors-lens <file.har> [--json]

Classifies each request of a HAR file as the browser's CORS check did:
simple, preflighted, blocked (with Chromium's CORS error code and the reason),
same-origin, no-cors, network-error, pending or inconclusive.

Options:
  --json      print the verdicts as JSON instead of a table
  -h, --help  show this help

Exit status:
  0  no request was blocked by CORS
  1  at least one request was blocked by CORS
  2  the file could not be read (missing, not JSON, not a HAR, too large) or bad usage

Examples:
  npx cors-lens session.har
  npx cors-lens playwright-recording.har --json > verdicts.json`;

interface CliArgs {
  json: boolean;
  help: boolean;
  /** The first argument that is not an option (`-` alone counts as a file name). */
  file: string | null;
  /** Unknown options and every file name after the first, in order. */
  unknown: string[];
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { json: false, help: false, file: null, unknown: [] };
  for (const a of argv) {
    if (a === '--json') args.json = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else if (a.startsWith('-') && a !== '-') args.unknown.push(a);
    else if (args.file === null) args.file = a;
    else args.unknown.push(a);
  }
  return args;
}
