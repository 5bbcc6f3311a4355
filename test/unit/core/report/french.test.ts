/**
 * The copied summary and the HAR report in French: sentences in the reader's language, machine fields
 * (verdict, code, finding ids, header lines) unchanged, the report's language recorded.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { buildHarReport, HarReadError, readHar } from '../../../../src/core/har';
import { EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import type { Exchange } from '../../../../src/core/model/exchange';
import { costHeadline, duration } from '../../../../src/core/report/findings';
import { curlFor } from '../../../../src/core/report/curl';
import { ago, describeBlocked, summaryMarkdown } from '../../../../src/core/report/summary';
import { exchange } from '../../../support/builder';
import { corsBlockErrors, corsLensErrors, harErrors } from '../har/schema';

const FR = wordsFor('fr');
const APP = 'https://app.example.com';
const API = 'https://api.example.com';
const T0 = Date.UTC(2026, 0, 1);
const entry = (x: Exchange) => ({ exchange: x, verdict: classify(x) });
const missing = () => exchange().id('b').from(APP).to(`${API}/gone`).response((r) => r.status(200)).failed().build();
const nullCreds = () => exchange().id('n').from('null').cookie('sid=1').to(`${API}/me`).response((r) => r.acao('null').acac('true')).build();

describe('the summary in French', () => {
  it('says its sentences in French and keeps codes, header names and values', () => {
    const md = summaryMarkdown({ entries: [entry(missing()), entry(nullCreds())], now: T0, pageUrl: `${APP}/page`, counts: { blocked: 1, simple: 1 }, total: 2, words: FR });
    expect(md).toContain('## Rapport CORS pour `app.example.com`');
    expect(md).toContain('Requêtes vues\u00a0: 2 — bloquée\u00a0: 1, simple\u00a0: 1.');
    expect(md).toContain('**1 requête bloquée** sur 1 couple point d’accès/raison, les plus fréquentes d’abord.');
    expect(md).toContain('× MissingAllowOriginHeader');
    expect(md).toMatch(/^- Origine de la requête\u00a0: `https:\/\/app\.example\.com`\u00a0; identifiants\u00a0: \w+$/m);
    expect(md).toContain('https://developer.mozilla.org/fr/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin');
    expect(md).toContain('### Autorisées, mais configurées de façon dangereuse ou coûteuse');
    expect(md).toContain('- **Élevée** — Origine null autorisée — ');
    expect(md).not.toMatch(/⟦|\$[a-z_]+\$/);
    const en = summaryMarkdown({ entries: [entry(missing())], now: T0 });
    expect(en).toContain('**1 blocked request** on 1 endpoint/reason pair, most frequent first.');
    expect(en).toContain('MDN: <https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin>');
  });

  it('gives the popup messages: the newest blocked request, durations, the cost headline', () => {
    const e = entry(missing());
    e.exchange.timings.end = T0;
    const msg = describeBlocked(e, T0 + 5000);
    expect(EN.t(msg)).toMatch(new RegExp(`^GET ${API}/gone was blocked 5 seconds ago: .+\\.$`));
    expect(FR.t(msg)).toMatch(new RegExp(`^GET ${API}/gone a été bloquée il y a 5 secondes\u00a0: .+\\.$`));
    expect(FR.t(ago(0, 60_000))).toBe('il y a 1 minute');
    expect(FR.t(duration(2400))).toBe('2,4 s');
    expect(EN.t(duration(2400))).toBe('2.4 s');
    expect(FR.t(costHeadline({ preflights: 12, waitedMs: 340, saved: { preflights: 11, ms: 300 } })))
      .toBe('12 pré-vérifications, 340 ms d’attente\u00a0: un Max-Age adapté en éviterait 11 (300 ms)');
  });
});

describe('copy as curl in French', () => {
  it('says its comments in French and leaves the command as it is', () => {
    const x = exchange().method('PUT').from(APP).to(`${API}/items`).cookie('sid=1').response((r) => r.acao(APP)).build();
    const en = curlFor(x, 'request');
    const fr = curlFor(x, 'request', { words: FR });
    expect(fr).toContain('# Corps de la requête non capturé\u00a0: ajoutez --data-binary si le serveur en a besoin.');
    expect(en).toContain('# Request body not captured: add --data-binary if the server needs one.');
    const command = (text: string) => text.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    expect(command(fr)).toBe(command(en));
  });
});

describe('the HAR report in French', () => {
  it('writes the sentences in French, records lang, and keeps every machine field and the schemas', () => {
    const input = [entry(missing()), entry(nullCreds())];
    const opts = { includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0', now: new Date(T0) };
    const en = buildHarReport(input, opts);
    const fr = buildHarReport(input, { ...opts, words: FR });
    for (const har of [en, fr]) expect([...harErrors(har), ...corsBlockErrors(har), ...corsLensErrors(har)]).toEqual([]);
    expect([en.log._corsLens.lang, fr.log._corsLens.lang]).toEqual(['en', 'fr']);
    const machine = (h: typeof en) => h.log.entries.map((e) => [e._cors.verdict, e._cors.reasons.map((r) => [r.code, r.firefox, r.mdn, r.header]), e._cors.findings?.map((f) => [f.id, f.severity])]);
    expect(machine(fr)).toEqual(machine(en));
    expect(fr.log._corsLens.counts).toEqual(en.log._corsLens.counts);
    const blocked = fr.log.entries.find((e) => e._cors.verdict === 'blocked')!;
    expect(blocked._cors.headline).toBe(FR.t(classify(missing()).headline));
    expect(blocked._cors.headline).not.toBe(en.log.entries.find((e) => e._cors.verdict === 'blocked')!._cors.headline);
    expect(fr.log._corsLens.findings!.items[0]).toMatchObject({ id: 'null-origin-allowed', title: 'Origine null autorisée' });
    expect(en.log._corsLens.findings!.items[0]).toMatchObject({ id: 'null-origin-allowed', title: 'Origin null trusted' });
  });
});

describe('reading a HAR in French', () => {
  it('says its errors and warnings in the reader\'s language; errors carry the message too', () => {
    const empty = (() => { try { readHar('', { words: FR }); } catch (e) { return e; } })() as HarReadError;
    expect(empty).toBeInstanceOf(HarReadError);
    expect([empty.kind, empty.message, empty.msg?.id]).toEqual(['empty', 'Le fichier est vide.', 'har_error_empty']);
    expect(() => readHar('')).toThrow('The file is empty.');
    const text = JSON.stringify({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [42, { request: { method: 'GET' } }] } });
    expect(readHar(text, { words: FR }).warnings).toEqual(['entrée 0 ignorée\u00a0: ce n’est pas un objet', 'entrée 1 ignorée\u00a0: request.url manquant']);
    expect(readHar(text).warnings).toEqual(['entry 0 skipped: not an object', 'entry 1 skipped: request.url missing']);
    const big = (() => { try { readHar('x'.repeat(3 * 1024 * 1024), { maxBytes: 1536 * 1024, words: FR }); } catch (e) { return e; } })() as HarReadError;
    expect(big.message).toBe('Ce fichier fait 3,0\u00a0Mo\u00a0; la limite est de 1,5\u00a0Mo. Enregistrez une session plus courte ou filtrez d’abord le HAR.');
  });
});

