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
import { atLeast, countBySeverity, findingsOf, wordsFor } from '../../core/cli-api';
import type { Severity, Words } from '../../core/cli-api';
import { DEFAULT_TIMEOUT_MS, answerUsage, parseArgs, usage } from '../args';
import { failsOn, findingsText, severityCounts, severityLabel } from '../findings';
import { cm, kindLabel, langOfEnv, spokenFinding } from '../lang';
import type { Env } from '../lang';
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

const cell = (j: Judged, w: Words): string => (j.allowed ? w.t(cm('probe_allowed')) : kindLabel(w, j.verdict));

/** A way a forged origin got in ("simple with credentials"), as the JSON names it, in the reader's language. */
const withLabel = (w: Words, way: string): string =>
  w.t(cm(`probe_with_${way.replace(' with credentials', '_cred')}`));

function probeTable(results: readonly ProbeResult[], w: Words): string {
  const head = ['origin', 'trick', 'simple', 'simple_cred', 'preflight', 'preflight_cred'].map((c) => w.t(cm(`probe_col_${c}`)));
  const rows = results.map((r) => [short(r.origin, 64), r.trick, cell(r.simple.omit, w), cell(r.simple.include, w), cell(r.preflighted.omit, w), cell(r.preflighted.include, w)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export async function runProbe(argv: readonly string[], io: Output, env: Env = {}): Promise<ExitStatus> {
  const fail = (message: string): ExitStatus => {
    io.err(`cors-lens probe: ${message}\n`);
    return EXIT_UNREADABLE;
  };
  const args = parseArgs(argv);
  const w = wordsFor(args.lang ?? langOfEnv(env));
  const answered = answerUsage(args, w, io, fail);
  if (answered !== null) return answered;
  if (!args.file) return fail(`${w.t(cm('probe_error_no_url'))}\n\n${usage(w)}`);

  let target: URL;
  try {
    target = new URL(args.file);
  } catch {
    return fail(w.t(cm('probe_error_not_url', { url: clean(args.file) })));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return fail(w.t(cm('probe_error_scheme', { url: clean(args.file) })));
  target.hash = '';

  let allowed: URL;
  try {
    allowed = new URL(args.origin ?? target.origin);
  } catch {
    return fail(w.t(cm('probe_error_origin', { origin: clean(args.origin) })));
  }
  if ((allowed.protocol !== 'http:' && allowed.protocol !== 'https:') || (args.origin !== undefined && allowed.href !== `${allowed.origin}/`)) {
    return fail(w.t(cm('probe_error_origin_path', { origin: clean(args.origin) })));
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
    if (err instanceof ProbeError) return fail(`${clean(target.href)}: ${clean(w.t(err.msg))}`);
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
      findings: findings.map((f) => spokenFinding(w, f)),
      lang: w.lang,
    };
    io.out(`${cleanJson(JSON.stringify(json, null, 2))}\n`);
    return failed ? EXIT_FINDINGS : EXIT_OK;
  }
  const given = w.t(cm(args.origin !== undefined ? 'probe_given' : 'probe_not_given', { origin: clean(allowed.origin) }));
  let out = `${w.t(cm('probe_heading', { url: clean(target.href), given, origins: results.length, requests }))}\n\n`;
  out += `${probeTable(results, w)}\n\n`;
  const forged = results.filter((r) => r.forged).length;
  if (letIn.length === 0) out += `${w.t(cm('probe_none_let_in', { tried: forged }))}\n\n`;
  else {
    out += `${w.t(cm('probe_let_in', { count: letIn.length, tried: forged }))}\n`;
    for (const l of letIn) out += `  ${severityLabel(w, l.severity).padEnd(7)} ${clean(l.origin)}  (${l.trick}: ${l.with.map((x) => withLabel(w, x)).join(', ')})\n`;
    out += '\n';
  }
  out += findings.length > 0 ? `${findingsText(findings, w)}\n\n` : `${w.t(cm('probe_no_findings'))}\n\n`;
  const at = findings.filter((f) => atLeast(f.severity, failOn)).length + letIn.filter((l) => atLeast(l.severity, failOn)).length;
  const fails = severityLabel(w, failOn);
  out += at > 0
    ? `${w.t(cm('probe_at', { count: at, fail_on: fails, let_in: cm('probe_let_in_count', { count: letIn.length }), findings: findings.length ? cm('probe_findings', { counts: severityCounts(findings, w) }) : '' }))}\n`
    : `${w.t(cm('probe_nothing_at', { fail_on: fails }))}\n`;
  io.out(out);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
