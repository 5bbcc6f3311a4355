/**
 * Does a cross-origin request need a preflight, and why — in words. Uses Chromium's rules: method
 * not GET/HEAD/POST, or a page-set header that is not safelisted (per value, 128 bytes each,
 * 1024 bytes in total), ignoring headers the browser adds itself.
 */
import type { Header } from '../../model/exchange';
import type { PreflightWhy } from '../../model/verdict';
import { countsForCors } from '../../http/browser-headers';
import { canonicalName, trimHttpWhitespace, utf8Length } from '../../http/headers';
import { lowerName, sameName } from '../../http/names';
import { m } from '../../i18n/msg';
import { headerUnsafeKind, isSafelistedMethod, MAX_SAFELISTED_TOTAL_BYTES, MAX_SAFELISTED_VALUE_BYTES } from '../../http/safelist';

export interface PreflightNeed {
  readonly required: boolean;
  readonly why: readonly PreflightWhy[];
  /** CORS-unsafe header names (lower case, request order, no duplicates): what ACAH must cover. */
  readonly unsafeHeaders: readonly string[];
}

interface Combined {
  lower: string;
  display: string;
  value: string;
}

type UnsafeKind = NonNullable<ReturnType<typeof headerUnsafeKind>>;

/**
 * What a request's headers alone say about a preflight, as data (no sentences, which each verdict
 * makes afresh): worked out once per header list, with its facts (request-scan.ts).
 */
export interface HeaderNeed {
  /** No header needs a preflight, for certain (`surelySimple`): then the lists below are empty. */
  readonly simple: boolean;
  /** The headers that count and are not safelisted, duplicates combined, in request order. */
  readonly unsafe: readonly (Readonly<Combined> & { readonly kind: UnsafeKind })[];
  /** The lower-case names of those that count and are safelisted, and their values' total in UTF-8 bytes. */
  readonly safe: readonly string[];
  readonly total: number;
}

/** A header name's lower case and whether a page could have set it (null: it depends, see countsForCors). */
interface NameInfo {
  lower: string;
  counts: boolean | null;
  /** The name is ASCII: its lower case is ASCII lower-casing, one character for one. */
  ascii: boolean;
}

/** Per spelling of a name, worked out once: a page's requests repeat the same few dozen names. */
const names = new Map<string, NameInfo>();

function isAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 0x80) return false;
  return true;
}

function nameInfo(name: string): NameInfo {
  let info = names.get(name);
  if (info === undefined) {
    const lower = name.toLowerCase();
    info = { lower, counts: lower === 'last-event-id' ? null : countsForCors(lower, []), ascii: isAscii(name) };
    if (name.length <= 64) {
      if (names.size >= 1024) names.clear();
      names.set(name, info);
    }
  }
  return info;
}

/**
 * `Sec-…` in any ASCII case: a name the browser sets (countsForCors says no), told without a lookup.
 * Chrome sends five to seven of them with every request.
 */
function isSecName(name: string): boolean {
  return name.length >= 4 && name.charCodeAt(3) === 0x2d && (name.charCodeAt(0) | 0x20) === 0x73 && (name.charCodeAt(1) | 0x20) === 0x65 &&
    (name.charCodeAt(2) | 0x20) === 0x63;
}

/** Combine duplicate lines per name (", "-joined, as fetch's Headers does), keeping first-seen order. */
function combine(headers: readonly Header[]): Combined[] {
  const out: Combined[] = [];
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    if (!h || typeof h.name !== 'string' || isSecName(h.name)) continue;
    const info = nameInfo(h.name);
    const lower = info.lower;
    if (!(info.counts ?? countsForCors(lower, headers))) continue;
    const value = trimHttpWhitespace(typeof h.value === 'string' ? h.value : '');
    let seen: Combined | undefined;
    for (let j = 0; j < out.length; j++) {
      if (out[j]!.lower === lower) {
        seen = out[j];
        break;
      }
    }
    if (seen === undefined) out.push({ lower, display: h.name, value });
    else seen.value += ', ' + value;
  }
  return out;
}

/**
 * Whether the answer is "no preflight" for certain, decided in one pass that builds nothing: every header
 * that counts is safelisted on its own and appears once (duplicates are combined first, so they take the
 * full path, as do non-ASCII names that could lower-case like another), and the values are too short
 * for the 1024-byte total to matter (the same bound as below). Any doubt answers false.
 */
function surelySimple(headers: readonly Header[]): boolean {
  let bound = 0;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    if (!h || typeof h.name !== 'string' || isSecName(h.name)) continue;
    const info = nameInfo(h.name);
    if (!(info.counts ?? countsForCors(info.lower, headers))) continue;
    if (!info.ascii) return false;
    for (let j = 0; j < i; j++) {
      const g = headers[j];
      if (g && typeof g.name === 'string' && g.name.length === h.name.length && (sameName(g, info.lower) || !nameInfo(g.name).ascii)) return false;
    }
    const value = trimHttpWhitespace(typeof h.value === 'string' ? h.value : '');
    if (headerUnsafeKind(info.lower, value) !== null) return false;
    bound += value.length * 3;
  }
  return bound <= MAX_SAFELISTED_TOTAL_BYTES;
}

/** "No preflight", one object for all: a need is only read once made (a verdict copies what it keeps). */
const NOT_REQUIRED: PreflightNeed = Object.freeze({
  required: false,
  why: Object.freeze([]),
  unsafeHeaders: Object.freeze([]),
});

const SIMPLE_HEADERS: HeaderNeed = Object.freeze({ simple: true, unsafe: Object.freeze([]), safe: Object.freeze([]), total: 0 });

/** The headers' part of the need; builds nothing for the common list that surely needs no preflight. */
export function headerNeed(headers: readonly Header[] | undefined): HeaderNeed {
  if (!Array.isArray(headers)) return { simple: false, unsafe: [], safe: [], total: 0 };
  if (surelySimple(headers)) return SIMPLE_HEADERS;
  const unsafe: (Combined & { kind: UnsafeKind })[] = [];
  const safe: string[] = [];
  let total = 0;
  for (const h of combine(headers)) {
    const kind = headerUnsafeKind(h.lower, h.value);
    if (kind === null) {
      safe.push(h.lower);
      total += utf8Length(h.value);
    } else unsafe.push({ lower: h.lower, display: h.display, value: h.value, kind });
  }
  return { simple: false, unsafe, safe, total };
}

/** Compute the preflight need from the method and the visible request headers. */
export function preflightNeed(givenMethod: string, headers: readonly Header[]): PreflightNeed {
  return needOf(givenMethod, headerNeed(headers));
}

/** The preflight need from the method and the headers' part (`headerNeed`, kept with the list's facts). */
export function needOf(givenMethod: string, hn: HeaderNeed): PreflightNeed {
  const method = typeof givenMethod === 'string' ? givenMethod : '';
  if (isSafelistedMethod(method) && hn.simple) return NOT_REQUIRED;
  const why: PreflightWhy[] = [];
  const unsafeHeaders: string[] = [];
  if (!isSafelistedMethod(method)) {
    why.push({ kind: 'method', subject: method, text: m('why_method', { method }) });
  }
  for (const h of hn.unsafe) {
    unsafeHeaders.push(h.lower);
    why.push(describeUnsafe(h, h.kind));
  }
  if (hn.total > MAX_SAFELISTED_TOTAL_BYTES) {
    for (const lower of hn.safe) unsafeHeaders.push(lower);
    why.push({
      kind: 'headers-total',
      subject: hn.safe.map((lower) => canonicalName(lower)).join(', '),
      text: m('why_headers_total', { total: String(hn.total), max: String(MAX_SAFELISTED_TOTAL_BYTES) }),
    });
  }
  return { required: why.length > 0, why, unsafeHeaders };
}

function describeUnsafe(h: Readonly<Combined>, kind: UnsafeKind): PreflightWhy {
  const name = canonicalName(h.lower);
  switch (kind) {
    case 'name':
      return { kind: 'header', subject: name, text: m('why_header', { name }) };
    case 'too-long':
      return {
        kind: 'header-too-long',
        subject: name,
        text: m('why_header_too_long', { name, length: String(utf8Length(h.value)), max: String(MAX_SAFELISTED_VALUE_BYTES) }),
      };
    case 'content-type':
      return {
        kind: 'content-type',
        subject: name,
        text: m('why_content_type', { value: h.value || m('why_empty_value') }),
      };
    case 'value':
      return { kind: 'header', subject: name, text: m('why_header_value', { name, value: shorten(h.value) }) };
  }
}

function shorten(value: string): string {
  return value.length > 60 ? value.slice(0, 57) + '…' : value;
}

/** The why-list implied by an observed preflight's own Access-Control-Request-Method/-Headers. */
export function whyFromObservedPreflight(requestMethod: string | null, requestHeaders: readonly string[], visible: PreflightNeed): PreflightWhy[] {
  const why: PreflightWhy[] = [];
  if (requestMethod !== null && !isSafelistedMethod(requestMethod)) {
    why.push(visible.why.find((w) => w.kind === 'method') ?? {
      kind: 'method',
      subject: requestMethod,
      text: m('why_method', { method: requestMethod }),
    });
  }
  for (const name of requestHeaders) {
    const canon = canonicalName(name);
    const known = visible.why.find((w) => w.kind !== 'method' && lowerName(w.subject) === name);
    if (known) why.push(known);
    else if (visible.why.some((w) => w.kind === 'headers-total' && w.subject.toLowerCase().split(', ').includes(name))) continue;
    else why.push({ kind: 'header', subject: canon, text: m('why_header_announced', { name: canon }) });
  }
  const total = visible.why.find((w) => w.kind === 'headers-total');
  if (total && requestHeaders.length > 0) why.push(total);
  if (why.length === 0) {
    why.push({
      kind: 'forced',
      subject: requestMethod ?? '',
      text: m('why_forced'),
    });
  }
  return why;
}
