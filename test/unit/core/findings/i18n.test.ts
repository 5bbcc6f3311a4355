/** Findings in French: every message a rule can produce exists in both catalogues, and a few render right. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../src/core/findings';
import { PAGES } from '../../../../src/core/findings/rule';
import { findingIds } from '../../../../src/core/findings/messages';
import { CATALOGUES, EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import type { Msg } from '../../../../src/core/i18n/msg';
import type { Exchange } from '../../../../src/core/model/exchange';
import { APP, API, entry, exchange, only, run } from './helpers';

const FR = wordsFor('fr');
const T0 = 1_700_000_000_000;

/** Every message id under a finding's values, nested ones included. */
function idsIn(msg: Msg, out: string[] = []): string[] {
  out.push(msg.id);
  for (const v of Object.values(msg.values ?? {})) if (typeof v === 'object') idsIn(v, out);
  return out;
}

describe('findings in both catalogues', () => {
  it('has every id a rule can produce, and every page title, in English and French', () => {
    const ids = [...RULES.flatMap((r) => findingIds(r.id, r.texts)), ...Object.values(PAGES).map((p) => p.title.id)];
    for (const id of ids) {
      expect(CATALOGUES.en[id], id).toBeDefined();
      expect(CATALOGUES.fr[id], id).toBeDefined();
    }
  });

  it('renders every finding of the golden corpus in French with no id or placeholder left', () => {
    const dir = fileURLToPath(new URL('../../../fixtures/exchanges/', import.meta.url));
    const list = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => (JSON.parse(readFileSync(dir + f, 'utf8')) as { exchange: Exchange }).exchange);
    const found = run(list);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      const msgs = [f.title, f.summary, f.why, f.fix, ...f.learnMore.map((l) => l.title), ...f.evidence.flatMap((e) => (e.note ? [e.note] : []))];
      for (const msg of msgs) {
        for (const id of idsIn(msg)) expect(CATALOGUES.fr[id], id).toBeDefined();
        expect(FR.t(msg), msg.id).not.toMatch(/⟦|\$[a-z_]+\$/);
      }
    }
  });
});

describe('French sentences', () => {
  it('says the echoed-origin finding with the glossary words and the nested reason', () => {
    const ex = exchange().method('PUT').from(APP).to(`${API}/items`).preflight((p) => p.acao(APP).acam('PUT').header('Vary', 'Origin'))
      .response((r) => r.acao(APP)).build();
    const [f] = only([ex], 'origin-echo-without-vary');
    expect(FR.t(f!.title)).toBe('Origine renvoyée sans Vary: Origin');
    expect(FR.t(f!.summary)).toBe(`${API}/items a renvoyé l’origine ${APP} sans Vary: Origin\u00a0; cette réponse ne peut pas être mise en cache (les réponses à PUT ne sont pas réutilisées par les caches), donc rien ne casse pour l’instant.`);
    expect(EN.t(f!.summary)).toBe(`${API}/items echoed the origin ${APP} without Vary: Origin; this response is not cacheable (PUT responses are not reused by caches), so nothing goes wrong yet.`);
  });

  it('writes numbers as French does and says « pré-vérification »', () => {
    const list = Array.from({ length: 5 }, (_, i) => {
      const ex = exchange().id(`p${i}`).method('PUT').from(APP).to(`${API}/items/1`)
        .preflight((p) => p.acao(APP).acam('PUT').header('Vary', 'Origin').header('Access-Control-Max-Age', '2'))
        .response((r) => r.acao(APP).header('Vary', 'Origin')).build();
      ex.preflights[0]!.start = T0 + i * 10_000;
      ex.preflights[0]!.end = T0 + i * 10_000 + 2_500;
      return ex;
    });
    const [f] = only(list, 'preflight-not-cached');
    expect(FR.t(f!.title)).toBe('Pré-vérification répétée\u00a0: Max-Age absent ou minuscule');
    expect(FR.t(f!.summary)).toBe(`${API}/items/1 a reçu 5 pré-vérifications (12\u202f500 ms d’attente) avec Access-Control-Max-Age: 2 (le navigateur garde la pré-vérification 2 s)\u00a0; un Max-Age de 600 s en aurait évité 4 (10\u202f000 ms) sur cette page.`);
    expect(EN.t(f!.summary)).toContain('(12,500 ms of waiting)');
    expect(FR.t(f!.fix)).toContain('Access-Control-Max-Age: 600 ');
  });

  it('keeps evidence notes and page titles as messages', () => {
    const log = [APP, 'https://evil.example'].map((o, i) => exchange().id(`r${i}`).from(o).to(`${API}/me`).response((r) => r.acao(o).header('Vary', 'Origin')).build());
    const [f] = run(log).filter((x) => x.id === 'origin-reflected');
    expect(FR.t(f!.evidence[0]!.note!)).toBe(`Origin envoyé\u00a0: ${APP}`);
    expect(EN.t(f!.evidence[0]!.note!)).toBe(`Origin sent: ${APP}`);
    expect(f!.learnMore.map((l) => FR.t(l.title))).toContain('MDN\u00a0: Access-Control-Allow-Origin');
    expect(entry(log[0]!).verdict.kind).toBe('simple');
  });
});
