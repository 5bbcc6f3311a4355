/**
 * The repository's files as the convention tests see them: every file git tracks plus every new file
 * git does not ignore (work in progress counts), minus files deleted in the work tree. Paths are
 * repository-relative with forward slashes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

let cached: string[] | undefined;

export function repoFiles(): string[] {
  if (cached) return cached;
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8');
  const paths = [...new Set(out.split('\0').filter(Boolean))];
  cached = paths.filter((p) => existsSync(join(ROOT, p))).sort();
  return cached;
}

export function readRepoFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}
