/** One probe request over node:http(s), exactly as given, and the messages for what can go wrong on the way. */
import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Header } from '../../core/cli-api';

/** Longest body read from an answer (the probe only needs the headers). */
const MAX_BODY = 64 * 1024;

/** A request that could not be completed: the message the user sees. */
export class ProbeError extends Error {}

export interface Answer {
  status: number;
  statusText: string;
  headers: Header[];
  ip?: string;
  start: number;
  end: number;
}

function headersOf(res: IncomingMessage): Header[] {
  const out: Header[] = [];
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) out.push({ name: raw[i]!, value: raw[i + 1]! });
  return out;
}

function networkMessage(err: unknown, url: URL, timeoutMs: number): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const where = `${url.host}`;
  if (code === 'ECONNREFUSED') return `${where} refused the connection (nothing listens on that port?)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${url.hostname}: host not found`;
  if (code === 'ETIMEDOUT' || code === 'PROBE_TIMEOUT') return `${where} did not answer within ${timeoutMs} ms (--timeout to wait longer)`;
  if (code === 'ECONNRESET') return `${where} closed the connection`;
  if (typeof code === 'string' && (code.startsWith('ERR_TLS') || code.includes('CERT'))) return `${where}: TLS error (${code}): ${err instanceof Error ? err.message : ''}`;
  return `${where}: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * One request with exactly these headers, in this order, after `Host` (node:http adds only Connection and,
 * given headers as a list, no Host of its own); no redirect is followed.
 */
export function send(url: URL, method: 'GET' | 'OPTIONS', headers: Header[], timeoutMs: number): Promise<Answer> {
  const start = Date.now();
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: [['Host', url.host], ...headers.map((h) => [h.name, h.value])].flat(), timeout: timeoutMs });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'PROBE_TIMEOUT' })));
    req.on('error', (err) => reject(new ProbeError(networkMessage(err, url, timeoutMs), { cause: err })));
    req.on('response', (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_BODY) res.destroy();
      });
      const done = () => {
        const answer: Answer = { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: headersOf(res), start, end: Date.now() };
        if (res.socket?.remoteAddress) answer.ip = res.socket.remoteAddress;
        resolve(answer);
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.end();
  });
}
