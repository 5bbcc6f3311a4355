/**
 * `cors-lens check <url> --origin <origin>`: one request, asked of a server the way a browser page on that origin
 * would ask it (walk.ts), judged by the same core as a HAR file: the verdict, Chromium's error code, the evidence,
 * the fix and the findings. For servers a team owns: it sends what a browser would, nothing more.
 */
import { classify, findingsOf, fixesFor, wordsFor } from '../../core/cli-api';
import { DEFAULT_TIMEOUT_MS } from '../args';
import { failsOn } from '../findings';
import { cm, langOfEnv, spokenFinding } from '../lang';
import type { Env } from '../lang';
import { rowOf } from '../rows';
import type { Output } from '../run';
import { clean, cleanJson } from '../terminal';
import { EXIT_OK, EXIT_UNREADABLE, countKinds, exitStatus } from '../verdicts';
import type { ExitStatus } from '../verdicts';
import { parseCheckArgs } from './options';
import { checkText } from './text';
import type { Sender } from './walk';
import { walk } from './walk';

const GUESSED_CREDENTIALS = ['note_with_credentials_chrome', 'note_with_credentials_reason'];

export async function runCheck(argv: readonly string[], io: Output, env: Env = {}, sender?: Sender): Promise<ExitStatus> {
  const parsed = parseCheckArgs(argv);
  const w = wordsFor((parsed.kind === 'ok' ? parsed.options.lang : parsed.lang) ?? langOfEnv(env));
  const usage = w.t(cm('check_usage'));
  if (parsed.kind === 'help') {
    io.out(`${usage}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'problem') {
    io.err(`cors-lens check: ${clean(w.t(parsed.msg))}\n\n${usage}\n`);
    return EXIT_UNREADABLE;
  }
  const o = parsed.options;
  const walked = await walk(o, o.timeoutMs ?? DEFAULT_TIMEOUT_MS, sender);
  const x = walked.exchange;
  const judged = classify(x);
  // "Had it been sent with credentials, Chrome would report…": the core cannot know; the check does (--credentials).
  const verdict = o.credentials ? judged : { ...judged, notes: judged.notes.filter((n) => !GUESSED_CREDENTIALS.includes(n.id)) };
  const entries = [{ exchange: x, verdict }];
  const findings = findingsOf(entries, { browser: 'chromium' });
  const fix = fixesFor(x, verdict, { credentials: o.credentials });
  const failOn = o.failOn;
  // A server that did not answer (refused, not found, timeout, TLS, too many redirects): nothing was checked.
  const status: ExitStatus = walked.unreachable !== null || verdict.kind === 'network-error'
    ? EXIT_UNREADABLE
    : exitStatus(countKinds([verdict.kind]), failsOn(findings, failOn));
  if (walked.unreachable !== null) io.err(`cors-lens check: ${clean(w.t(walked.unreachable.msg))}\n`);

  if (o.json) {
    const json = {
      // What was asked (the verdict's own `origin` is the Origin sent where it was decided: `null` once tainted).
      asked: { url: o.url.href, origin: o.origin, method: o.method, credentials: o.credentials ? 'include' : 'same-origin', redirect: o.redirect },
      requests: walked.requests,
      ...rowOf(x, verdict, w).record,
      notes: verdict.notes.map((n) => w.t(n)),
      fix: {
        status: fix.status,
        summary: w.t(fix.summary),
        steps: fix.steps.map((s) => ({ step: s.step, url: s.url, status: s.status ? w.t(s.status) : null, headers: s.headers.map((h) => ({ name: h.name, value: h.value, why: w.t(h.why) })) })),
        notes: fix.notes.map((n) => ({ level: n.level, text: w.t(n.text) })),
      },
      findings: findings.map((f) => spokenFinding(w, f)),
      failOn: failOn ?? null,
      exchange: x,
      lang: w.lang,
    };
    io.out(`${cleanJson(JSON.stringify(json, null, 2))}\n`);
    return status;
  }
  io.out(checkText({ options: o, exchange: x, verdict, fix, findings, requests: walked.requests }, w));
  return status;
}
