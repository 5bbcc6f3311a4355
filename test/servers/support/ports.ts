/** Loopback ports for the real-server suite: a free one to listen on, and a wait until a server accepts on one. */
import { createConnection, createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** A port nothing listens on right now (the OS picks it; the caller listens on it next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Whether a TCP connection to 127.0.0.1:port is accepted now. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Resolves once 127.0.0.1:port accepts connections (checked every 50 ms). `failed` is asked before every try:
 * when it returns a message (the process exited…), the wait stops at once with that message.
 */
export async function waitForPort(port: number, failed: () => string | null = () => null, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = failed();
    if (why) throw new Error(why);
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for a server to accept connections on port ${port}`);
    await delay(50);
  }
}
