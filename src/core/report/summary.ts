/**
 * The per-tab summary shown by the popup and pasted into bug reports: blocked exchanges grouped by
 * endpoint (origin + path of the URL that failed) and reason, worst first, and a Markdown text for
 * the backend team with the failing endpoints, the reasons and the headers that would fix them. The
 * sentences are messages (the popup renders them) or rendered in the language of `MarkdownInput.words`.
 */
import type { Exchange } from '../model/exchange';
import type { CorsErrorCode, Reason, Verdict, VerdictKind } from '../model/verdict';
import { VERDICT_KINDS } from '../model/verdict';
import { sanitize, sanitizeEntries, sanitizeEntry, sanitizeVerdict } from '../model/sanitize';
import { cut } from '../fix/bounds';
import { endpointOf } from '../http/url';
import { mdCode, mdFence, mdText } from './markdown';
import { findingsOf, preflightCost } from '../findings';
import { costSection, findingsSection, rm } from './findings';
import { isMsg, m, type Msg } from '../i18n/msg';
import { EN } from '../i18n/catalogues';
import { mdnFor } from '../i18n/mdn';
import type { Words } from '../i18n/words';
import { wordsIn } from './words';

/** Longest text taken from a record into the summary (a URL, a method list, a header value); longer is cut, marked. */
export const MAX_FIELD = 500;
/** At most this many header lines per fix step, and this many groups in the "also blocked" list. */
const MAX_LINES = 40;

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
  summary: Msg;
  count: number;
  newest: SummaryEntry;
  lastSeen: number;
}

/** The URL of the step the browser judged: the preflight's, a redirect hop's, or the final one. */
function failingUrl(input: Exchange, reason: Reason | undefined): string {
  const x = sanitize(input);
  const step = typeof reason === 'object' && reason !== null && typeof reason.step === 'object' && reason.step !== null ? reason.step : undefined;
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
  const methods = new Map<BlockedGroup, Set<string>>();
  for (const e of sanitizeEntries(entries)) {
    if (e.verdict.kind !== 'blocked') continue;
    const reason = e.verdict.reasons[0];
    const endpoint = endpointOf(failingUrl(e.exchange, reason));
    const code = reason?.code ?? null;
    const key = `${endpoint} ${code ?? '?'}`;
    const g = groups.get(key);
    if (!g) {
      const group: BlockedGroup = {
        key, endpoint, methods: [e.exchange.method], code, summary: reason?.summary ?? e.verdict.headline, count: 1, newest: e, lastSeen: timeOf(e),
      };
      groups.set(key, group);
      methods.set(group, new Set(group.methods));
      continue;
    }
    g.count++;
    const seen = methods.get(g)!;
    if (!seen.has(e.exchange.method)) {
      seen.add(e.exchange.method);
      g.methods.push(e.exchange.method);
    }
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
  for (const e of sanitizeEntries(entries)) if (e.verdict.kind === 'blocked' && (!best || newer(e, best))) best = e;
  return best;
}

/** "3 seconds ago", "5 minutes ago", "2 hours ago", "just now". */
export function ago(then: number, now: number): Msg {
  const s = typeof then === 'number' && typeof now === 'number' ? Math.max(0, Math.round((now - then) / 1000)) : 0;
  if (!Number.isFinite(s)) return rm('ago_unknown');
  if (s < 5) return rm('ago_now');
  const [count, unit] = s < 60 ? [s, 'second'] : s < 3600 ? [Math.round(s / 60), 'minute'] : s < 86_400 ? [Math.round(s / 3600), 'hour'] : [Math.round(s / 86_400), 'day'];
  return rm(`ago_${unit}`, { count });
}

/** "PUT http://api.example/items was blocked 5 seconds ago: <reason>" (the reason's own full stop when it has one). */
export function describeBlocked(entry: SummaryEntry, now: number): Msg {
  const e = sanitizeEntry(entry);
  const reason = e.verdict.reasons[0];
  const what = reason ? reason.summary : e.verdict.headline;
  const dot = /[.!?]$/.test(EN.t(what)) ? '' : '_dot';
  return rm(`blocked_sentence${dot}`, { method: e.exchange.method, url: endpointOf(failingUrl(e.exchange, reason)), when: ago(timeOf(e), now), what });
}

/** The part of a FixSet (src/core/fix) the Markdown uses: the headers each step must carry. */
export interface FixLike {
  summary: Msg;
  steps: { step: 'preflight' | 'redirect' | 'response'; url: string; status: Msg | null; headers: { name: string; value: string }[] }[];
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
  /** The language of the sentences (English when absent); header lines, codes and values stay as they are. */
  words?: Words;
}

/** The lines as an `http` fenced block, each on one line. */
function fence(lines: string[]): string[] {
  const body = lines.map((l) => l.replace(/[\r\n]+/g, ' '));
  const block = mdFence(body.join('\n'), 'http').split('\n');
  return body.length === 0 ? [block[0]!, block.at(-1)!] : block;
}

/** A verdict kind as the summary says it ("network error"). */
const kindLabel = (k: VerdictKind, w: Words): string => w.t(rm(`kind_${k.replace(/-/g, '_')}`));

/** The input with every field well typed (it may come from a port or storage). */
interface CleanInput extends MarkdownInput {
  now: number;
  maxGroups: number;
  words: Words;
}


const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function cleanInput(given: MarkdownInput): CleanInput {
  const i = (typeof given === 'object' && given !== null ? given : {}) as Record<string, unknown>;
  const counts = typeof i.counts === 'object' && i.counts !== null ? (i.counts as Record<string, unknown>) : undefined;
  const out: CleanInput = { entries: sanitizeEntries(i.entries), now: num(i.now) ?? 0, maxGroups: Math.max(0, Math.floor(num(i.maxGroups) ?? 15)), words: wordsIn(i.words) };
  if (typeof i.pageUrl === 'string') out.pageUrl = i.pageUrl;
  if (counts) out.counts = Object.fromEntries(VERDICT_KINDS.map((k) => [k, num(counts[k]) ?? 0]));
  if (num(i.total) !== undefined) out.total = num(i.total);
  if (num(i.dropped) !== undefined) out.dropped = num(i.dropped);
  if (typeof i.tool === 'string') out.tool = i.tool;
  if (typeof i.browser === 'string') out.browser = i.browser;
  if (typeof i.fixes === 'function') out.fixes = i.fixes as MarkdownInput['fixes'];
  return out;
}

/** Text from a record, cut to a bounded prefix with a marker saying how long it was. */
const bounded = (text: string): string => cut(text, MAX_FIELD);

function countsLine(input: CleanInput): string | null {
  if (!input.counts) return null;
  const w = input.words;
  const parts = VERDICT_KINDS.filter((k) => (input.counts?.[k] ?? 0) > 0).map((k) => w.t(rm('count_item', { kind: kindLabel(k, w), count: input.counts![k] ?? 0 })));
  const total = input.total ?? parts.length;
  return w.t(rm('counts', {
    total,
    parts: parts.length ? rm('counts_list', { list: parts.join(', ') }) : '',
    dropped: input.dropped ? rm('counts_dropped', { count: input.dropped }) : '',
  }));
}

const groupTitle = (g: BlockedGroup, w: Words): string =>
  `${mdCode(bounded(`${g.methods.join('/')} ${g.endpoint}`))} — ${w.num(g.count)} × ${g.code ?? kindLabel('blocked', w)}`;

/** The fix from the caller's generator, as a well-typed FixLike (or null when there is none or it failed). */
function fixOf(input: CleanInput, x: Exchange, v: Verdict): FixLike | null {
  let fix: unknown;
  try {
    fix = input.fixes?.(x, sanitizeVerdict(v));
  } catch {
    return null;
  }
  if (typeof fix !== 'object' || fix === null || !Array.isArray((fix as FixLike).steps)) return null;
  const steps = (fix as FixLike).steps.filter((s) => typeof s === 'object' && s !== null).map((s) => ({
    step: s.step,
    url: typeof s.url === 'string' ? s.url : '',
    status: isMsg(s.status) ? s.status : null,
    headers: Array.isArray(s.headers) ? s.headers.filter((h) => typeof h?.name === 'string' && typeof h.value === 'string') : [],
  }));
  const summary = (fix as FixLike).summary;
  return { summary: isMsg(summary) ? summary : m('common_text', { text: '' }), steps };
}

function fixSection(fix: FixLike, w: Words): string[] {
  const out = ['', w.t(rm('fix_heading', { summary: mdText(bounded(w.t(fix.summary))) }))];
  for (const s of fix.steps) {
    if (s.headers.length === 0) continue;
    const url = bounded(endpointOf(s.url));
    const what = mdText(w.t(rm(s.step === 'preflight' ? 'fix_at_preflight' : s.step === 'redirect' ? 'fix_at_redirect' : 'fix_at_response', { url })));
    const lines = s.headers.slice(0, MAX_LINES).map((h) => bounded(`${h.name}: ${h.value}`));
    const on = s.status ? rm('fix_headers_on_status', { what, status: mdText(bounded(w.t(s.status))) }) : rm('fix_headers_on', { what });
    out.push('', w.t(on), '', ...fence(lines));
    if (s.headers.length > MAX_LINES) out.push(w.t(rm('fix_more_headers', { count: s.headers.length - MAX_LINES })));
  }
  return out;
}

/** MDN's page in the reader's language where MDN has one (said when it is the English page). */
function mdnRef(url: string, w: Words): string {
  const page = mdnFor(url, w.lang);
  return w.t(rm(page.lang !== w.lang ? 'ref_mdn_en' : 'ref_mdn', { url: bounded(page.url).replace(/[<>\s]/g, '') }));
}

function groupSection(g: BlockedGroup, index: number, input: CleanInput): string[] {
  const w = input.words;
  const { exchange: x, verdict: v } = g.newest;
  const r = v.reasons[0];
  const out = [`### ${index}. ${groupTitle(g, w)}`, '', mdText(bounded(w.t(g.summary))), ''];
  const origin = mdCode(bounded(v.origin ?? w.t(rm('origin_unknown'))));
  out.push(w.t(rm(v.tainted ? 'origin_tainted' : 'origin', { origin, mode: v.credentials.mode })));
  if (v.status !== null) out.push(w.t(rm('status', { status: String(v.status) })));
  if (r) {
    if (r.header) out.push(w.t(rm('header_at_fault', { header: mdCode(bounded(r.header)), received: r.received === null ? w.t(rm('absent')) : mdCode(bounded(r.received)) })));
    out.push(w.t(rm('needed', { expected: mdText(bounded(w.t(r.expected))) })));
    const refs = [r.firefox ? w.t(rm('ref_firefox', { key: mdCode(bounded(r.firefox)) })) : null, r.mdn ? mdnRef(r.mdn, w) : null].filter(Boolean);
    if (refs.length) out.push(`- ${refs.join(w.lang === 'fr' ? '\u00a0; ' : '; ')}`);
  }
  out.push(w.t(rm('last_seen', { when: ago(g.lastSeen, input.now) })));
  const fix = fixOf(input, x, v);
  if (fix && fix.steps.some((s) => s.headers.length > 0)) out.push(...fixSection(fix, w));
  out.push('');
  return out;
}

const SCHEME_AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)/;

/**
 * Markdown for a bug report to the backend team: what fails, why, and which headers fix it. Total and
 * bounded: every value from a record is cut at MAX_FIELD characters (marked), at most `maxGroups` groups
 * are detailed and MAX_LINES more listed, so the text stays small whatever the capture holds.
 */
export function summaryMarkdown(given: MarkdownInput): string {
  const input = cleanInput(given);
  const w = input.words;
  const groups = groupBlocked(input.entries);
  const host = input.pageUrl ? SCHEME_AUTHORITY.exec(bounded(input.pageUrl))?.[1]?.replace(/^[a-z]+:\/\//i, '') : undefined;
  const out = [w.t(host ? rm('title_for', { host: mdCode(host) }) : rm('title')), ''];
  const by = [input.tool, input.browser ? w.t(rm('in_browser', { browser: input.browser })) : null].filter(Boolean).join(' ');
  const when = new Date(Math.min(Math.max(input.now, -8.64e15), 8.64e15)).toISOString().replace('T', ' ').slice(0, 16);
  out.push(w.t(by ? rm('captured_by', { by: mdText(bounded(by)), when }) : rm('captured', { when })));
  if (input.pageUrl) out.push(w.t(rm('page', { url: mdCode(bounded(input.pageUrl)) })));
  const counts = countsLine(input);
  if (counts) out.push(counts);
  out.push('');
  // The lens over the same entries as the report: what passed but is configured dangerously or wastefully.
  const lens = [...findingsSection(findingsOf(input.entries), w), ...costSection(preflightCost(input.entries), w)];
  if (groups.length === 0) {
    out.push(w.t(rm('none_blocked')), '', ...lens);
    return `${out.join('\n').trimEnd()}\n`;
  }
  const blockedTotal = groups.reduce((sum, g) => sum + g.count, 0);
  out.push(w.t(rm('blocked_head', { requests: rm('blocked_requests', { count: blockedTotal }), pairs: rm('pairs', { count: groups.length }) })), '');
  groups.slice(0, input.maxGroups).forEach((g, i) => out.push(...groupSection(g, i + 1, input)));
  const rest = groups.slice(input.maxGroups);
  if (rest.length > 0) {
    out.push(w.t(rm('also_blocked', { count: rest.length })), '');
    for (const g of rest.slice(0, MAX_LINES)) out.push(`- ${groupTitle(g, w)}`);
    if (rest.length > MAX_LINES) out.push(w.t(rm('and_more', { count: rest.length - MAX_LINES })));
    out.push('');
  }
  out.push(...lens);
  return `${out.join('\n').trimEnd()}\n`;
}
