/** Header helpers for plain records: order and duplicates are kept as the browser reported them. */
import type { Header } from '../../core/model/exchange';
import type { RawHeader } from '../capture/web-request';

export function toHeaders(raw: RawHeader[] | undefined): Header[] {
  if (!raw) return [];
  const out: Header[] = [];
  for (const h of raw) {
    if (typeof h?.name !== 'string') continue;
    let value = typeof h.value === 'string' ? h.value : '';
    if (typeof h.value !== 'string' && h.binaryValue) value = Array.from(h.binaryValue, (c) => String.fromCharCode(c)).join('');
    out.push({ name: h.name, value });
  }
  return out;
}

/** First value of a header (case-insensitive name), or undefined. */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === lower) return h.value;
  return undefined;
}

/** `Access-Control-Request-Headers` split into lowercase names (empty items skipped). */
export function requestedHeaderNames(headers: readonly Header[]): string[] {
  const v = headerValue(headers, 'access-control-request-headers');
  if (!v) return [];
  return v.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0);
}

/** "HTTP/1.1 404 Not Found" → "Not Found"; undefined when the line carries no text. */
export function statusTextOf(statusLine: string | undefined): string | undefined {
  if (!statusLine) return undefined;
  const m = /^\S+\s+\d{3}\s+(.+)$/.exec(statusLine.trim());
  return m?.[1];
}
