/**
 * A Cloudflare Worker under Miniflare (npm `miniflare`, which runs Cloudflare's `workerd` runtime from its npm
 * package, offline). The Worker sits in front of the suite's upstream application: Miniflare's `upstream`
 * option points `fetch(request)` at it, as a Worker on a route reaches its origin. `/api/crash` on the upstream
 * drops the connection, so the Worker's `fetch` throws. With no snippet the Worker is a plain pass-through
 * (cloudflare-worker/worker.mjs); the snippet is a whole Worker, so it becomes the script as given.
 */
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { Log, LogLevel, Miniflare } from 'miniflare';
import type { StackAdapter } from '../support/contract';
import { missingNpm } from '../support/paste';
import { waitForPort } from '../support/ports';

const PASS_THROUGH = new URL('./cloudflare-worker/worker.mjs', import.meta.url);
const PACKAGES = ['miniflare', 'workerd'];

/** Miniflare's own messages, kept for the failure report instead of printed. */
class KeptLog extends Log {
  readonly lines: string[] = [];
  constructor() {
    super(LogLevel.INFO);
  }
  protected override log(message: string): void {
    this.lines.push(message);
  }
}

export const cloudflareWorkerStack: StackAdapter = {
  stack: 'cloudflare-worker',
  packages: { npm: PACKAGES },
  missing: () => missingNpm(PACKAGES),
  async start({ port, snippet, upstreamPort }) {
    const log = new KeptLog();
    let output = '';
    const keep = (stream: Readable) => stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const mf = new Miniflare({
      modules: true,
      script: snippet?.code ?? readFileSync(PASS_THROUGH, 'utf8'),
      compatibilityDate: '2025-09-01',
      host: '127.0.0.1',
      port,
      upstream: `http://127.0.0.1:${upstreamPort}`,
      log,
      handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
        keep(stdout);
        keep(stderr);
      },
    });
    try {
      await mf.ready;
      await waitForPort(port);
    } catch (err) {
      await mf.dispose();
      throw new Error(`Miniflare did not start: ${err instanceof Error ? err.message : String(err)}\n${log.lines.join('\n')}${output}`, { cause: err });
    }
    return {
      stop: () => mf.dispose(),
      log: () => `${log.lines.join('\n')}\n${output}`,
    };
  },
};
