/**
 * The per-tab summary shown by the popup and pasted into bug reports: blocked exchanges grouped by
 * endpoint (origin + path of the URL that failed) and reason, worst first, and a Markdown text for
 * the backend team with the failing endpoints, the reasons and the headers that would fix them.
 */
import type { Exchange } from './model';
import type { CorsErrorCode, Reason, Verdict, VerdictKind } from './verdict';

/** Structurally the protocol's `ExchangeEntry`. */
export interface SummaryEntry {
  exchange: Exchange;
  verdict: Verdict;
  seq?: number;
}

export interface BlockedGroup {
  /** `endpoint` + reason code: stable across refreshes (a React-style key). */
  key: string;
  /** Origin + path of the URL where the browser said no, without the query. */
  endpoint: string;
  methods: string[];
  /** Chromium's code for the reason (the first, the one the browser reports); null when unknown. */
  code: CorsErrorCode | null;
  /** The newest exchange's reason, in one sentence. */
  summary: string;
  count: number;
  newest: SummaryEntry;
  lastSeen: number;
}

const ENDPOINT = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/;

/** Origin + path of a URL, without query or fragment (as much of it as parses). */
export function endpointOf(url: string): string {
  const m = ENDPOINT.exec(url);
  if (!m) return url.split(/[?#]/, 1)[0] ?? url;
  return `${m[1]!.toLowerCase()}${m[2] || '/'}`;
}

/** The URL of the step the browser judged: the preflight's, a redirect hop's, or the final one. */
export function failingUrl(x: Exchange, reason: Reason | undefined): string {
  const step = reason?.step;
  if (step?.kind === 'preflight') return x.preflights[step.index]?.url ?? x.url;
  if (step?.kind === 'redirect') return x.redirects[step.index]?.url ?? x.url;
  return x.redirects.at(-1)?.location ?? x.url;
}

const timeOf = (e: SummaryEntry): number => e.exchange.timings.end ?? e.exchange.timings.start;
const newer = (a: SummaryEntry, b: SummaryEntry): boolean =>
  timeOf(a) > timeOf(b) || (timeOf(a) === timeOf(b) && (a.seq ?? 0) > (b.seq ?? 0));

/** Blocked exchanges grouped by endpoint and reason; most frequent first, then most recent. */
export function groupBlocked(entries: readonly SummaryEntry[]): BlockedGroup[] {
  const groups = new Map<string, BlockedGroup>();
  for (const e of entries) {
    if (e.verdict.kind !== 'blocked') continue;
    const reason = e.verdict.reasons[0];
    const endpoint = endpointOf(failingUrl(e.exchange, reason));
    const code = reason?.code ?? null;
    const key = `${endpoint} ${code ?? '?'}`;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        key, endpoint, methods: [e.exchange.method], code, summary: reason?.summary ?? e.verdict.headline, count: 1, newest: e, lastSeen: timeOf(e),
      });
      continue;
    }
    g.count++;
    if (!g.methods.includes(e.exchange.method)) g.methods.push(e.exchange.method);
    if (newer(e, g.newest)) {
      g.newest = e;
      g.lastSeen = timeOf(e);
      g.summary = reason?.summary ?? e.verdict.headline;
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen || a.endpoint.localeCompare(b.endpoint));
}

/** The newest blocked entry (by time, then sequence), or null. */
export function newestBlocked(entries: readonly SummaryEntry[]): SummaryEntry | null {
  let best: SummaryEntry | null = null;
  for (const e of entries) if (e.verdict.kind === 'blocked' && (!best || newer(e, best))) best = e;
  return best;
}

/** "3 seconds ago", "5 minutes ago", "2 hours ago", "just now". */
export function ago(then: number, now: number): string {
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 5) return 'just now';
  const [n, unit] = s < 60 ? [s, 'second'] : s < 3600 ? [Math.round(s / 60), 'minute'] : s < 86_400 ? [Math.round(s / 3600), 'hour'] : [Math.round(s / 86_400), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

/** One sentence about an exchange: "PUT http://api.example/items was blocked 5 seconds ago: <reason>". */
export function describeBlocked(e: SummaryEntry, now: number): string {
  const reason = e.verdict.reasons[0];
  const what = reason ? reason.summary : e.verdict.headline;
  const sentence = `${e.exchange.method} ${endpointOf(failingUrl(e.exchange, reason))} was blocked ${ago(timeOf(e), now)}: ${what}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

export const VERDICT_ORDER: readonly VerdictKind[] = ['blocked', 'network-error', 'inconclusive', 'preflighted', 'simple', 'no-cors', 'same-origin', 'pending'];

/** The part of a FixSet (src/core/fix) the Markdown uses: the headers each step must carry. */
export interface FixLike {
  summary: string;
  steps: { step: 'preflight' | 'redirect' | 'response'; url: string; status: string | null; headers: { name: string; value: string }[] }[];
}

export interface MarkdownInput {
  entries: readonly SummaryEntry[];
  /** The tab's page URL, when known. */
  pageUrl?: string | null;
  /** Verdict counts over everything captured (may cover more than `entries`). */
  counts?: Partial<Record<VerdictKind, number>>;
  total?: number;
  dropped?: number;
  /** "CORS Lens 0.1.0", "Chromium 156": said once at the top. */
  tool?: string;
  browser?: string;
  now: number;
  /** Server fix for a blocked exchange (the fix module's `fixesFor`); omitted: no fix section. */
  fixes?: (exchange: Exchange, verdict: Verdict) => FixLike | null;
  /** At most this many groups are detailed (default 15); the rest are listed by count. */
  maxGroups?: number;
}

/** Inline code that no value can break out of (fence longer than any backtick run inside). */
export function mdCode(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Prose from untrusted input: one line, Markdown and HTML syntax neutralised. */
export function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>#|~!])/g, '\\$1');
}

function fence(lines: string[]): string[] {
  const body = lines.map((l) => l.replace(/[\r\n]+/g, ' '));
  const longest = Math.max(2, ...body.flatMap((l) => (l.match(/`+/g) ?? []).map((r) => r.length)));
  const f = '`'.repeat(longest + 1);
  return [`${f}http`, ...body, f];
}

const LABEL: Record<VerdictKind, string> = {
  blocked: 'blocked', 'network-error': 'network error', inconclusive: 'inconclusive', preflighted: 'preflighted', simple: 'simple',
  'no-cors': 'no-cors', 'same-origin': 'same-origin', pending: 'pending',
};

function countsLine(input: MarkdownInput): string | null {
  if (!input.counts) return null;
  const parts = VERDICT_ORDER.filter((k) => (input.counts?.[k] ?? 0) > 0).map((k) => `${LABEL[k]} ${(input.counts![k] ?? 0).toLocaleString('en-US')}`);
  const total = input.total ?? parts.length;
  const dropped = input.dropped ? ` (${input.dropped.toLocaleString('en-US')} older requests were dropped)` : '';
  return `Requests seen: ${total.toLocaleString('en-US')}${parts.length ? ` — ${parts.join(', ')}` : ''}${dropped}.`;
}

function groupSection(g: BlockedGroup, index: number, input: MarkdownInput): string[] {
  const { exchange: x, verdict: v } = g.newest;
  const r = v.reasons[0];
  const out = [`### ${index}. ${mdCode(`${g.methods.join('/')} ${g.endpoint}`)} — ${g.count} × ${g.code ?? 'blocked'}`, '', mdText(g.summary), ''];
  out.push(`- Request origin: ${mdCode(v.origin ?? 'unknown')}${v.tainted ? ' (became null after a cross-origin redirect)' : ''}; credentials: ${v.credentials.mode}`);
  if (v.status !== null) out.push(`- The server answered with HTTP status ${v.status}`);
  if (r) {
    if (r.header) out.push(`- Header at fault: ${mdCode(r.header)} — received: ${r.received === null ? '(absent)' : mdCode(r.received)}`);
    out.push(`- Needed: ${mdText(r.expected)}`);
    const refs = [r.firefox ? `Firefox reports it as ${mdCode(r.firefox)}` : null, r.mdn ? `MDN: <${r.mdn.replace(/[<>\s]/g, '')}>` : null].filter(Boolean);
    if (refs.length) out.push(`- ${refs.join('; ')}`);
  }
  out.push(`- Last seen: ${ago(g.lastSeen, input.now)}`);
  const fix = input.fixes?.(x, v);
  if (fix && fix.steps.some((s) => s.headers.length > 0)) {
    out.push('', `**Fix (server side):** ${mdText(fix.summary)}`);
    for (const s of fix.steps) {
      if (s.headers.length === 0) continue;
      const what = s.step === 'preflight' ? `the preflight (OPTIONS ${endpointOf(s.url)})` : s.step === 'redirect' ? `the redirect from ${endpointOf(s.url)}` : `the response of ${endpointOf(s.url)}`;
      out.push('', `Headers on ${mdText(what)}${s.status ? `; status: ${mdText(s.status)}` : ''}:`, '', ...fence(s.headers.map((h) => `${h.name}: ${h.value}`)));
    }
  }
  out.push('');
  return out;
}

/** Markdown for a bug report to the backend team: what fails, why, and which headers fix it. */
export function summaryMarkdown(input: MarkdownInput): string {
  const groups = groupBlocked(input.entries);
  const host = input.pageUrl ? ENDPOINT.exec(input.pageUrl)?.[1]?.replace(/^[a-z]+:\/\//i, '') : undefined;
  const out = [`## CORS report${host ? ` for ${mdCode(host)}` : ''}`, ''];
  const by = [input.tool, input.browser ? `in ${input.browser}` : null].filter(Boolean).join(' ');
  out.push(`Captured${by ? ` by ${mdText(by)}` : ''} on ${new Date(input.now).toISOString().replace('T', ' ').slice(0, 16)} UTC.`);
  if (input.pageUrl) out.push(`Page: ${mdCode(input.pageUrl)}`);
  const counts = countsLine(input);
  if (counts) out.push(counts);
  out.push('');
  if (groups.length === 0) {
    out.push('No request was blocked by CORS.');
    return `${out.join('\n').trimEnd()}\n`;
  }
  const blockedTotal = groups.reduce((n, g) => n + g.count, 0);
  out.push(`**${blockedTotal.toLocaleString('en-US')} blocked request${blockedTotal === 1 ? '' : 's'}** on ${groups.length} endpoint/reason pair${groups.length === 1 ? '' : 's'}, most frequent first.`, '');
  const max = input.maxGroups ?? 15;
  groups.slice(0, max).forEach((g, i) => out.push(...groupSection(g, i + 1, input)));
  const rest = groups.slice(max);
  if (rest.length > 0) {
    out.push(`Also blocked (${rest.length} more):`, '');
    for (const g of rest) out.push(`- ${mdCode(`${g.methods.join('/')} ${g.endpoint}`)} — ${g.count} × ${g.code ?? 'blocked'}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
