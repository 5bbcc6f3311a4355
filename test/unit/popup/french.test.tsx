// @vitest-environment happy-dom
/** The popup in French: a blocked tab, every word of the popup's own, and a live switch without remount. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUES, wordsFor } from '../../../src/core/i18n/catalogues';
import { langSetting } from '../../../src/ui/i18n';
import { API, exchange } from '../../support/builder';
import { entries, fakeConnector, NOW } from './fake-connector';
import { blockedPut, mount } from './mount';

/** French text with its no-break and narrow no-break spaces read as plain spaces. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const FR = wordsFor('fr');

afterEach(() => {
  cleanup();
  langSetting.value = 'auto';
});

const nullWithCredentials = (id: string, path = '/me') =>
  exchange().id(id).from('null').cookie('sid=s3cret').to(`${API}${path}`).response((r) => r.acao('null').acac('true')).build();

describe('popup in French', () => {
  it('shows a blocked tab in French', async () => {
    langSetting.value = 'fr';
    await mount(fakeConnector(entries([blockedPut('b1'), blockedPut('b2', '/other')])));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('CORS Lens');
    expect(screen.getByRole('list', { name: 'Requêtes par verdict, 2 en tout' })).toBeTruthy();
    expect(document.querySelector('[data-verdict="blocked"]')!.textContent).toBe('Bloquée2');
    expect(screen.getByText('Bloquées, par point d’accès et raison')).toBeTruthy();
    expect(within(screen.getAllByTestId('group')[0]!).getByLabelText('1 fois').textContent).toBe('×1');
    expect(plain(screen.getByTestId('newest').textContent)).toMatch(/^Dernière bloquée : PUT /);
    for (const name of ['Exporter le rapport', 'Copier le résumé', 'Effacer', 'Suspendre la capture', 'Ouvrir le panneau dans un onglet']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('checkbox', { name: 'inclure les en-têtes sensibles' })).toBeTruthy();
    expect(plain(document.querySelector('.panel-hint p')!.textContent)).toBe(
      'Chaque requête, avec l’explication complète et le correctif côté serveur : ouvrez les DevTools (F12) → onglet CORS.',
    );
    expect(document.querySelector('.panel-hint strong')!.textContent).toBe('CORS');
    expect(screen.getByRole('combobox', { name: 'Langue' })).toBeTruthy();
  });

  it('says notices in French, and keeps them as messages across a switch', async () => {
    langSetting.value = 'fr';
    const conn = fakeConnector(entries([blockedPut('b1')]));
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Suspendre la capture' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reprendre la capture' })).toBeTruthy());
    expect(screen.getByText('en pause')).toBeTruthy();
    expect(plain(screen.getByRole('status').textContent)).toBe('Capture suspendue : les nouvelles requêtes ne sont pas enregistrées.');
    await act(() => { langSetting.value = 'en'; });
    expect(screen.getByRole('status').textContent).toBe('Capture paused: new requests are not recorded.');
  });

  it('says load failures and a missing tab in French, with the error text as it came', async () => {
    langSetting.value = 'fr';
    const conn = fakeConnector([]);
    conn.failLoad = 'worker stopped';
    await mount(conn);
    expect(plain(screen.getByRole('alert').textContent)).toBe('Impossible de lire le journal de cet onglet : worker stopped');
    cleanup();
    await mount(fakeConnector([]), null);
    expect(plain(screen.getByRole('alert').textContent)).toMatch(/^Aucun onglet à décrire : ouvrez la fenêtre de l’extension/);
  });

  it('the empty state, in French', async () => {
    langSetting.value = 'fr';
    await mount(fakeConnector([]));
    expect(within(screen.getByTestId('empty')).getByRole('heading').textContent).toBe('Aucune requête enregistrée pour cet onglet pour l’instant');
  });

  it('counts findings in French words (plurals, severities)', async () => {
    langSetting.value = 'fr';
    await mount(fakeConnector(entries([nullWithCredentials('n')])));
    const section = screen.getByTestId('findings');
    expect(within(section).getByRole('heading').textContent).toBe('Autorisées, mais configurées de façon dangereuse ou coûteuse');
    const group = within(section).getByRole('group');
    expect(plain(group.getAttribute('aria-label'))).toMatch(/^\d+ constats? : élevée : 1/);
    expect(group.querySelector('[data-severity="high"]')!.textContent).toBe('▲Élevée1');
  });

  it('copies the Markdown summary in the popup\'s language, machine words unchanged', async () => {
    langSetting.value = 'fr';
    const conn = fakeConnector(entries([blockedPut('b1')]));
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Copier le résumé' }));
    await waitFor(() => expect(conn.copies).toHaveLength(1));
    expect(conn.copies[0]).toContain('## Rapport CORS pour `127.0.0.1:4001`');
    expect(conn.copies[0]).toContain('PreflightMissingAllowOriginHeader');
    expect(screen.getByRole('status').textContent).toBe('Résumé copié en Markdown.');
  });

  it('exports the report with its sentences in French, recorded as such, machine fields unchanged', async () => {
    langSetting.value = 'fr';
    const conn = fakeConnector(entries([blockedPut('b1')]));
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter le rapport' }));
    await waitFor(() => expect(conn.downloads).toHaveLength(1));
    const har = JSON.parse(conn.downloads[0]!.text) as { log: { _corsLens: { lang?: string }; entries: { _cors: { verdict?: string } }[] } };
    expect(har.log._corsLens.lang).toBe('fr');
    expect(har.log.entries.map((e) => e._cors.verdict)).toContain('blocked');
    expect(plain(screen.getByRole('status').textContent)).toMatch(/^cors-report-.*\.har enregistré \(1 requête\)\. Cookies et identifiants masqués\.$/);
  });

  it('says the preflight cost in French', async () => {
    langSetting.value = 'fr';
    const again = (id: string, at: number) => ({
      ...exchange().id(id).method('PUT').to(`${API}/items/1`).preflight((p) => p.acao('http://127.0.0.1:4001').acam('PUT'))
        .response((r) => r.acao('http://127.0.0.1:4001')).build(),
      timings: { start: NOW - 60_000 + at, end: NOW - 60_000 + at + 10 },
    });
    await mount(fakeConnector(entries([again('p1', 0), again('p2', 10_000)])));
    const cost = screen.getByTestId('cost');
    expect(within(cost).getByRole('heading').textContent).toBe('Coût des pré-vérifications');
    expect(plain(screen.getByTestId('cost-headline').textContent)).toMatch(/d’attente : .*\.$/);
    expect(plain(screen.getByTestId('cost-top').textContent)).toMatch(new RegExp(`^${API.replace(/[.]/g, '\\.')}/items/1 : `));
  });

  it('switches language live without remounting', async () => {
    await mount(fakeConnector(entries([blockedPut('b1')])));
    const bars = screen.getByRole('list', { name: 'Requests by verdict, 1 in all' });
    const picker = screen.getByRole('combobox', { name: 'Language' });
    fireEvent.change(picker, { target: { value: 'fr' } });
    expect(langSetting.value).toBe('fr');
    expect(screen.getByRole('list', { name: 'Requêtes par verdict, 1 en tout' })).toBe(bars);
    expect(screen.getByRole('combobox', { name: 'Langue' })).toBe(picker);
    expect(screen.getByRole('button', { name: 'Exporter le rapport' })).toBeTruthy();
  });
});

describe('popup messages', () => {
  it('exist in both languages, with plural families for counts', () => {
    const ids = Object.keys(CATALOGUES.en).filter((id) => id.startsWith('popup_'));
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) expect(CATALOGUES.fr[id], id).toBeDefined();
    expect(plain(FR.say('popup_dropped', { count: 1 }))).toBe('1 requête plus ancienne a été retirée pour rester dans la limite du journal.');
    expect(plain(FR.say('popup_dropped', { count: 1234 }))).toBe('1 234 requêtes plus anciennes ont été retirées pour rester dans la limite du journal.');
    expect(plain(FR.say('popup_interrupted', { count: 0 }))).toMatch(/^0 requête était en cours/);
    expect(FR.say('popup_saved', { file: 'x.har', count: 2, secrets: { id: 'popup_saved_redacted' } })).toBe('x.har enregistré (2 requêtes). Cookies et identifiants masqués.');
  });
});
