/**
 * CPU time of a browser and every process it started (renderers, the extension's worker, the network service),
 * read from Linux's /proc. The page-load bench's times swing by ±10 % on a machine shared with other work, while
 * the CPU a burst costs barely moves with the load: it shows which configurations cost the same.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

interface Proc { pid: number; ppid: number; ticks: number }

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After "pid (comm) ": state, ppid, … utime is field 14 and stime field 15 of the whole line.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(name), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return out;
}

export const canReadCpu = (): boolean => process.platform === 'linux' && existsSync('/proc/self/stat');

/** Our child processes now: a browser launched next is the one child not in this set. */
export function children(): Set<number> {
  return new Set(processes().filter((p) => p.ppid === process.pid).map((p) => p.pid));
}

/** The browser launched since `before` (a child of this process; other work's browsers are not ours). */
export function launchedSince(before: Set<number>): number {
  const fresh = processes().filter((p) => p.ppid === process.pid && !before.has(p.pid));
  if (fresh.length !== 1) throw new Error(`expected one new browser process, found ${fresh.length}`);
  return fresh[0]!.pid;
}

/** Milliseconds of CPU used so far by `root` and its descendants (those still running). */
export function treeCpuMs(root: number): number {
  const all = processes();
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (!inTree.has(p.pid) && inTree.has(p.ppid)) { inTree.add(p.pid); grew = true; }
  }
  return all.filter((p) => inTree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0) * (1000 / TICKS);
}
