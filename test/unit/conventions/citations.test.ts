/**
 * Issue 9: no comment cites "the reference" by section number. That document is not in the repository,
 * so nobody can follow the citation; cite the Fetch Standard section, the Chromium source file or a file
 * in this repository instead.
 */
import { describe, expect, it } from 'vitest';
import { referenceCitations } from './layout';
import { readRepoFile, repoFiles } from './repo-files';

const SCANNED = ['src/', 'test/', 'lab/', 'bench/', 'scripts/'];
const S = '\u00a7';

describe('citations', () => {
  it('finds a planted citation, in any case and spacing, and nothing else', () => {
    const planted = [
      { path: 'src/a.ts', text: `/** Judged first (reference ${S}10). */\nconst a = 1;\n` },
      { path: 'src/b.ts', text: `const b = 1;\n// Reference${S}4.3 scenario J\n` },
      { path: 'src/c.ts', text: `/** Fetch ${S}4.4 HTTP-redirect fetch; see the reference implementation. */\n` },
    ];
    expect(referenceCitations(planted)).toEqual([
      `src/a.ts:1: /** Judged first (reference ${S}10). */`,
      `src/b.ts:2: // Reference${S}4.3 scenario J`,
    ]);
  });

  it(`nothing in ${SCANNED.join(', ')} cites the reference by section`, () => {
    const files = repoFiles()
      .filter((p) => SCANNED.some((d) => p.startsWith(d)) && !/\.(png|jpe?g|gif|ico|woff2?|har\.gz|zip)$/i.test(p))
      .map((path) => ({ path, text: readRepoFile(path) }));
    const found = referenceCitations(files);
    if (found.length > 0) {
      expect.fail(`${found.length} citations of a document that is not in the repository (cite the Fetch Standard section, the Chromium source file or a repository file):\n${found.join('\n')}\n`);
    }
  });
});
