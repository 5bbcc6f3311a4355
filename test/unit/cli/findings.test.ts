/**
 * Findings on the command line, in process: a HAR exported from test exchanges (the extension's own report
 * writer), findings and preflight cost in the table and in --json, and the exit status --fail-on gives
 * (3, with 2 and then 1 taking precedence). A log without findings prints exactly what it printed before.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify/classify';
import { exchange } from '../../support/builder';
import { EN } from '../../../src/core/i18n/catalogues';
import { cli as runCli, harWriter } from './harness';

const APP = 'https://app.example.com';
const API = 'https://api.example.com';
const har = harWriter('findings');
const cli = (...argv: string[]) => runCli(argv);

/** Origin null granted with credentials (high); a preflighted PUT with no Max-Age, preflighted again and again (low, cost). */
const nullWithCredentials = () => exchange().id('n1').from('null').cookie('sid=1').to(`${API}/me`).response((r) => r.acao('null').acac('true')).build();
const repeatedPreflights = () => [0, 1, 2, 3].map((i) => exchange().id(`p${i}`).from(APP).to(`${API}/items`).method('PUT').header('X-Trace', '1')
  .preflight((p) => p.status(204).acao(APP).acam('PUT').acah('x-trace').header('Vary', 'Origin'))
  .response((r) => r.acao(APP).header('Vary', 'Origin')).build());
/** The clean twin: an allowlisted origin echoed with Vary: Origin, nothing else. */
const clean = () => exchange().id('c1').from(APP).to(`${API}/data`).response((r) => r.acao(APP).header('Vary', 'Origin')).build();
const blocked = () => exchange().id('b1').from(APP).to(`${API}/gone`).response((r) => r.status(200)).failed().build();

describe('findings in the table', () => {
  it('lists each finding after the verdicts (severity, id, endpoint, summary, fix) and the preflight cost, before the counts', async () => {
    const r = await cli(har([nullWithCredentials(), ...repeatedPreflights()]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    const table = out.indexOf('#  METHOD');
    const findings = out.indexOf('Findings (');
    const cost = out.indexOf('Preflight cost (');
    const counts = out.indexOf('4 preflighted, 1 simple');
    expect(table).toBeGreaterThanOrEqual(0);
    expect([table < findings, findings < cost, cost < counts]).toEqual([true, true, true]);
    expect(out).toMatch(/^high\s+null-origin-allowed\s+https:\/\/api\.example\.com\/me$/m);
    expect(out).toMatch(/^low\s+preflight-not-cached\s+https:\/\/api\.example\.com\/items \(\d+ requests\)$/m);
    expect(out).toContain('Access-Control-Allow-Origin: null with Access-Control-Allow-Credentials: true');
    expect(out).toMatch(/^\s+Fix: Remove null from the allowed origins/m);
    // The cost row: 4 preflights to /items, no Max-Age (5 s), what the suggested 600 s would have saved.
    expect(out).toMatch(/^4\s+\d+ ms\s+\d+ ms\s+\(none\)\s+5 s \(default\)\s+3 \(\d+ ms\) at 600 s\s+https:\/\/api\.example\.com\/items$/m);
    expect(out.endsWith('4 preflighted, 1 simple\n')).toBe(true);
  });

  it('the words are the core\'s own: summary and fix as findingsOf wrote them', async () => {
    const { findingsOf } = await import('../../../src/core/cli-api');
    const x = nullWithCredentials();
    const [f] = findingsOf([{ exchange: x, verdict: classify(x) }]);
    const r = await cli('--json', har([x]));
    const [g] = JSON.parse(r.stdout).findings;
    expect(g).toMatchObject({ id: f!.id, severity: f!.severity, summary: EN.t(f!.summary), fix: EN.t(f!.fix), why: EN.t(f!.why), title: EN.t(f!.title) });
  });

  it('prints exactly the former output when there is no finding (table and JSON)', async () => {
    const path = har([clean(), blocked()]);
    const text = await cli(path);
    expect(text.stdout).not.toContain('Findings');
    expect(text.stdout).not.toContain('Preflight cost');
    expect(text.stdout.split('\n').slice(-3)).toEqual(['1 blocked, 1 simple', '1 request was blocked by CORS.', '']);
    const json = await cli(path, '--json');
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(['file', 'creator', 'lang', 'counts', 'exchanges', 'warnings']);
  });

  it('keeps header values from the file out of the terminal in the findings too', async () => {
    const x = exchange().from('null').to(`${API}/a\u001b[2J\u202eb`).response((r) => r.acao('null')).build();
    const r = await cli(har([x]));
    expect(r.stdout).toContain('null-origin-allowed');
    // eslint-disable-next-line no-control-regex -- what must not reach the terminal
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(r.stdout).toContain('\\u001B[2J\\u202Eb');
  });
});

describe('findings in --json', () => {
  it('adds findings and cost (machine fields in English) next to the exchanges', async () => {
    const r = await cli(har([nullWithCredentials(), ...repeatedPreflights()]), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['file', 'creator', 'lang', 'counts', 'exchanges', 'findings', 'cost', 'warnings']);
    expect(out.lang).toBe('en');
    expect(out.findings.map((f: { id: string; severity: string }) => [f.id, f.severity])).toEqual([['null-origin-allowed', 'high'], ['preflight-not-cached', 'low']]);
    expect(out.findings[0]).toMatchObject({ endpoint: `${API}/me`, exchangeIds: ['n1'], evidence: [{ exchangeId: 'n1', header: 'Access-Control-Allow-Origin', value: 'null' }, { header: 'Access-Control-Allow-Credentials', value: 'true' }] });
    expect(out.findings[0].learnMore.length).toBeGreaterThan(0);
    expect(out.cost).toEqual([expect.objectContaining({ endpoint: `${API}/items`, preflights: 4, exchangeIds: ['p0', 'p1', 'p2', 'p3'], suitableMaxAge: 600, saved: expect.objectContaining({ preflights: 3 }) })]);
    expect(out.cost[0].maxAge).toMatchObject({ sent: null, treatment: 'default', appliedSeconds: 5, cap: 7200, browser: 'chromium' });
  });
});

describe('--fail-on', () => {
  it('exits 3 when a finding is at or above the severity, 0 below it; never without the flag', async () => {
    const path = har([nullWithCredentials(), ...repeatedPreflights()]); // high + low
    expect((await cli(path)).code).toBe(0);
    expect((await cli(path, '--fail-on', 'high')).code).toBe(3);
    expect((await cli(path, '--fail-on=info', '--json')).code).toBe(3);
    const low = har(repeatedPreflights());
    expect((await cli(low, '--fail-on', 'low')).code).toBe(3);
    expect((await cli(low, '--fail-on', 'medium')).code).toBe(0);
    expect((await cli(har([clean()]), '--fail-on', 'info')).code).toBe(0);
  });

  it('a blocked request (1) takes precedence over findings (3); bad usage (2) over both', async () => {
    const both = har([nullWithCredentials(), blocked()]);
    expect((await cli(both, '--fail-on', 'info')).code).toBe(1);
    const bad = await cli(both, '--fail-on', 'critical');
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr.startsWith('cors-lens: --fail-on takes high, medium, low or info, not "critical"\n')).toBe(true);
    expect((await cli(both, '--fail-on')).stderr).toContain('--fail-on needs a value');
    expect((await cli(both, '--origin', APP)).stderr).toContain('--origin and --timeout belong to cors-lens probe');
  });

  it('the installed command exits with it too', { timeout: 30_000 }, async () => {
    const bin = fileURLToPath(new URL('../../../bin/cors-lens.mjs', import.meta.url));
    const code = await new Promise<number>((resolve) => {
      execFile(process.execPath, [bin, har([nullWithCredentials()]), '--fail-on', 'medium'], (err) => resolve(err ? Number(err.code) : 0));
    });
    expect(code).toBe(3);
  });

  it('--help documents status 3 and the precedence', async () => {
    const r = await cli('--help');
    expect(r.stdout).toContain('3  nothing was blocked, but a finding is at or above --fail-on');
    expect(r.stdout).toContain('precedence: 2, then 1, then 3');
    expect(r.stdout).toContain('only for servers your team owns');
  });
});
