/**
 * Runs one real server program for a stack adapter: spawns it (its own process group, so its workers go with
 * it), keeps its output as the log, resolves once it accepts connections on its port, and stops it (the whole
 * group: SIGTERM, then SIGKILL if it has not exited within 5 s). A process that exits before it listens fails
 * the start with its log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { RunningServer } from './contract';
import { waitForPort } from './ports';

export interface SpawnOptions {
  command: string;
  args: string[];
  /** The port the program listens on (loopback). */
  port: number;
  cwd?: string;
  env?: Record<string, string>;
  /** More log to show on failure (e.g. an error log file the server writes). */
  extraLog?: () => string;
  timeoutMs?: number;
}

const MAX_LOG = 64 * 1024;

export async function spawnServer(options: SpawnOptions): Promise<RunningServer> {
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > MAX_LOG) output = output.slice(-MAX_LOG);
  };
  const child = spawn(options.command, options.args, {
    cwd: options.cwd, env: { ...process.env, ...options.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let exited: string | null = null;
  let spawnError: Error | null = null;
  child.once('error', (err) => (spawnError = err));
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  const log = () => `$ ${options.command} ${options.args.join(' ')}\n${output}${options.extraLog ? options.extraLog() : ''}`;
  const server: RunningServer = { stop: () => stopProcess(child), log };
  try {
    await waitForPort(options.port, () => {
      if (spawnError) return `${options.command} could not start: ${spawnError.message}`;
      return exited ? `${options.command} ${exited} before it listened on port ${options.port}:\n${log()}` : null;
    }, options.timeoutMs);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = once(child, 'exit');
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}
