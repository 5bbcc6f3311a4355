/**
 * `npm run bench cli-start`: how fast the command line starts as users get it. The package is packed (`npm pack`,
 * whose prepack builds cli-dist/) and installed offline into an empty temporary folder; each figure is the wall time
 * of a whole `node …/cors-lens` process, spawned and waited for, median of N runs after one warm-up run.
 * Rows: the installed `cors-lens --help` (target < 300 ms on a 2-core machine, issue 13); the same from source
 * through tsx, as every run was before the bundle (CORS_LENS_FROM_SOURCE=1 in the checkout), and the ratio; the
 * installed CLI classifying a fixture HAR (Chrome's export of the lab, 12 requests); and `node -e ''` alone, the
 * floor no launcher can go under on this machine. Wall time is what a user waits, but other processes on a shared
 * machine inflate it; the CPU rows (user + system time of the child, read by a preloaded exit hook) are steadier.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/har/chrome-devtools-export.har');
const RUNS = 15;
const SOURCE_RUNS = 5;
const TARGET_MS = 300;

function must(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const CPU_HOOK = "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\ncors-lens-bench-cpu ${(u.user + u.system) / 1000}\\n`); });\n";

/** Median wall and CPU milliseconds of `node args…` (one warm-up run first), checking each run's exit status. */
function timed(hook: string, args: string[], cwd: string, runs: number, status: number, env: NodeJS.ProcessEnv): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['-r', hook, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== status) throw new Error(`node ${args.join(' ')} exited ${r.status}, not ${status}: ${r.stderr}`);
    const cpu = /cors-lens-bench-cpu ([\d.]+)/.exec(r.stderr);
    if (!cpu) throw new Error(`node ${args.join(' ')} did not report its CPU time: ${r.stderr}`);
    if (i > 0) {
      walls.push(ms);
      cpus.push(Number(cpu[1]));
    }
  }
  return { wall: median(walls), cpu: median(cpus) };
}

export async function run(): Promise<BenchRow[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'cors-lens-bench-cli-'));
  try {
    const packed = must('npm', ['pack', '--json', '--pack-destination', tmp], ROOT);
    const [{ filename }] = JSON.parse(packed.slice(packed.search(/^\[/m))) as [{ filename: string }];
    const app = join(tmp, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n');
    must('npm', ['install', '--no-audit', '--no-fund', '--offline', join(tmp, filename)], app);
    const env = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NODE_OPTIONS: '' };
    const bin = join(app, 'node_modules/.bin/cors-lens');

    const hook = join(tmp, 'cpu-hook.cjs');
    writeFileSync(hook, CPU_HOOK);

    const installed = timed(hook, [bin, '--help'], app, RUNS, 0, env);
    const source = timed(hook, [join(ROOT, 'bin/cors-lens.mjs'), '--help'], ROOT, SOURCE_RUNS, 0, { ...env, CORS_LENS_FROM_SOURCE: '1' });
    const classify = timed(hook, [bin, FIXTURE], app, RUNS, 1, env);
    const bare = timed(hook, ['-e', ''], app, RUNS, 0, env);
    const row = (metric: string, value: number, unit: string, extra: Partial<BenchRow> = {}): BenchRow => ({ area: 'cli-start', metric, value, unit, ...extra });
    return [
      row(`installed cors-lens --help, wall (median of ${RUNS})`, installed.wall, 'ms', { target: `< ${TARGET_MS}`, ok: installed.wall < TARGET_MS }),
      row(`installed cors-lens --help, CPU`, installed.cpu, 'ms'),
      row(`from source through tsx, --help, wall (median of ${SOURCE_RUNS})`, source.wall, 'ms'),
      row('from source / installed, wall', source.wall / installed.wall, '×'),
      row(`installed cors-lens <12-request HAR>, wall (median of ${RUNS})`, classify.wall, 'ms'),
      row(`installed cors-lens <12-request HAR>, CPU`, classify.cpu, 'ms'),
      row(`node -e '' alone, wall (median of ${RUNS})`, bare.wall, 'ms'),
      row(`node -e '' alone, CPU`, bare.cpu, 'ms'),
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
