/**
 * Copy as curl with values that are not valid HTTP (CR, LF, NUL; a name that is not a token; a method
 * with a line break): nothing of them reaches the command line, in either command, and a comment says
 * which header was left out and why. Proven with the real `curl` against a local node:http server
 * (loopback only, each run bounded by curl's own --max-time): the injected header line never arrives.
 * Long values are cut with a marker and the command says it is not a faithful replay.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlFor, MAX_HEADERS, MAX_VALUE } from '../../../../src/core/report/curl';
import type { Exchange } from '../../../../src/core/model/exchange';
import { exchangeOf } from '../fix/build';

const CURL = process.env.CURL_PATH ?? 'curl';
const INJECTED = 'X-Injected';
const EVIL = `https://app.example\r\n${INJECTED}: 1`;

let server: Server;
let base = '';
const received: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(req);
    res.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs the copied command with the real curl (its name replaced by CURL_PATH when set); resolves with the request the server got. */
function replay(command: string): Promise<IncomingMessage> {
  const before = received.length;
  const script = command.replace(/^curl /m, `${CURL} --max-time 10 -s -o /dev/null `);
  return new Promise((resolve, reject) => {
    execFile('sh', ['-c', script], { timeout: 15_000 }, (err, _stdout, stderr) => {
      if (err) return reject(new Error(`curl failed: ${err.message} ${stderr}`));
      if (received.length !== before + 1) return reject(new Error(`the server got ${received.length - before} requests`));
      resolve(received.at(-1)!);
    });
  });
}

const rawNames = (req: IncomingMessage): string[] => req.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());

function hostile(over: Partial<Exchange> = {}): Exchange {
  const x = exchangeOf({ method: 'PUT', headers: ['x-trace'], url: `${base}/items`, origin: 'https://app.example' });
  x.initiator = 'https://app.example';
  x.requestHeaders = [{ name: 'Origin', value: EVIL }, { name: 'X-Trace', value: `a\n${INJECTED}: 2` }, { name: 'X-Ok', value: 'fine' }];
  x.preflights[0]!.requestHeaders = [
    { name: 'Origin', value: EVIL },
    { name: 'Access-Control-Request-Method', value: `PUT\r\n${INJECTED}: 3` },
    { name: 'Access-Control-Request-Headers', value: 'x-trace\0' },
  ];
  return Object.assign(x, over);
}

describe('copy as curl with values that are not valid HTTP', { timeout: 30_000 }, () => {
  it('the preflight command leaves them out and says which and why; the injected line never reaches the server', async () => {
    const cmd = curlFor(hostile(), 'preflight');
    expect(cmd).not.toContain(INJECTED);
    const notes = cmd.split('\n').filter((l) => l.startsWith('# Skipped'));
    expect(notes).toEqual([
      '# Skipped a header that is not valid HTTP (Origin): its value holds a line break or NUL, which curl would send as an extra header line.',
      '# Skipped a header that is not valid HTTP (Access-Control-Request-Method): its value holds a line break or NUL, which curl would send as an extra header line.',
      '# Skipped a header that is not valid HTTP (Access-Control-Request-Headers): its value holds a line break or NUL, which curl would send as an extra header line.',
    ]);
    const req = await replay(cmd);
    expect(req.method).toBe('OPTIONS');
    expect(rawNames(req)).not.toContain(INJECTED.toLowerCase());
    expect(rawNames(req)).not.toContain('origin');
  });

  it('the request command leaves them out too and does not add the refused Origin back from the initiator', async () => {
    const cmd = curlFor(hostile(), 'request');
    expect(cmd).not.toContain(INJECTED);
    expect(cmd).toContain('# Skipped a header that is not valid HTTP (Origin)');
    expect(cmd).toContain('# Skipped a header that is not valid HTTP (X-Trace)');
    expect(cmd).not.toContain('Origin: https://app.example');
    const req = await replay(cmd);
    expect(req.method).toBe('PUT');
    expect(rawNames(req)).not.toContain(INJECTED.toLowerCase());
    expect(rawNames(req)).not.toContain('origin');
    expect(req.headers['x-ok']).toBe('fine');
  });

  it('a method with a line break is not put in the request line', async () => {
    const cmd = curlFor(hostile({ method: `GET /x HTTP/1.1\r\n${INJECTED}: 4\r\nY:`, requestHeaders: [] }), 'request');
    expect(cmd).toContain('# Skipped the method: it is not a valid HTTP method token');
    expect(cmd).not.toContain(INJECTED);
    const req = await replay(cmd);
    expect(rawNames(req)).not.toContain(INJECTED.toLowerCase());
    expect(req.url).toBe('/items');
  });

  it('an initiator with a line break is not used as the Origin either', () => {
    const cmd = curlFor(hostile({ initiator: EVIL, requestHeaders: [] }), 'request');
    expect(cmd).not.toContain(INJECTED);
  });

  it('still sends a valid Origin, and the initiator when none was captured', async () => {
    const x = hostile({ requestHeaders: [{ name: 'X-Ok', value: 'fine' }] });
    const req = await replay(curlFor(x, 'request'));
    expect(req.headers.origin).toBe('https://app.example');
  });
});

describe('copy as curl with long values', () => {
  it('cuts a long header value with a marker and says the command is not a faithful replay', () => {
    const x = hostile({ requestHeaders: [{ name: 'X-Big', value: 'v'.repeat(262_144) }] });
    const cmd = curlFor(x, 'request');
    expect(cmd.length).toBeLessThan(MAX_VALUE + 2000);
    expect(cmd).toContain(`${'v'.repeat(MAX_VALUE)}…[cut: 262,144 chars]`);
    expect(cmd).toMatch(/^# Values longer than 4,096 characters were cut .*: this command is not a faithful replay\.$/m);
  });

  it('leaves out a header whose name is too long to copy (a cut name would be another header), and says so', () => {
    const cmd = curlFor(hostile({ requestHeaders: [{ name: 'X'.repeat(1 << 20), value: 'v' }] }), 'request');
    expect(cmd.length).toBeLessThan(MAX_VALUE + 2000);
    expect(cmd).toMatch(/^# Skipped a header whose name is 1,048,576 characters long \(X+…\[cut: 1,048,576 chars\]\): too long to copy\.$/m);
    expect(cmd).not.toContain(`-H 'XXXX`);
  });

  it('copies at most MAX_HEADERS headers and says how many there were', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ name: `X-H${i}`, value: 'x'.repeat(100) }));
    const cmd = curlFor(hostile({ requestHeaders: many }), 'request');
    expect(cmd.match(/-H '/g)).toHaveLength(MAX_HEADERS);
    expect(cmd).toContain(`# Only the first ${MAX_HEADERS} of 5,001 headers are copied.`);
    expect(cmd).toContain('this command is not a faithful replay');
  });

  it('cuts a 1 MB URL and method', () => {
    const cmd = curlFor(hostile({ url: `${base}/${'a'.repeat(1 << 20)}`, method: 'P'.repeat(1 << 20) }), 'request');
    expect(cmd.length).toBeLessThan(3 * MAX_VALUE + 2000);
    expect(cmd).toContain('…[cut: 1,048,576 chars]');
  });
});
