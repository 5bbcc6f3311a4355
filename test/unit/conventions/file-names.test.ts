/** Issue 9: no two paths in the repository differ only in letter case (one would shadow the other on macOS and Windows). */
import { describe, expect, it } from 'vitest';
import { caseOnlyClashes } from './layout';
import { repoFiles } from './repo-files';

describe('file names', () => {
  it('finds a planted case-only pair, of files and of folders', () => {
    expect(caseOnlyClashes(['src/ui/Diff.tsx', 'src/ui/diff.tsx', 'src/ui/x.ts'])).toEqual([['src/ui/Diff.tsx', 'src/ui/diff.tsx']]);
    expect(caseOnlyClashes(['src/UI/a.ts', 'src/ui/b.ts'])).toEqual([['src/UI', 'src/ui']]);
    expect(caseOnlyClashes(['src/ui/a.ts', 'src/ui/b.ts'])).toEqual([]);
  });

  it('no two files or folders differ only in case', () => {
    const clashes = caseOnlyClashes(repoFiles()).map((g) => g.join(' vs '));
    expect(clashes, `paths that differ only in case:\n${clashes.join('\n')}\n`).toEqual([]);
  });
});
