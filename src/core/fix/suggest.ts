/**
 * Guess the server stack from the response's `Server` and `X-Powered-By` headers. A guess only: it picks
 * which snippet to show first, the user can pick another.
 */
import type { Exchange, Header } from '../model/exchange';
import type { StackId } from './types';
import { joinedHeader } from '../http/headers';
import { sanitize } from '../model/sanitize';

/** Ordered: the first pattern that matches wins (frameworks before the servers that host them). */
const RULES: ReadonlyArray<[RegExp, StackId]> = [
  [/\bexpress\b/i, 'express'],
  [/\b(asp\.net|kestrel)\b/i, 'aspnet-core'],
  [/\b(spring|apache-coyote|tomcat)\b/i, 'spring'],
  [/\b(phusion passenger|puma|rails|unicorn)\b/i, 'rails'],
  [/\b(uvicorn|hypercorn|starlette|fastapi)\b/i, 'fastapi'],
  [/\b(gunicorn|wsgiserver|django)\b/i, 'django'],
  [/\bamazons3\b/i, 's3'],
  [/\bcloudflare\b/i, 'cloudflare-worker'],
  [/\bcaddy\b/i, 'caddy'],
  [/\bnginx|openresty\b/i, 'nginx'],
  [/\bapache\b/i, 'apache'],
  [/\bgo\b|\bgolang\b|\bgo-http\b/i, 'go'],
];

function responses(exchange: Exchange): Header[][] {
  const out: Header[][] = [];
  if (exchange.response) out.push(exchange.response.headers);
  for (const p of exchange.preflights) if (p.response) out.push(p.response.headers);
  for (const r of exchange.redirects) out.push(r.response.headers);
  return out;
}

export function suggestedStack(input: Exchange): StackId | null {
  for (const headers of responses(sanitize(input))) {
    const text = [joinedHeader(headers, 'x-powered-by'), joinedHeader(headers, 'server')].filter((v) => v !== null).join(' ');
    if (!text) continue;
    for (const [re, id] of RULES) if (re.test(text)) return id;
  }
  return null;
}
