/**
 * The HAR `cookies` arrays, derived from the Cookie request header and the Set-Cookie response headers.
 * When values are redacted the arrays are left empty: a cookie list would leak what the header hides.
 */
import type { Header } from '../../model/exchange';
import type { HarCookie } from '../types';

function splitPair(text: string): { name: string; value: string } {
  const eq = text.indexOf('=');
  return eq < 0 ? { name: '', value: text.trim() } : { name: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

export function requestCookies(headers: readonly Header[], includeSensitive: boolean): HarCookie[] {
  if (!includeSensitive) return [];
  const out: HarCookie[] = [];
  for (const h of headers) {
    if (h.name.toLowerCase() !== 'cookie') continue;
    for (const part of h.value.split(';')) {
      if (part.trim() !== '') out.push(splitPair(part));
    }
  }
  return out;
}

function parseSetCookie(line: string): HarCookie {
  const [first = '', ...attrs] = line.split(';');
  const cookie: HarCookie = splitPair(first);
  for (const attr of attrs) {
    const { name, value } = splitPair(attr);
    const key = (name || value).toLowerCase();
    if (key === 'path') cookie.path = value;
    else if (key === 'domain') cookie.domain = value;
    else if (key === 'expires') {
      const t = Date.parse(value);
      if (!Number.isNaN(t)) cookie.expires = new Date(t).toISOString();
    } else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'secure') cookie.secure = true;
  }
  return cookie;
}

export function responseCookies(headers: readonly Header[], includeSensitive: boolean): HarCookie[] {
  if (!includeSensitive) return [];
  const out: HarCookie[] = [];
  for (const h of headers) {
    if (h.name.toLowerCase() !== 'set-cookie') continue;
    // One header entry may carry several cookies joined by newlines (Chromium's webRequest does this).
    for (const line of h.value.split('\n')) if (line.trim() !== '') out.push(parseSetCookie(line));
  }
  return out;
}
