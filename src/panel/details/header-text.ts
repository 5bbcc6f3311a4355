/**
 * Response headers as editable text, one `Name: value` a line, and back. Parsing is lenient: every line
 * that reads as a header is kept, every other line gets a message saying why it was left out.
 *
 * A value longer than PREVIEW_CHARS (a 1 MB cookie, a policy) is not put in the text: the editor is for CORS
 * headers, and a textarea holding megabytes lays out for seconds. It is written as its first characters and
 * a marker, `… [+1,048,500 characters #2]`, which the parser turns back into the captured value (the start as
 * typed, the rest as received); `#2` numbers it in the `long` list the text was made with. The marker is
 * written in the page's language (`… [+1 048 500 caractères #2]` in French); the parser reads either.
 */
import type { Header } from '../../core/model/exchange';
import { grouped, PREVIEW_CHARS } from '../../ui/long-text';
import { words } from '../../ui/i18n';
import { m, type Msg, type Words } from '../../core';

/** How much of such a value the text shows. */
const LONG_START = 80;

interface HeaderText {
  text: string;
  /** The long values the markers stand for, by number. */
  long: string[];
}

export interface LineProblem {
  /** 1-based line number. */
  line: number;
  message: Msg;
}

export interface ParsedHeaders {
  headers: Header[];
  problems: LineProblem[];
}

export function formatHeaders(headers: readonly Header[], w: Words = words.value): HeaderText {
  const long: string[] = [];
  const lines = headers.map((h) => {
    if (h.value.length <= PREVIEW_CHARS) return `${h.name}: ${h.value}`;
    long.push(h.value);
    const rest = h.value.length - LONG_START;
    const marker = w.say('panel_long_marker', { count: w.lang === 'en' ? grouped(rest) : w.num(rest), n: String(long.length) });
    return `${h.name}: ${h.value.slice(0, LONG_START)}${marker}`;
  });
  return { text: lines.join('\n'), long };
}

/** RFC 9110 token characters: what a header name may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** The marker in either language: digits grouped with commas or (narrow) no-break spaces. */
const MARKER = /… \[\+(\d[\d,\u00a0\u202f ]*) (?:characters|caractères) #(\d+)\]$/;
const STATUS_LINE = /^HTTP\/\d(\.\d)?\s/i;

export function parseHeaders(text: string, long: readonly string[] = []): ParsedHeaders {
  const headers: Header[] = [];
  const problems: LineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const problem = (id: string, values?: Record<string, string>) => problems.push({ line, message: m(id, values) });
    if (raw.trim() === '') return;
    if (STATUS_LINE.test(raw)) return problem('panel_hdr_status_line');
    const colon = raw.indexOf(':');
    if (colon < 0) return problem('panel_hdr_no_colon');
    const name = raw.slice(0, colon).trim();
    if (name === '') return problem('panel_hdr_no_name');
    if (!TOKEN.test(name)) return problem(/\s/.test(name) ? 'panel_hdr_bad_name_space' : 'panel_hdr_bad_name', { name: name.slice(0, 60) });
    const value = restoreLong(raw.slice(colon + 1).trim(), long);
    if (value === null) return problem('panel_hdr_stray_marker');
    if (value.includes('\0')) return problem('panel_hdr_nul');
    headers.push({ name, value });
  });
  return { headers, problems };
}

/** The value with a marker replaced by the rest of the long value it stands for; null for a stray marker. */
function restoreLong(value: string, long: readonly string[]): string | null {
  const match = MARKER.exec(value);
  if (!match) return value;
  const full = long[Number(match[2]) - 1];
  const rest = Number(match[1]!.replace(/\D/g, ''));
  if (full === undefined || rest > full.length) return null;
  const start = value.slice(0, match.index);
  // Unchanged: the captured string itself (a concatenation would be copied whole on its first read).
  if (full.startsWith(start) && start.length === full.length - rest) return full;
  return start + full.slice(full.length - rest);
}
