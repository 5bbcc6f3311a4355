/**
 * `cors-lens probe <url>`: the active probe, opt-in and CLI only (the extension never sends a request). It
 * sends what a CORS scanner would, from Node (which, unlike a page, can put any `Origin` on a request):
 * forged origins (unrelated, `null`, prefix and suffix look-alikes of the allowed origin, unescaped-dot
 * look-alikes, an `http://` downgrade, a random subdomain, backtick and underscore tricks), each as a simple
 * GET and as a preflighted GET (custom header `X-Requested-With`), without and with credentials (a made-up
 * Cookie). Only GET and OPTIONS go out: the probe never asks a server to change anything.
 *
 * Each answer is turned into the Exchange a browser would have recorded for a page on that origin making
 * that request (the headers exactly as sent, the answer's headers exactly as received) and judged by the
 * same core as a HAR file: `classify`, then `findingsOf` over every probe.
 */
import { randomBytes } from 'node:crypto';
import { atLeast, countBySeverity, findingsOf } from '../../core/cli-api';
import type { Severity } from '../../core/cli-api';
import { USAGE, answerUsage, parseArgs } from '../args';
import { failsOn, findingsText, severityCounts } from '../findings';
import type { Output } from '../run';
import { clean, cleanJson, short } from '../terminal';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE } from '../verdicts';
import type { ExitStatus } from '../verdicts';
import { letInOf, probeOne } from './judge';
import type { Entry, Judged, LetIn, ProbeResult } from './judge';
import { probeOrigins } from './origins';
import { ProbeError } from './send';

/** The probe's default threshold: origins a stranger can use are at least `medium`. */
const DEFAULT_FAIL_ON: Severity = 'medium';
const DEFAULT_TIMEOUT_MS = 10_000;

const cell = (j: Judged): string => (j.allowed ? 'allowed' : j.verdict === 'blocked' ? 'blocked' : j.verdict);

function probeTable(results: readonly ProbeResult[]): string {
  const head = ['ORIGIN', 'TRICK', 'SIMPLE', 'SIMPLE+CRED', 'PREFLIGHT', 'PREFLIGHT+CRED'];
  const rows = results.map((r) => [short(r.origin, 64), r.trick, cell(r.simple.omit), cell(r.simple.include), cell(r.preflighted.omit), cell(r.preflighted.include)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export async function runProbe(argv: readonly string[], io: Output): Promise<ExitStatus> {
  const fail = (message: string): ExitStatus => {
    io.err(`cors-lens probe: ${message}\n`);
    return EXIT_UNREADABLE;
  };
  const args = parseArgs(argv);
  const answered = answerUsage(args, io, fail);
  if (answered !== null) return answered;
  if (!args.file) return fail(`no URL given.\n\n${USAGE}`);

  let target: URL;
  try {
    target = new URL(args.file);
  } catch {
    return fail(`${clean(args.file)} is not a URL (give it with its scheme: https://api.example.com/path)`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return fail(`${clean(args.file)}: only http:// and https:// URLs can be probed`);
  target.hash = '';

  let allowed: URL;
  try {
    allowed = new URL(args.origin ?? target.origin);
  } catch {
    return fail(`--origin ${clean(args.origin)} is not an origin (https://app.example.com)`);
  }
  if ((allowed.protocol !== 'http:' && allowed.protocol !== 'https:') || (args.origin !== undefined && allowed.href !== `${allowed.origin}/`)) {
    return fail(`--origin ${clean(args.origin)} is not an origin: a scheme and a host (and a port), no path (https://app.example.com)`);
  }
  const timeoutMs = args.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const failOn = args.failOn ?? DEFAULT_FAIL_ON;
  // Without --origin the target's own origin stands for it: a request from there is same-origin, so not sent.
  const origins = probeOrigins(allowed, randomBytes(4).toString('hex'), args.origin !== undefined);

  const entries: Entry[] = [];
  const results: ProbeResult[] = [];
  let requests = 0;
  try {
    for (const [i, o] of origins.entries()) {
      const one = await probeOne(target, o, i + 1, timeoutMs, entries);
      results.push(one.result);
      requests += one.requests;
    }
  } catch (err) {
    if (err instanceof ProbeError) return fail(`${clean(target.href)}: ${clean(err.message)}`);
    throw err;
  }

  const findings = findingsOf(entries, { browser: 'chromium' });
  const letIn = results.map(letInOf).filter((l): l is LetIn => l !== null);
  const failed = failsOn(findings, failOn) || letIn.some((l) => atLeast(l.severity, failOn));
  if (args.json) {
    const json = {
      target: target.href,
      allowedOrigin: allowed.origin,
      allowedOriginGiven: args.origin !== undefined,
      requests,
      failOn,
      probes: results,
      letIn,
      counts: countBySeverity(findings),
      findings,
    };
    io.out(`${cleanJson(JSON.stringify(json, null, 2))}\n`);
    return failed ? EXIT_FINDINGS : EXIT_OK;
  }
  const given = args.origin !== undefined ? `allowed origin ${clean(allowed.origin)}` : `no --origin: look-alikes of the target's own origin ${clean(allowed.origin)}`;
  let out = `cors-lens probe ${clean(target.href)} (${given}): ${results.length} origins, ${requests} requests\n\n`;
  out += `${probeTable(results)}\n\n`;
  const forged = results.filter((r) => r.forged).length;
  if (letIn.length === 0) out += `No forged origin was let in (${forged} tried).\n\n`;
  else {
    out += `Forged origins let in (${letIn.length} of ${forged}):\n`;
    for (const l of letIn) out += `  ${l.severity.padEnd(6)}  ${clean(l.origin)}  (${l.trick}: ${l.with.join(', ')})\n`;
    out += '\n';
  }
  out += findings.length > 0 ? `${findingsText(findings)}\n\n` : 'No findings.\n\n';
  const at = findings.filter((f) => atLeast(f.severity, failOn)).length + letIn.filter((l) => atLeast(l.severity, failOn)).length;
  out += at > 0
    ? `${at} result${at === 1 ? '' : 's'} at or above ${failOn} (${letIn.length} forged origin${letIn.length === 1 ? '' : 's'} let in${findings.length ? `; findings: ${severityCounts(findings)}` : ''}).\n`
    : `Nothing at or above ${failOn}.\n`;
  io.out(out);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
