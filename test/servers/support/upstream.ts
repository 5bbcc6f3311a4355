/**
 * The upstream application for proxies and Workers: plain node:http serving ROUTES with no CORS at all, as
 * an application behind nginx, Apache, Caddy or a Worker would. `/api/fail` answers 500 itself; `/api/crash`
 * destroys the socket without answering, so whatever stands in front of it generates its own error. Any other
 * method on a known route is 405 (an OPTIONS preflight passed through reaches the app and fails there).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROUTES } from './contract';

export interface Upstream {
  port: number;
  /** Requests it received, as `METHOD path`, for failure messages. */
  seen: string[];
  close(): Promise<void>;
}

const METHODS: Record<string, string> = {
  [ROUTES.simple]: 'GET', [ROUTES.items]: 'POST', [ROUTES.me]: 'GET', [ROUTES.item]: 'PATCH', [ROUTES.fail]: 'GET', [ROUTES.crash]: 'GET',
};

/** The `session` cookie's value, or null. */
export function sessionOf(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'session') return rest.join('=');
  }
  return null;
}

function json(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://upstream').pathname;
  const method = METHODS[path];
  if (!method) return json(res, 404, { error: 'not found' });
  if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
    res.setHeader('Allow', method);
    return json(res, 405, { error: 'method not allowed' });
  }
  switch (path) {
    case ROUTES.simple: return json(res, 200, { route: 'simple' });
    case ROUTES.items: return json(res, 201, { route: 'items' });
    case ROUTES.me: return json(res, 200, { route: 'me', session: sessionOf(req.headers.cookie) });
    case ROUTES.item: return json(res, 200, { route: 'item' });
    case ROUTES.fail: return json(res, 500, { route: 'fail', error: 'the handler failed' });
    default: req.socket.destroy(); // ROUTES.crash: no answer at all
  }
}

export function startUpstream(): Promise<Upstream> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => handle(req, res));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        seen,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
