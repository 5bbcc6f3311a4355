/**
 * One HTTP request to a proxy under test, read as raw header lines: a browser (and fetch) merges repeated
 * headers before a script can count them, so a duplicate Access-Control-Allow-Origin is only visible here.
 */
import { request } from 'node:http';

export interface Ask {
  method: string;
  path: string;
  headers?: Record<string, string>;
}

export interface RawAnswer {
  status: number;
  /** Header lines as received: lowercase name → every value, one per line, in order. */
  lines: Map<string, string[]>;
  body: string;
}

/** Sends `ask` to 127.0.0.1:port with `Host: localhost:port` (the name the page uses) and `extra` headers. */
export function send(port: number, ask: Ask, extra: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { Host: `localhost:${port}`, ...ask.headers, ...extra };
    const req = request({ host: '127.0.0.1', port, method: ask.method, path: ask.path, headers }, (res) => {
      const lines = new Map<string, string[]>();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        const name = res.rawHeaders[i]!.toLowerCase();
        lines.set(name, [...(lines.get(name) ?? []), res.rawHeaders[i + 1]!]);
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, lines, body }));
    });
    req.on('error', (err) => reject(new Error(`${ask.method} ${ask.path}: ${err.message}`)));
    req.end();
  });
}
