/** One probe request over node:http(s), exactly as given, and the messages for what can go wrong on the way. */
import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { wordsFor } from '../../core/cli-api';
import type { Header, Msg } from '../../core/cli-api';
import { cm } from '../lang';

/** Chromium's limit on a response's headers (256 KB); Node's default is 16 KB, so a header a browser reads would fail. */
const MAX_HEADERS = 256 * 1024;
/** Longest body read from an answer (the probe only needs the headers). */
const MAX_BODY = 64 * 1024;

/** A request that got no answer: `msg` says why in any language, `message` in English. */
export class ProbeError extends Error {
  constructor(readonly msg: Msg, options?: ErrorOptions) {
    super(wordsFor('en').t(msg), options);
  }
}

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

/** Why a request got no answer, from Node's error code (the probe's message and check's net:: error both follow it). */
export type Failure = 'refused' | 'not_found' | 'timeout' | 'reset' | 'tls' | 'other';

export function failureOf(code: string | undefined): Failure {
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'not_found';
  if (code === 'ETIMEDOUT' || code === 'PROBE_TIMEOUT') return 'timeout';
  if (code === 'ECONNRESET') return 'reset';
  if (typeof code === 'string' && (code.startsWith('ERR_TLS') || code.includes('CERT'))) return 'tls';
  return 'other';
}

function networkMessage(err: unknown, url: URL, timeoutMs: number): Msg {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const host = `${url.host}`;
  const failure = failureOf(code);
  if (failure === 'refused') return cm('probe_refused', { host });
  if (failure === 'not_found') return cm('probe_not_found', { host: url.hostname });
  if (failure === 'timeout') return cm('probe_timeout', { host, ms: String(timeoutMs) });
  if (failure === 'reset') return cm('probe_reset', { host });
  if (failure === 'tls') return cm('probe_tls', { host, code: code ?? '', error: err instanceof Error ? err.message : '' });
  return cm('probe_other', { host, error: err instanceof Error ? err.message : String(err) });
}

/**
 * One request with exactly these headers, in this order, after `Host` (node:http adds only Connection and,
 * given headers as a list, no Host of its own); no redirect is followed.
 */
export function send(url: URL, method: string, headers: Header[], timeoutMs: number): Promise<Answer> {
  const start = Date.now();
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: [['Host', url.host], ...headers.map((h) => [h.name, h.value])].flat(), timeout: timeoutMs, maxHeaderSize: MAX_HEADERS });
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
