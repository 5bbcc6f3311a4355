/**
 * Issue 11: no user-visible English literal is left in src/panel, src/popup, src/ui or the core's sentence
 * builders (reasons, classify, findings, report, fix but its stacks' snippets): every word the user reads
 * comes from the catalogues (`t('id')` in the pages, `m('id', values)` in the core). See english-literals.ts
 * for the rules; a literal that must stay English carries `// i18n-exempt: <why>` on its line.
 */
import { describe, expect, it } from 'vitest';
import { folderOf, isScanned, looksLikeProse, scanFile, type Exemption, type Finding } from './english-literals';
import { readRepoFile, repoFiles } from './repo-files';

/** Exemptions are kept few: more than this many `// i18n-exempt` comments is a sign words escaped the catalogue. */
const MAX_EXEMPT_COMMENTS = 15;

const show = (f: Finding | Exemption) => `${f.path}:${f.line}: ${'rule' in f ? `[${f.rule}] ` : `(${f.why}) `}${JSON.stringify(f.text)}`;

describe('English-literal scan on planted input', () => {
  it('tells prose from technical shapes', () => {
    for (const s of ['no Allow-Origin', 'Reload the page', 'Export HAR', '\u0001 rows', 'isn’t allowed here', 'Copied!  Paste it', 'Fix on the server: send these; then reload', 'note: it is cut; see below', 'after 200ms it stops']) {
      expect(looksLikeProse(s), s).toBe(true);
    }
    for (const s of ['Access-Control-Allow-Origin', 'GET, POST, PUT', 'Origin: null', '1px solid var(--line)',
      'color: red; margin: 0', '\u0001 (Firefox: \u0001)', 'CORS Lens', '\u0001 \u0001', '\u0001/\u0001', 'rows', 'https://example.test/a b', 'MissingAllowOriginHeader', '']) {
      expect(looksLikeProse(s), s).toBe(false);
    }
  });

  it('finds JSX text, visible attributes and prose, and passes code and exempted literals', () => {
    const tsx = [
      "import { t } from '../ui/i18n';", // 1
      'export function A({ n, cls }: { n: number; cls: string }) {', // 2
      '  const label = `${n} requests blocked`;', // 3
      '  return (<section class="empty state" data-testid="empty">', // 4
      '    <h2>No requests yet</h2>', // 5
      '    <button title="Copy the line" aria-label={t(\'copy\')} class={`${cls} is active`}>{label} · {t(\'x\')}</button>', // 6
      '    <input placeholder={n ? `${n} rows` : t(\'none\')} alt="" />', // 7
      "    <p>{'Kept on purpose here'}</p>{/* i18n-exempt: a planted exemption */}",
      '  </section>);',
      '}',
      "console.warn('this is developer output');",
      "const kept = 'Also kept on purpose'; // i18n-exempt: planted too",
      "el.classList.add('row selected');",
      "const o = { 'key with space': 1, class: 'a b' };",
      "type K = 'one two';",
    ].join('\n');
    const scan = scanFile('src/popup/A.tsx', tsx);
    expect(scan.findings.map(show)).toEqual([
      'src/popup/A.tsx:3: [prose] "${…} requests blocked"',
      'src/popup/A.tsx:5: [jsx-text] "No requests yet"',
      'src/popup/A.tsx:6: [attribute] "title=\\"Copy the line\\""',
      'src/popup/A.tsx:7: [attribute] "placeholder=\\"${…} rows\\""',
    ]);
    expect(scan.exemptions.map(show)).toEqual([
      'src/popup/A.tsx:8: (a planted exemption) "Kept on purpose here"',
      'src/popup/A.tsx:11: (developer output) "this is developer output"',
      'src/popup/A.tsx:12: (planted too) "Also kept on purpose"',
    ]);
  });

  it("passes Chrome's console text in a reason module, and only there", () => {
    const src = "export const r = { chrome: () => \"No 'Access-Control-Allow-Origin' header is present on the requested resource.\" };";
    expect(scanFile('src/core/reasons/x.ts', src).findings).toEqual([]);
    expect(scanFile('src/core/reasons/x.ts', src).exemptions.map((e) => e.why)).toEqual(["Chrome's console text"]);
    expect(scanFile('src/core/fix/x.ts', src).findings).toHaveLength(1);
    const lead = "export function chromeConsoleLead(x: X): string { return `Access to ${x.kind} at '${x.url}'`; }";
    expect(scanFile('src/core/reasons/texts.ts', lead).exemptions.map((e) => e.why)).toEqual(["Chrome's console text"]);
  });

  it('passes product names as JSX text, and judges a handler by its own words, not by the call it is passed to', () => {
    const src = [
      'const a = <h1>CORS Lens</h1>;',
      "el.addEventListener('click', () => setStatus('Log cleared for good'));",
      "const o = { class: 'row blocked', onClick: () => say('Saved the report') };",
    ].join('\n');
    expect(scanFile('src/panel/B.tsx', src).findings.map(show)).toEqual([
      'src/panel/B.tsx:2: [prose] "Log cleared for good"',
      'src/panel/B.tsx:3: [prose] "Saved the report"',
    ]);
  });

  it('covers the pages and the sentence builders, not the snippets', () => {
    expect(['src/panel/Panel.tsx', 'src/ui/x.ts', 'src/core/fix/notes.ts', 'src/core/reasons/texts.ts', 'src/core/report/markdown.ts'].every(isScanned)).toBe(true);
    expect(['src/core/fix/stacks/nginx.ts', 'src/core/har/read.ts', 'src/background/index.ts', 'src/ui/x.d.ts', 'src/panel/index.html'].some(isScanned)).toBe(false);
    expect(folderOf('src/core/fix/notes.ts')).toBe('src/core/fix');
    expect(folderOf('src/panel/details/X.tsx')).toBe('src/panel');
  });
});

describe('no English literal in the pages and the sentence builders', () => {
  const files = repoFiles().filter(isScanned);
  const scans = files.map((path) => scanFile(path, readRepoFile(path)));
  const findings = scans.flatMap((s) => s.findings);
  const exemptions = scans.flatMap((s) => s.exemptions);

  it('scans something in each folder', () => {
    const folders = new Set(files.map(folderOf));
    for (const f of ['src/panel', 'src/popup', 'src/ui', 'src/core/reasons', 'src/core/classify', 'src/core/findings', 'src/core/report', 'src/core/fix']) {
      expect(folders.has(f), f).toBe(true);
    }
  });

  it('finds no user-visible English literal', () => {
    const perFolder = new Map<string, number>();
    for (const f of findings) perFolder.set(folderOf(f.path), (perFolder.get(folderOf(f.path)) ?? 0) + 1);
    const counts = [...perFolder].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n');
    const message = [
      `${findings.length} English literals (add them to public/_locales/{en,fr}/messages.json and say them with t()/m(),`,
      'or, if they must stay English, end the line with // i18n-exempt: <why>). Per folder:',
      counts,
      ...findings.map(show),
      '',
      `Exemptions in force (${exemptions.length}):`,
      ...exemptions.map(show),
      '',
    ].join('\n');
    expect(findings, message).toEqual([]);
  });

  it(`keeps the // i18n-exempt comments few (at most ${MAX_EXEMPT_COMMENTS}), each with a reason`, () => {
    const commented = exemptions.filter((e) => !["Chrome's console text", 'developer output'].includes(e.why));
    expect(commented.length, commented.map(show).join('\n')).toBeLessThanOrEqual(MAX_EXEMPT_COMMENTS);
    for (const e of commented) expect(e.why.length, show(e)).toBeGreaterThanOrEqual(5);
  });
});
