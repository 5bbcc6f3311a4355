/**
 * One HAR entry, checked and turned into a plain step record. Any HAR producer is accepted (Chrome,
 * Firefox, Playwright, CORS Lens); what is missing is left undefined, what is wrong makes a warning.
 */
import type { Header } from '../../model/exchange';
import type { HarCors } from '../types';
import type { Msg } from '../../i18n/msg';
import { hm } from './errors';

export interface ParsedEntry {
  index: number;
  method: string;
  url: string;
  requestHeaders: Header[];
  status: number;
  statusText: string;
  responseHeaders: Header[];
  redirectURL: string;
  error?: string;
  start: number;
  end: number;
  /** When the response headers arrived, when the timings say so. */
  headersAt?: number;
  resourceType?: string;
  initiator?: { type?: string; url?: string; requestId?: string };
  pageref?: string;
  ip?: string;
  fromCache: boolean;
  cors?: Partial<HarCors>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** What a value is, in a word, for a warning: "an object", "a list". */
const kindOf = (v: unknown): Msg =>
  Array.isArray(v) ? hm('kind_list') : v === null ? hm('kind_null') : typeof v === 'object' ? hm('kind_object') : hm('kind_other', { type: typeof v });

/** A field that cannot be read: the entry is skipped, the warning names the field and what it held. */
class BadField extends Error {
  constructor(readonly field: string, readonly kind: Msg) {
    super(field);
  }
}

/** Headers with a text name; a missing value is empty, a number is written out, anything else makes the entry unreadable. */
function headersOf(v: unknown, field: string): Header[] {
  if (!Array.isArray(v)) return [];
  const out: Header[] = [];
  for (let i = 0; i < v.length; i++) {
    const h: unknown = v[i];
    if (!isObj(h) || typeof h.name !== 'string') continue;
    const value = h.value;
    if (typeof value === 'string') out.push({ name: h.name, value });
    else if (value === undefined || value === null) out.push({ name: h.name, value: '' });
    else if (typeof value === 'number' || typeof value === 'boolean') out.push({ name: h.name, value: String(value) });
    else throw new BadField(`${field}[${i}].value`, kindOf(value));
  }
  return out;
}

/** A URL as a warning quotes it: bounded. */
const quoted = (url: string): string => (url.length > 200 ? `${url.slice(0, 200)}…` : url);

function errorOf(entry: Obj, response: Obj): string | undefined {
  // Chrome: response._error; Playwright: response._failureText.
  const e = str(response._error) ?? str(response._failureText) ?? str(entry._error);
  return e === undefined || e === '' ? undefined : e;
}

function initiatorOf(v: unknown): ParsedEntry['initiator'] {
  if (!isObj(v)) return undefined;
  const out: NonNullable<ParsedEntry['initiator']> = {};
  if (str(v.type)) out.type = str(v.type);
  if (str(v.url)) out.url = str(v.url);
  if (typeof v.requestId === 'string' || typeof v.requestId === 'number') out.requestId = String(v.requestId);
  return out;
}

/** The entry as a step, or a message saying why it was skipped (`har_skip_*`). */
export function parseEntry(raw: unknown, index: number): ParsedEntry | Msg {
  const at = String(index);
  if (!isObj(raw)) return hm('skip_not_object', { index: at });
  const request = raw.request;
  if (!isObj(request)) return hm('skip_no_request', { index: at });
  const method = str(request.method);
  const url = str(request.url);
  if (!method) return hm('skip_no_method', { index: at });
  if (!url) return hm('skip_no_url', { index: at });
  const start = Date.parse(str(raw.startedDateTime) ?? '');
  if (Number.isNaN(start)) return hm('skip_bad_date', { index: at, method: quoted(method), url: quoted(url) });
  try {
    return readEntry(raw, request, method, url, start, index);
  } catch (err) {
    if (err instanceof BadField) return hm('skip_bad_field', { index: at, method: quoted(method), url: quoted(url), field: err.field, kind: err.kind });
    throw err;
  }
}

/** The timings that pass before the response body starts (HAR 1.2 `timings`). */
const BEFORE_BODY = ['blocked', 'dns', 'connect', 'send', 'wait'] as const;

function readEntry(raw: Obj, request: Obj, method: string, url: string, start: number, index: number): ParsedEntry {
  const response = isObj(raw.response) ? raw.response : {};
  const status = num(response.status) ?? 0;
  const timings = isObj(raw.timings) ? raw.timings : {};
  let beforeBody = 0;
  for (const k of BEFORE_BODY) beforeBody += Math.max(0, num(timings[k]) ?? 0);
  const time = Math.max(0, num(raw.time) ?? 0);
  const out: ParsedEntry = {
    index,
    method,
    url,
    requestHeaders: headersOf(request.headers, 'request.headers'),
    status: status > 0 ? status : 0,
    statusText: str(response.statusText) ?? '',
    responseHeaders: headersOf(response.headers, 'response.headers'),
    redirectURL: str(response.redirectURL) ?? '',
    start,
    end: start + time,
    fromCache: raw._fromCache === 'disk' || raw._fromCache === 'memory',
  };
  const error = errorOf(raw, response);
  if (error !== undefined) out.error = error;
  if (status > 0 && isObj(raw.timings)) out.headersAt = start + Math.min(beforeBody, time);
  if (str(raw._resourceType)) out.resourceType = str(raw._resourceType);
  const initiator = initiatorOf(raw._initiator);
  if (initiator) out.initiator = initiator;
  if (str(raw.pageref)) out.pageref = str(raw.pageref);
  if (str(raw.serverIPAddress)) out.ip = str(raw.serverIPAddress);
  if (isObj(raw._cors)) out.cors = raw._cors as Partial<HarCors>;
  return out;
}
