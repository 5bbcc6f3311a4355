/** The layout checks as pure functions of a file list, so each can be shown to fail on planted input. */

/** Paths (files, or the folders above them) that differ only in letter case: one group per clash. */
export function caseOnlyClashes(paths: readonly string[]): string[][] {
  const all = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('/'));
  }
  const byLower = new Map<string, string[]>();
  for (const p of all) {
    const k = p.toLowerCase();
    byLower.set(k, [...(byLower.get(k) ?? []), p]);
  }
  return [...byLower.values()].filter((g) => g.length > 1).map((g) => g.sort());
}

/** Lines in a text as `wc -l` counts them, plus a last line without a newline. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

export const MAX_LINES = 300;

/** Files over MAX_LINES that are not allowed, and allowlist entries that no longer need to be there. */
export function oversized(
  files: readonly { path: string; lines: number }[],
  allowed: Readonly<Record<string, string>>,
): { over: string[]; stale: string[] } {
  const over = files.filter((f) => f.lines > MAX_LINES && !(f.path in allowed)).map((f) => `${f.path}: ${f.lines} lines`);
  const sizes = new Map(files.map((f) => [f.path, f.lines]));
  const stale = Object.keys(allowed)
    .filter((p) => (sizes.get(p) ?? 0) <= MAX_LINES)
    .map((p) => `${p}: ${sizes.has(p) ? `${sizes.get(p)} lines` : 'no such file'}`);
  return { over, stale };
}

/**
 * A citation of "the reference" by section (the word, then the section sign): that document is not in
 * the repository, so a reader cannot follow it. Cite the Fetch Standard section, the Chromium source
 * file or a file in this repository instead. Written with an escape so this file does not match itself.
 */
export const REFERENCE_CITATION = /\breference\s*\u00a7/i;

/** `path:line: text` for each line citing the reference by section. */
export function referenceCitations(files: readonly { path: string; text: string }[]): string[] {
  const out: string[] = [];
  for (const { path, text } of files) {
    text.split('\n').forEach((line, i) => {
      if (REFERENCE_CITATION.test(line)) out.push(`${path}:${i + 1}: ${line.trim()}`);
    });
  }
  return out;
}
