/**
 * The fix generator's words in French (issue 11): summary, notes, each header's why, the preflight's
 * status and the stacks' remarks are messages; the snippets themselves are code and never change.
 */
import { describe, expect, it } from 'vitest';
import { fixesFor } from '../../../../src/core/fix/index';
import { classify } from '../../../../src/core/classify/classify';
import { EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import { exchangeOf, verdictOf, type Case } from './build';
import { API, PAGE, exchange } from '../../../support/builder';

const FR = wordsFor('fr');
const NBSP = '\u00a0';
const blocked: Case = { kind: 'blocked', code: 'PreflightMissingAllowOriginHeader', step: { kind: 'preflight', index: 0 }, method: 'PUT', headers: ['x-trace'], credentials: true };

describe('fixes in French', () => {
  it('the summary, a header\'s why and the preflight status', () => {
    const f = fixesFor(exchangeOf(blocked), verdictOf(blocked));
    expect(FR.t(f.summary)).toBe(`Correctif côté serveur${NBSP}: envoyez les en-têtes de réponse ci-dessous à chaque étape.`);
    const pre = f.steps.find((s) => s.step === 'preflight')!;
    expect(FR.t(pre.status!)).toMatch(/^n’importe quel 2xx \(204 No Content est l’usage\)/);
    expect(FR.t(pre.headers.find((h) => h.name === 'Vary')!.why)).toBe(`l’origine autorisée est renvoyée en écho${NBSP}: les caches ne doivent donc pas servir cette réponse à une autre origine`);
    expect(FR.t(pre.headers.find((h) => h.name === 'Access-Control-Allow-Methods')!.why)).toBe('la méthode exactement telle qu’envoyée : les navigateurs la comparent en respectant la casse'.replace(' :', `${NBSP}:`));
  });

  it('the snippets are the same code in every language; their remarks are translated', () => {
    const f = fixesFor(exchangeOf(blocked), verdictOf(blocked));
    const nginx = f.snippets.find((s) => s.stack === 'nginx')!;
    expect(typeof nginx.code).toBe('string');
    expect(nginx.notes.map(FR.t)).toEqual([`Un add_header dans un bloc location remplace tous les add_header hérités du bloc server${NBSP}: répétez ceux dont vous avez besoin.`]);
    expect(nginx.notes.map(EN.t)).toEqual(['An add_header inside a location replaces every add_header inherited from the server block: repeat the ones you need.']);
  });

  it('a refused connection: what happened and what to check, with the host and port', () => {
    const x = exchange().from(PAGE).to(`${API}/api/items`).failed('net::ERR_CONNECTION_REFUSED').build();
    const f = fixesFor(x, classify(x));
    expect(f.status).toBe('network-failure');
    expect(FR.t(f.notes[0]!.text)).toBe(`Aucune réponse n’est arrivée (net::ERR_CONNECTION_REFUSED)${NBSP}: la connexion a été refusée (rien n’acceptait de connexion sur cet hôte et ce port). CORS n’a jamais été vérifié, aucun en-tête CORS ne peut donc corriger cela.`);
    expect(FR.t(f.notes[1]!.text)).toMatch(/^Rien n’a accepté la connexion sur 127\.0\.0\.1:4002\u00a0: le serveur ne tourne pas/);
  });

  it('a cut value: the length is grouped as each language writes it', () => {
    const big = 'x'.repeat(1_048_576);
    const c: Case = { kind: 'blocked', code: 'MissingAllowOriginHeader', url: `https://api.example/${big}/x` };
    const note = fixesFor(exchangeOf(c), verdictOf(c)).notes.find((n) => n.text.id === 'fix_cut_url')!;
    expect(EN.t(note.text)).toBe('The URL is 1,048,598 characters long; it is shown cut.');
    expect(FR.t(note.text)).toBe('L’URL fait 1\u202f048\u202f598 caractères ; elle est affichée coupée.'.replace(' ;', `${NBSP};`));
  });
});
