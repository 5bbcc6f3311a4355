/** The action badge: blocked count per tab, written in batches, cleared with the tab's session. */
import { describe, expect, it } from 'vitest';
import { badgeText, badgeTitle } from '../../../../src/background/tabs/badge';
import { EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import { API, APP, harness, sayFrom, TAB } from '../harness';

const url = (n: number) => `${API}/b/${n}`;

describe('badge', () => {
  it.each([[0, ''], [1, '1'], [999, '999'], [1000, '999+']])('%i blocked → %j', (n, text) => {
    expect(badgeText(n)).toBe(text);
  });

  it('shows the blocked count of each tab, one write per tab per flush, cleared by a navigation', async () => {
    const h = harness();
    await h.session.start();
    for (let i = 0; i < 20; i++) h.t.request(String(i), url(i)).failed(String(i), url(i), i % 2 ? 'net::ERR_FAILED' : 'net::ERR_NAME_NOT_RESOLVED');
    h.t.request('x', url(99), 'GET', { tabId: 8 }).failed('x', url(99), 'net::ERR_FAILED', 'GET', { tabId: 8 });
    await h.session.settle();
    expect(h.badge.texts.get(TAB)).toBe('10');
    expect(h.badge.texts.get(8)).toBe('1');
    expect(h.badge.calls).toBe(2);
    await h.session.settle();
    expect(h.badge.calls).toBe(2); // nothing changed, nothing written
    h.nav({ status: 'loading', url: `${APP}/next` });
    await h.session.settle();
    expect(h.badge.texts.get(TAB)).toBe('');
    h.session.clear(8);
    await h.session.settle();
    expect(h.badge.texts.get(8)).toBe('');
  });

  it("says the count in the tooltip, in the browser's language, and the manifest's title when none is blocked", async () => {
    const fr = wordsFor('fr');
    expect([0, 1, 2, 10_000].map((n) => badgeTitle(n, sayFrom(EN)))).toEqual([
      EN.say('extActionTitle'), 'CORS Lens: 1 blocked request on this tab', 'CORS Lens: 2 blocked requests on this tab',
      'CORS Lens: 10,000 blocked requests on this tab',
    ]);
    expect([0, 1, 2, 10_000].map((n) => badgeTitle(n, sayFrom(fr)))).toEqual([
      fr.say('extActionTitle'), 'CORS Lens\u00a0: 1 requête bloquée dans cet onglet', 'CORS Lens\u00a0: 2 requêtes bloquées dans cet onglet',
      'CORS Lens\u00a0: 10\u202f000 requêtes bloquées dans cet onglet',
    ]);
    const h = harness({ words: fr });
    await h.session.start();
    for (let i = 0; i < 3; i++) h.t.request(String(i), url(i)).failed(String(i), url(i), 'net::ERR_FAILED');
    await h.session.settle();
    expect(h.badge.titles.get(TAB)).toBe('CORS Lens\u00a0: 3 requêtes bloquées dans cet onglet');
    h.nav({ status: 'loading', url: `${APP}/next` });
    await h.session.settle();
    expect(h.badge.titles.get(TAB)).toBe(fr.say('extActionTitle'));
  });
});
