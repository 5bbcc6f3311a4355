/**
 * One huge field must not make the copy-paste outputs slow or large: the Markdown summary (with the
 * server fix) and "copy as curl" for an exchange with a 1 MB method, a 1 MB URL and 20,000 headers.
 * CPU time of this process, median of 5. Targets: each <= 200 ms and <= 64 KB of text.
 */
import type { BenchRow } from './index';
import { classify } from '../src/core/classify/classify';
import { curlFor } from '../src/core/report/curl';
import { fixesFor } from '../src/core/fix/index';
import type { Exchange } from '../src/core/model/exchange';
import { summaryMarkdown } from '../src/core/report/summary';
import { API, exchange } from '../test/support/builder';

const MB = 1 << 20;

function cases(): [string, Exchange][] {
  let many = exchange().method('PUT').to(`${API}/a`);
  for (let i = 0; i < 20_000; i++) many = many.header(`X-H${i}`, 'v'.repeat(40));
  return [
    ['1 MB method', exchange().method('P'.repeat(MB)).to(`${API}/a`).response((r) => r.status(200)).failed().build()],
    ['1 MB URL', exchange().to(`${API}/${'a'.repeat(MB)}`).response((r) => r.status(200)).failed().build()],
    ['20,000 headers', many.preflight((p) => p.acao('*')).failed().build()],
  ];
}

function cpuMs(fn: () => string): { ms: number; size: number } {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    size = fn().length;
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  return { ms: [...times].sort((a, b) => a - b)[2]!, size };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [what, x] of cases()) {
    const v = classify(x);
    const md = cpuMs(() => summaryMarkdown({ entries: [{ exchange: x, verdict: v }], now: 0, fixes: fixesFor }));
    const curl = cpuMs(() => curlFor(x, 'preflight') + curlFor(x, 'request'));
    for (const [name, r] of [['summaryMarkdown', md], ['copy as curl (both commands)', curl]] as const) {
      rows.push({ area: 'bounds', metric: `${name}, ${what} (CPU, median of 5)`, value: r.ms, unit: 'ms', target: '<= 200', ok: r.ms <= 200 });
      rows.push({ area: 'bounds', metric: `${name}, ${what}: output size`, value: r.size / 1024, unit: 'KB', target: '<= 64', ok: r.size <= 64 * 1024 });
    }
  }
  return rows;
}
