/**
 * The lab: three loopback origins (page, API, third party) plus a closed port, in plain node:http.
 * `startLab()` starts them (free ports unless given) and records every request that arrives, so a
 * test can tell whether a preflight reached the server. Every origin serves `/cors` and `/cors/<name>`
 * (lab/cors-endpoint.ts), `/probe/<kind>` (lab/probe-endpoint.ts: targets for `cors-lens probe`), `/lab/frame`
 * (a frame that fetches for its parent), `/__log` (the request log as JSON) and `/__release?key=` (answers held
 * requests); the page origin also serves the gallery (`/`), the burst page (`/burst`) and the lab's scripts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { buildCases, type LabOrigins } from './cases';
import { handleCors, isPreflight, type SharedCache } from './cors-endpoint';
import { serveFrame, servePage } from './pages';
import { handleProbe, PROBE_PREFIX } from './probe-endpoint';

export type LabServerName = 'page' | 'api' | 'third';

export interface LabRequest {
  seq: number;
  server: LabServerName;
  method: string;
  /** Absolute URL as requested. */
  url: string;
  /** The `cid` query parameter (case id), or null. */
  cid: string | null;
  /** An OPTIONS carrying Access-Control-Request-Method. */
  preflight: boolean;
  headers: Record<string, string | string[] | undefined>;
  time: number;
}

export interface LabOptions {
  host?: string;
  ports?: Partial<Record<LabServerName, number>>;
}

export interface Lab {
  origins: LabOrigins;
  /** The gallery page. */
  galleryUrl: string;
  log(): LabRequest[];
  clearLog(): void;
  /** Resolves when `count` logged requests satisfy `pred` (counting those already logged). */
  waitForRequests(pred: (r: LabRequest) => boolean, count?: number, timeoutMs?: number): Promise<LabRequest[]>;
  /** Answers the requests held with `hold=<key>`; returns how many were waiting. */
  release(key: string): number;
  /** How many requests are held under `key`. */
  held(key: string): number;
  close(): Promise<void>;
}

const listen = (server: Server, host: string, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

async function closedPort(host: string): Promise<number> {
  const s = createServer();
  const port = await listen(s, host, 0);
  await new Promise((r) => s.close(r));
  return port;
}

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const host = options.host ?? '127.0.0.1';
  const entries: LabRequest[] = [];
  const events = new EventEmitter();
  const holds = new Map<string, (() => void)[]>();
  const shared: SharedCache = new Map();
  let seq = 0;
  const servers: Server[] = [];
  const origins = { page: '', api: '', third: '', closed: '' } as LabOrigins;

  const release = (key: string) => {
    const waiting = holds.get(key) ?? [];
    holds.delete(key);
    for (const send of waiting) send();
    return waiting.length;
  };

  const handler = (name: LabServerName) => (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origins[name]);
    if (url.pathname !== '/__log' && url.pathname !== '/favicon.ico') {
      const entry: LabRequest = { seq: ++seq, server: name, method: req.method ?? '', url: url.href, cid: url.searchParams.get('cid'),
        preflight: isPreflight(req), headers: { ...req.headers }, time: Date.now() };
      entries.push(entry);
      events.emit('request', entry);
    }
    // Drain any body so keep-alive connections stay usable.
    req.resume();
    if (url.pathname.startsWith('/cors/')) url.pathname = '/cors';
    if (url.pathname.startsWith(PROBE_PREFIX)) return handleProbe(req, res, url.pathname.slice(PROBE_PREFIX.length), url.searchParams);
    if (serveFrame(url, res, origins)) return;
    switch (url.pathname) {
      case '/cors':
        return handleCors(req, res, url.searchParams, (key, send) => {
          holds.set(key, [...(holds.get(key) ?? []), send]);
          events.emit('held', key);
        }, shared);
      case '/__log':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
        return void res.end(JSON.stringify(entries));
      case '/__release':
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' });
        return void res.end(String(release(url.searchParams.get('key') ?? '')));
      case '/favicon.ico':
        return void res.writeHead(204).end();
    }
    if (name === 'page' && servePage(url, res, origins, buildCases)) return;
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  };

  try {
    for (const name of ['page', 'api', 'third'] as const) {
      const server = createServer(handler(name));
      servers.push(server);
      const port = await listen(server, host, options.ports?.[name] ?? 0);
      origins[name] = `http://${host}:${port}`;
      if (name === 'third' && host === '127.0.0.1') origins.crossSite = `http://localhost:${port}`;
    }
    origins.closed = `http://${host}:${await closedPort(host)}`;
  } catch (err) {
    for (const s of servers) s.close();
    throw err;
  }

  return {
    origins,
    galleryUrl: `${origins.page}/`,
    log: () => [...entries],
    clearLog: () => void entries.splice(0),
    waitForRequests(pred, count = 1, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hits = entries.filter(pred);
          if (hits.length < count) return false;
          clearTimeout(timer);
          events.off('request', check);
          resolve(hits);
          return true;
        };
        const timer = setTimeout(() => {
          events.off('request', check);
          reject(new Error(`lab: waited ${timeoutMs} ms for ${count} matching request(s), saw ${entries.filter(pred).length}`));
        }, timeoutMs);
        if (!check()) events.on('request', check);
      });
    },
    release,
    held: (key) => holds.get(key)?.length ?? 0,
    async close() {
      for (const key of [...holds.keys()]) release(key);
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      })));
    },
  };
}
