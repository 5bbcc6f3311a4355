#!/usr/bin/env node
/**
 * cors-lens <file.har> [--json]
 *
 * Classifies every request of a HAR file (Chrome DevTools' export, Playwright's recordHar, a CORS
 * Lens report…) with the same core as the extension and prints what the browser decided and why.
 * Exit status: 0 nothing blocked, 1 at least one request blocked by CORS, 2 unreadable input or usage.
 *
 * The core is TypeScript; it is loaded through tsx (a dev dependency), so this runs from a clean
 * clone after `npm ci` with no build step: `npx cors-lens report.har`.
 */
import { readFile, stat } from 'node:fs/promises';

const USAGE = `Usage: cors-lens <file.har> [--json]

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

const EXIT_OK = 0;
const EXIT_BLOCKED = 1;
const EXIT_UNREADABLE = 2;

function fail(message, code = EXIT_UNREADABLE) {
  process.stderr.write(`cors-lens: ${message}\n`);
  process.exitCode = code;
}

function parseArgs(argv) {
  const args = { json: false, help: false, file: null, unknown: [] };
  for (const a of argv) {
    if (a === '--json') args.json = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else if (a.startsWith('-') && a !== '-') args.unknown.push(a);
    else if (args.file === null) args.file = a;
    else args.unknown.push(a);
  }
  return args;
}

async function loadCore() {
  try {
    const { tsImport } = await import('tsx/esm/api');
    return await tsImport('./core.ts', import.meta.url);
  } catch (err) {
    if (err && (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'MODULE_NOT_FOUND') && String(err.message).includes('tsx')) {
      throw new Error('the classifier needs the dev dependency "tsx": run `npm ci` in the cors-lens checkout first.', { cause: err });
    }
    throw err;
  }
}

async function checkInput(file) {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw new Error(err.code === 'ENOENT' ? `${file}: no such file.` : `${file}: ${err.message}`, { cause: err });
  }
  if (info.isDirectory()) throw new Error(`${file} is a directory, not a HAR file.`);
  return info;
}

async function readInput(file, info, maxBytes) {
  if (info.size > maxBytes) {
    throw new Error(`${file} is ${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is ${(maxBytes / 1024 / 1024).toFixed(1)} MB. Record a shorter session or filter the HAR first.`);
  }
  return readFile(file, 'utf8');
}

/** The final status of an exchange, or what stands for it (the panel's words for a request never sent). */
function statusOf(x, v, core) {
  if (core.neverSent(x, v)) return core.NOT_SENT;
  if (x.response && x.response.status > 0) return String(x.response.status);
  if (x.outcome.state === 'failed') return '(failed)';
  if (x.outcome.state === 'pending') return '(pending)';
  return '—';
}

function row(x, v, core) {
  const reason = v.reasons[0];
  return {
    id: x.id,
    method: x.method,
    url: x.url,
    finalUrl: x.redirects.length > 0 ? x.redirects[x.redirects.length - 1].location : x.url,
    status: x.response ? x.response.status : null,
    error: x.outcome.state === 'failed' ? x.outcome.error : null,
    verdict: v.kind,
    headline: v.headline,
    code: reason ? reason.code : null,
    summary: reason ? reason.summary : null,
    reasons: v.reasons.map((r) => ({ code: r.code, firefox: r.firefox, mdn: r.mdn, header: r.header, received: r.received, expected: r.expected, summary: r.summary })),
    preflight: { required: v.preflight.required, observed: v.preflight.observed, cached: v.preflight.cached },
    credentials: v.credentials.mode,
    origin: v.origin,
    sent: !core.neverSent(x, v),
    statusText: statusOf(x, v, core),
  };
}

/**
 * Characters from the file that would act on the terminal instead of being shown: C0/C1 controls
 * (escape sequences), line separators and the bidirectional overrides (U+202E turns text around).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same minus C0 controls, which JSON.stringify escapes itself (and its own line breaks must stay). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escaped = (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
/** Text from the file for the terminal: every unsafe character shown as a visible `\uXXXX`. */
const clean = (s) => String(s).replace(UNSAFE, escaped);
/** A short column (the method): cleaned and cut, so one huge value cannot widen every row. */
const short = (s, max = 24) => {
  const text = clean(s);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

function table(rows) {
  const head = ['#', 'METHOD', 'STATUS', 'VERDICT', 'URL'];
  const cells = rows.map((r, i) => [String(i + 1), short(r.method), r.statusText, r.verdict, clean(r.url)]);
  const widths = head.map((h, c) => Math.max(h.length, ...cells.slice(0, 5000).map((row) => (c < 4 ? row[c].length : 0))));
  const line = (cols) => cols.map((col, c) => (c < 4 ? col.padEnd(widths[c]) : col)).join('  ').trimEnd();
  const indent = ' '.repeat(widths[0] + 2);
  const out = [line(head)];
  rows.forEach((r, i) => {
    out.push(line(cells[i]));
    if (r.verdict === 'blocked' || r.verdict === 'network-error' || r.verdict === 'inconclusive') {
      out.push(`${indent}${r.code ? `${r.code}: ` : ''}${clean(r.code ? r.summary : r.headline)}`);
    }
  });
  return out.join('\n');
}

const KINDS = ['blocked', 'network-error', 'inconclusive', 'preflighted', 'simple', 'no-cors', 'same-origin', 'pending'];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.unknown.length > 0) return fail(`unknown argument ${args.unknown.join(' ')}\n\n${USAGE}`);
  if (!args.file) return fail(`no HAR file given.\n\n${USAGE}`);

  let info;
  let core;
  try {
    info = await checkInput(args.file);
    core = await loadCore();
  } catch (err) {
    return fail(err.message);
  }
  let result;
  try {
    const text = await readInput(args.file, info, core.DEFAULT_MAX_BYTES);
    result = core.readHar(text);
  } catch (err) {
    return fail(err && err.name === 'HarReadError' ? `${args.file}: ${err.message}` : err.message);
  }

  const rows = result.exchanges.map((x) => row(x, core.classify(x), core));
  const counts = Object.fromEntries(KINDS.map((k) => [k, rows.filter((r) => r.verdict === k).length]));
  for (const w of result.warnings) process.stderr.write(`cors-lens: warning: ${clean(w)}\n`);

  if (args.json) {
    const json = {
      file: args.file,
      creator: result.creator,
      counts,
      exchanges: rows.map(({ statusText: _statusText, ...r }) => r),
      warnings: result.warnings,
    };
    // Only strings can hold these characters, so escaping them keeps the JSON valid and equal.
    process.stdout.write(`${JSON.stringify(json, null, 2).replace(UNSAFE_IN_JSON, escaped)}\n`);
  } else {
    const by = result.creator.name === 'unknown' ? '' : ` (written by ${clean(result.creator.name)} ${clean(result.creator.version)})`.replace(/ \)$/, ')');
    process.stdout.write(`${clean(args.file)}: ${rows.length} request${rows.length === 1 ? '' : 's'}${by}\n\n`);
    if (rows.length > 0) process.stdout.write(`${table(rows)}\n\n`);
    const parts = KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
    process.stdout.write(`${parts.length ? parts.join(', ') : 'nothing to classify'}\n`);
    if (counts.blocked > 0) process.stdout.write(`${counts.blocked} request${counts.blocked === 1 ? ' was' : 's were'} blocked by CORS.\n`);
  }
  process.exitCode = counts.blocked > 0 ? EXIT_BLOCKED : EXIT_OK;
}

main().catch((err) => fail(`unexpected error: ${err && err.stack ? err.stack : err}`));
