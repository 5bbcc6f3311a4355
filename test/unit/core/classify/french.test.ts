/**
 * The classifier's sentences in French (issue 11): rendered through the French catalogue with the
 * glossary's words (requête multiorigine, pré-vérification, identifiants), no-break spaces before ':'
 * and ';', plurals by count, and every id the classifier can say present in both catalogues.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { ERROR_WORD_IDS } from '../../../../src/core/classify/errors';
import { CATALOGUES, EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import { m } from '../../../../src/core/i18n/msg';
import { API, PAGE, exchange } from '../../../support/builder';

const FR = wordsFor('fr');
const NBSP = '\u00a0';

describe('verdicts in French', () => {
  it('a blocked request without Access-Control-Allow-Origin: the headline and the status note', () => {
    const v = classify(exchange().to(`${API}/data`).response((r) => r.status(502)).failed().build());
    expect(EN.t(v.headline)).toBe('Blocked: the response had no Access-Control-Allow-Origin header');
    expect(FR.t(v.headline)).toMatch(new RegExp(`^Bloquée${NBSP}: .*Access-Control-Allow-Origin`));
    expect(FR.t(v.headline)).not.toMatch(/⟦|Blocked|response/);
    expect(v.notes.map(FR.t)).toContain(
      `Le serveur a répondu 502 sans en-têtes CORS${NBSP}; l’erreur CORS est un symptôme de cette erreur (les réponses d’erreur sautent souvent le middleware CORS).`,
    );
  });

  it('a preflighted request: why the preflight, and what the credentials rest on', () => {
    const v = classify(exchange().method('PUT').cookie('sid=1').to(`${API}/x`)
      .preflight((p) => p.status(204).acao(PAGE).acac('true').acam('PUT')).response((r) => r.acao(PAGE).acac('true')).build());
    expect(v.kind).toBe('preflighted');
    expect(FR.t(v.preflight.why[0]!.text)).toBe('PUT n’est pas une méthode simple (seules GET, HEAD et POST le sont)');
    expect(FR.t(v.headline)).toBe(`Autorisée après une pré-vérification${NBSP}: PUT n’est pas une méthode simple (seules GET, HEAD et POST le sont)`);
    expect(FR.t(v.credentials.basis)).toBe('un en-tête Cookie a été envoyé avec la requête multiorigine');
    expect(v.notes.map(FR.t)).toContain(`Chrome peut réutiliser cette pré-vérification pendant 5 s (pas d’Access-Control-Max-Age)${NBSP}; les requêtes identiques dans ce délai n’en envoient pas.`);
  });

  it('the Chromium-only safelisted names agree in number in French (one name, two names)', () => {
    const one = classify(exchange().header('DPR', '2').to(`${API}/a`).response((r) => r.acao(PAGE)).build());
    const two = classify(exchange().header('DPR', '2').header('Width', '300').to(`${API}/a`).response((r) => r.acao(PAGE)).build());
    const note = (v: typeof one) => v.notes.map(FR.t).find((n) => n.startsWith('Chrome considère'));
    expect(note(one)).toBe(`Chrome considère DPR comme autorisé sans pré-vérification, mais ni Firefox ni le standard Fetch${NBSP}: dans Firefox, cette requête nécessite une pré-vérification.`);
    expect(note(two)).toMatch(/^Chrome considère DPR, Width comme autorisés sans pré-vérification/);
    expect(two.notes.map(EN.t)).toContain('Chrome treats DPR, Width as safelisted, but Firefox and the Fetch standard do not: in Firefox this request needs a preflight.');
  });

  it('a network error keeps the browser\'s error string and explains it in French', () => {
    const v = classify(exchange().to(`${API}/gone`).failed('net::ERR_NAME_NOT_RESOLVED').build());
    expect(FR.t(v.headline)).toMatch(new RegExp(`^Erreur réseau${NBSP}: le nom d’hôte n’a pas pu être résolu \\(DNS\\) \\(net::ERR_NAME_NOT_RESOLVED\\)`));
  });

  it('a legacy sentence (common_text) is shown as is in French', () => {
    expect(FR.t(m('common_text', { text: 'Blocked: old words' }))).toBe('Blocked: old words');
  });
});

describe('the classifier\'s words in the catalogues', () => {
  it('knows the plain words of every browser error', () => {
    for (const id of ERROR_WORD_IDS) {
      expect(CATALOGUES.en[id]).toBeDefined();
      expect(CATALOGUES.fr[id]).toBeDefined();
    }
  });
});
