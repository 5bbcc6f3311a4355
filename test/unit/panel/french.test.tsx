// @vitest-environment happy-dom
/**
 * The panel in French: switching the language setting redraws the toolbar, the rows and the open details
 * in place (same elements, no remount), Firefox's line becomes the French line Firefox prints, Chrome's
 * stays English and says so, MDN links go to the French page where MDN has one.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { connectLive } from '../../../src/panel/live';
import { panelActions } from '../../../src/panel/actions';
import { Panel } from '../../../src/panel/Panel';
import { createPanelStore } from '../../../src/panel/store';
import { remoteEntries } from '../../../src/shared/entry-source';
import { langSetting } from '../../../src/ui/i18n';
import { wordsFor } from '../../../src/core/i18n/catalogues';
import { API, blockedTrailingSlash, entry, PAGE, preflightedPut, loadedDetails, simple, snapshot } from './fixtures';
import { fakeBackground } from './fake-background';
import { exchange } from '../../support/builder';

const FR = wordsFor('fr');

afterEach(() => {
  cleanup();
  langSetting.value = 'auto';
});

function mount() {
  const bg = fakeBackground(snapshot([simple('a', 1), blockedTrailingSlash('b', 2), preflightedPut('c', 3)]));
  const store = createPanelStore(remoteEntries(bg.conn, 7));
  connectLive({ conn: bg.conn, tabId: 7, store });
  render(<Panel store={store} actions={panelActions(bg.conn, 7, store)} />);
  return { bg, store };
}

const rows = () => within(screen.getByRole('grid')).getAllByRole('row').slice(1);
const rowFor = (text: string) => rows().find((r) => r.textContent?.includes(text));

describe('Panel in French', () => {
  it('switching the language redraws the toolbar and the rows in place', async () => {
    const { store } = mount();
    await waitFor(() => expect(rows()).toHaveLength(4));
    const toolbar = screen.getByRole('toolbar', { name: 'Filters and actions' });
    const blockedButton = screen.getByRole('button', { name: 'Blocked' });
    const row = rowFor('/items/c')!;
    expect(row.textContent).toContain('preflight passed');

    langSetting.value = 'fr';
    await waitFor(() => expect(screen.getByRole('toolbar', { name: 'Filtres et actions' })).toBe(toolbar));
    expect(blockedButton.isConnected).toBe(true);
    expect(blockedButton.textContent).toBe('Bloquées');
    expect(screen.getByRole('button', { name: 'Effacer le journal de cet onglet' })).toBeDefined();
    expect(screen.getByRole('checkbox', { name: 'Garder le journal' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Suspendre la capture' })).toBeDefined();
    expect(screen.getByRole('searchbox', { name: /^Filtrer par URL/ })).toBeDefined();
    expect(screen.getByRole('columnheader', { name: /Méthode/ })).toBeDefined();
    expect(screen.getByText('En direct')).toBeDefined();
    expect(screen.getByTestId('lang-picker')).toBeDefined();
    // The same row element, now in French.
    expect(row.isConnected).toBe(true);
    expect(row.textContent).toContain('pré-vérification réussie');
    expect(within(rowFor('/items/b')!).getByText(FR.say('reason_AllowOriginMismatch_label'))).toBeDefined();
    expect(screen.getByRole('status', { name: 'Nombre par verdict' }).textContent).toContain('3 affichées');

    // The filter finds a row by its French words and still by its English ones and its code.
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'réussie' } });
    await waitFor(() => expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('/items/c'), expect.stringContaining('OPTIONS')]));
    store.filterText.value = 'preflight passed';
    await waitFor(() => expect(rows()).toHaveLength(2));
    store.filterText.value = 'AllowOriginMismatch';
    await waitFor(() => expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('/items/b')]));

    langSetting.value = 'en';
    await waitFor(() => expect(blockedButton.textContent).toBe('Blocked'));
  });

  it('the details of a blocked request: French words, Firefox\'s French line, Chrome\'s English line labelled so, French MDN page', async () => {
    mount();
    await waitFor(() => expect(rowFor('/items/b')).toBeDefined());
    fireEvent.click(rowFor('/items/b')!);
    const details = await loadedDetails();
    const chrome = within(details).getByTestId('chrome-message').textContent;
    expect(within(details).queryByTestId('chrome-english')).toBeNull();

    langSetting.value = 'fr';
    await waitFor(() => expect(screen.getByRole('complementary', { name: 'Détails de la requête sélectionnée' })).toBe(details));
    const entry = blockedTrailingSlash('b', 2);
    expect(within(details).getByTestId('headline').textContent).toBe(FR.t(entry.verdict.headline));
    expect(within(details).getByTestId('headline').textContent).toMatch(/^Bloquée/);
    expect(within(details).getByRole('heading', { name: 'Preuves' })).toBeDefined();
    expect(within(details).getByRole('heading', { name: 'Ce que disent les consoles des navigateurs' })).toBeDefined();
    expect(within(details).getByRole('heading', { name: 'Identifiants' })).toBeDefined();
    expect(details.textContent).toContain('dans la réponse');
    expect(within(details).getByRole('combobox', { name: 'Logiciel du serveur' })).toBeDefined();
    // Firefox's console line, verbatim as French Firefox prints it (plain spaces, Firefox's own words).
    expect(within(details).getByTestId('firefox-message').textContent).toBe(
      `Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur ${API}/items/b. ` +
      `Raison : l’en-tête CORS « Access-Control-Allow-Origin » ne correspond pas à « ${PAGE}/ ».`);
    // Chrome's line is what Chrome prints, in English, and says so.
    expect(within(details).getByTestId('chrome-message').textContent).toBe(chrome);
    expect(within(details).getByTestId('chrome-english').textContent).toContain('Chrome l’affiche en anglais');
    const mdn = within(details).getByRole('link', { name: /MDN/ });
    expect(mdn.getAttribute('href')).toBe('https://developer.mozilla.org/fr/docs/Web/HTTP/Guides/CORS/Errors/CORSAllowOriginNotMatchingOrigin');
    expect(mdn.textContent).toBe('MDN\u00a0: CORSAllowOriginNotMatchingOrigin');

    langSetting.value = 'en';
    await waitFor(() => expect(within(details).getByTestId('firefox-message').textContent).toMatch(/^Cross-Origin Request Blocked/));
    expect(within(details).queryByTestId('chrome-english')).toBeNull();
  });

  it('says an MDN page is in English when MDN has no French one', async () => {
    langSetting.value = 'fr';
    // A header the preflight did not allow: MDN's CORSMissingAllowHeaderFromPreflight has no French page.
    const x = exchange().id('f').method('PUT').header('X-Custom', '1').to(`${API}/items/f`)
      .preflight((p) => p.status(204).acao(PAGE).acam('PUT')).failed().build();
    const bg = fakeBackground(snapshot([entry(x, 1)]));
    const store = createPanelStore(remoteEntries(bg.conn, 7));
    connectLive({ conn: bg.conn, tabId: 7, store });
    render(<Panel store={store} actions={null} />);
    await waitFor(() => expect(rowFor('/items/f')).toBeDefined());
    fireEvent.click(rowFor('/items/f')!);
    const details = await loadedDetails();
    const mdn = within(details).getByRole('link', { name: /MDN/ });
    expect(mdn.getAttribute('href')).toMatch(/^https:\/\/developer\.mozilla\.org\/en-US\//);
    expect(mdn.getAttribute('hreflang')).toBe('en');
    expect(mdn.parentElement!.textContent).toContain('(en anglais)');
  });
});
