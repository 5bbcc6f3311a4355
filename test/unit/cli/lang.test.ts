/**
 * The command line in French: `--lang fr`, or the locale variables (LC_ALL, then LC_MESSAGES, then LANG);
 * English by default. Exit statuses and machine fields are the same in every language.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { langOfEnv } from '../../../src/cli/lang';
import { exchange } from '../../support/builder';
import { cli, harWriter } from './harness';

const APP = 'https://app.example.com';
const API = 'https://api.example.com';
const har = harWriter('lang');

const blocked = () => exchange().id('b1').from(APP).to(`${API}/gone`).response((r) => r.status(200)).failed().build();
const fine = () => exchange().id('c1').from(APP).to(`${API}/data`).response((r) => r.acao(APP).header('Vary', 'Origin')).build();
const nullTrusted = () => exchange().id('n1').from('null').cookie('sid=1').to(`${API}/me`).response((r) => r.acao('null').acac('true')).build();

describe('the language of the command line', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG (the first set and not empty), else English', () => {
    expect(langOfEnv({})).toBe('en');
    expect(langOfEnv({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(langOfEnv({ LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'en_US.UTF-8' })).toBe('en');
    expect(langOfEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'fr_CA', LC_ALL: '' })).toBe('fr');
    expect(langOfEnv({ LANG: 'fr_FR', LC_ALL: 'C' })).toBe('en');
  });

  it('prints French with --lang fr and with LANG=fr_FR.UTF-8, English by default', async () => {
    const path = har([blocked(), fine()]);
    const en = await cli([path]);
    expect(en.stdout).toMatch(/^#\s+METHOD\s+STATUS\s+VERDICT\s+URL$/m);
    expect(en.stdout.endsWith('1 blocked, 1 simple\n1 request was blocked by CORS.\n')).toBe(true);
    for (const fr of [await cli([path, '--lang', 'fr']), await cli([path], { LANG: 'fr_FR.UTF-8' }), await cli([path, '--lang=fr'], { LANG: 'en_US.UTF-8' })]) {
      expect(fr.stdout.split('\n')[0]).toBe(`${path}\u00a0: 2 requêtes (écrit par CORS Lens 0.1.0)`);
      expect(fr.stdout).toMatch(/^#\s+MÉTHODE\s+ÉTAT\s+VERDICT\s+URL$/m);
      expect(fr.stdout).toMatch(/^1\s+GET\s+200\s+bloquée\s+https:\/\/api\.example\.com\/gone$/m);
      expect(fr.stdout).toMatch(/^\s+MissingAllowOriginHeader: /m);
      expect(fr.stdout.endsWith('1 bloquée, 1 simple\n1 requête a été bloquée par CORS.\n')).toBe(true);
      expect(fr.code).toBe(en.code);
    }
    expect((await cli([path, '--lang', 'en'], { LC_ALL: 'fr_FR.UTF-8' })).stdout).toBe(en.stdout);
  });

  it('gives the same exit status in both languages: blocked, clean, findings over --fail-on, bad usage', async () => {
    const cases = [[har([blocked()])], [har([fine()])], [har([nullTrusted()]), '--fail-on', 'high'], [har([fine()]), '--fail-on', 'critical'], ['--nope']];
    for (const argv of cases) {
      const en = await cli(argv);
      const fr = await cli([...argv, '--lang', 'fr']);
      expect(fr.code, argv.join(' ')).toBe(en.code);
    }
    expect((await cli(cases[0]!)).code).toBe(1);
    expect((await cli(cases[1]!)).code).toBe(0);
    expect((await cli(cases[2]!)).code).toBe(3);
    expect((await cli(cases[3]!, { LANG: 'fr_FR.UTF-8' })).stderr.startsWith('cors-lens: --fail-on prend high, medium, low ou info, pas "critical"\n')).toBe(true);
  });

  it('says findings, help and errors in French', async () => {
    const r = await cli([har([nullTrusted()])], { LANG: 'fr_FR.UTF-8' });
    expect(r.stdout).toContain('Constats (élevée\u00a0: 1)\u00a0:');
    expect(r.stdout).toMatch(/^GRAVITÉ\s+CONSTAT\s+POINT D’ACCÈS$/m);
    expect(r.stdout).toMatch(/^élevée\s+null-origin-allowed\s+https:\/\/api\.example\.com\/me$/m);
    expect(r.stdout).toMatch(/^\s+Correctif\u00a0: Retirez null des origines autorisées/m);
    const help = await cli(['--help', '--lang', 'fr']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--lang <en|fr>');
    expect(help.stdout).toContain('Code de sortie');
    const none = await cli([], { LANG: 'fr_FR.UTF-8' });
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([2, 'cors-lens: aucun fichier HAR indiqué.']);
    expect((await cli(['x.har', '--lang', 'de'])).stderr).toContain('--lang takes en or fr, not "de"');
  });

  it('--json keeps machine fields in English, says its sentences in the language and records it', async () => {
    const path = har([blocked(), nullTrusted()]);
    const en = JSON.parse((await cli([path, '--json'])).stdout);
    const fr = JSON.parse((await cli([path, '--json', '--lang', 'fr'])).stdout);
    expect([en.lang, fr.lang]).toEqual(['en', 'fr']);
    expect(fr.counts).toEqual(en.counts);
    const machine = (x: { verdict: string; code: string | null; reasons: { code: string }[] }) => [x.verdict, x.code, x.reasons.map((r) => r.code)];
    expect(fr.exchanges.map(machine)).toEqual(en.exchanges.map(machine));
    expect(fr.findings.map((f: { id: string; severity: string }) => [f.id, f.severity])).toEqual(en.findings.map((f: { id: string; severity: string }) => [f.id, f.severity]));
    expect(fr.findings[0].title).toBe('Origine null autorisée');
    expect(en.findings[0].title).toBe('Origin null trusted');
    expect(fr.exchanges[0].summary).not.toBe(en.exchanges[0].summary);
  });

  it('the installed command follows LANG=fr_FR.UTF-8', { timeout: 30_000 }, async () => {
    const bin = fileURLToPath(new URL('../../../bin/cors-lens.mjs', import.meta.url));
    const path = har([blocked()]);
    const spawn = (env: NodeJS.ProcessEnv) => new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [bin, path], { env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env } }, (err, stdout) => resolve({ code: err ? Number(err.code) : 0, stdout }));
    });
    const [fr, en] = await Promise.all([spawn({ LANG: 'fr_FR.UTF-8' }), spawn({ LANG: 'C' })]);
    expect(fr.stdout).toContain('1 requête a été bloquée par CORS.');
    expect(en.stdout).toContain('1 request was blocked by CORS.');
    expect([fr.code, en.code]).toEqual([1, 1]);
  });
});
