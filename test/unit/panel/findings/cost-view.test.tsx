// @vitest-environment happy-dom
/**
 * The Preflight cost view, one click from the toolbar: its numbers are the core's preflightCost over the
 * log (from the worker for a live tab, computed here for an imported HAR).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHarReport } from '../../../../src/core/har';
import { applyPortMessage } from '../../../../src/panel/apply-message';
import { importHarInto } from '../../../../src/panel/import-har';
import { Panel } from '../../../../src/panel/Panel';
import { createPanelStore } from '../../../../src/panel/store';
import type { ExchangeEntry } from '../../../../src/shared/protocol';
import { portMessage } from '../../../../src/shared/transport';
import { API, snapshot, snapshotMessage } from '../fixtures';
import { clean, lensEvent, nullOrigin, put, repeated, SCRIPT } from './lens';
import { langSetting } from '../../../../src/ui/i18n';

afterEach(() => {
  cleanup();
  langSetting.value = 'auto';
});

function live(entries: ExchangeEntry[]) {
  const store = createPanelStore();
  applyPortMessage(store, snapshotMessage(snapshot(entries)));
  applyPortMessage(store, portMessage('findings', lensEvent(entries)));
  render(<Panel store={store} actions={null} />);
  return store;
}

const openCost = () => fireEvent.click(screen.getByRole('button', { name: 'Preflight cost per endpoint' }));
const costRow = (endpoint: string) => document.querySelector<HTMLTableRowElement>(`tr[data-endpoint="${endpoint}"]`)!;
const cell = (row: HTMLElement, col: string) => row.querySelector(`[data-col="${col}"]`)!.textContent;

describe('Preflight cost view', () => {
  it('per endpoint: preflights, median and total wait, the Max-Age sent, what the browser kept, what a suitable one saves', async () => {
    // /items/1: no Max-Age, five preflights (40, 10, 30, 20, 50 ms), 1 s apart; /capped: 86400 sent, one preflight.
    const entries = [...repeated(undefined), put('cap', 20, 0, 12, '86400', '/capped')];
    live(entries);
    openCost();
    const view = await screen.findByRole('region', { name: 'Preflight cost' });
    const items = costRow(`${API}/items/1`);
    expect(cell(items, 'preflights')).toBe('5');
    expect(cell(items, 'median')).toBe('30 ms');
    expect(cell(items, 'total')).toBe('150 ms');
    expect(cell(items, 'sent')).toBe('none');
    expect(cell(items, 'kept')).toBe("5 s: none sent, Chromium's default");
    expect(cell(items, 'saved')).toBe('4 preflights, 110 ms with Max-Age 600');
    const capped = costRow(`${API}/capped`);
    expect(cell(capped, 'preflights')).toBe('1');
    expect(cell(capped, 'sent')).toBe('86400');
    expect(cell(capped, 'kept')).toBe('7200 s: capped (Chromium keeps a preflight at most 7200 s)');
    expect(cell(capped, 'saved')).toBe('nothing: the Max-Age sent is enough');
    expect(within(view).getByTestId('cost-total').textContent).toBe(
      '6 preflights to 2 endpoints; the page waited 162 ms for them. A suitable Access-Control-Max-Age (600 s) would have saved 4 preflights and 110 ms.');
    // Most waited-for first.
    expect([...view.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-endpoint'))).toEqual([`${API}/items/1`, `${API}/capped`]);
  });

  it('is one click away and one click back; "requests" filters the log to that endpoint', async () => {
    const store = live([clean(1), ...repeated(undefined)]);
    const button = screen.getByRole('button', { name: 'Preflight cost per endpoint' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('grid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: `Show the requests to ${API}/items/1` }));
    await waitFor(() => expect(screen.getByRole('grid')).toBeDefined());
    expect(store.filterText.value).toBe(`${API}/items/1`);
    // The filter box shows what the table follows (its value is bound to the same signal).
    await waitFor(() => expect((screen.getByRole('searchbox', { name: /Filter by URL/ }) as HTMLInputElement).value).toBe(`${API}/items/1`));
    await waitFor(() => expect(within(screen.getByRole('grid')).getAllByRole('row').slice(1).every((r) => r.textContent?.includes('/items/1'))).toBe(true));
  });

  it('says so when there is no preflight', async () => {
    live([clean(1)]);
    openCost();
    expect((await screen.findByRole('region', { name: 'Preflight cost' })).textContent).toContain('No preflight in this log');
  });

  it('shows a hostile Max-Age value as text', async () => {
    live(repeated(SCRIPT));
    openCost();
    const row = costRow(`${API}/items/1`);
    expect(cell(row, 'sent')).toBe(SCRIPT);
    expect(cell(row, 'kept')).toBe("5 s: not a number, Chromium used its default");
    expect(row.querySelector('script')).toBeNull();
  });
});

describe('Preflight cost view in French', () => {
  it('says the same numbers in French, grouped and with French units, and switches back without a remount', async () => {
    live([...repeated(undefined), put('cap', 20, 0, 12, '86400', '/capped')]);
    openCost();
    const view = await screen.findByRole('region', { name: 'Preflight cost' });
    langSetting.value = 'fr';
    await waitFor(() => expect(screen.getByRole('region', { name: 'Coût des pré-vérifications' })).toBe(view));
    const items = costRow(`${API}/items/1`);
    expect(cell(items, 'sent')).toBe('aucun');
    expect(cell(items, 'kept')).toBe('5\u00a0s\u00a0: aucun envoyé, valeur par défaut de Chromium');
    expect(cell(items, 'saved')).toBe('4 pré-vérifications, 110\u00a0ms avec Max-Age 600');
    expect(cell(costRow(`${API}/capped`), 'kept')).toBe('7\u202f200\u00a0s\u00a0: plafonné (Chromium garde une pré-vérification 7\u202f200\u00a0s au plus)');
    expect(within(view).getByTestId('cost-total').textContent).toBe(
      '6 pré-vérifications vers 2 points de terminaison\u00a0; la page les a attendues 162\u00a0ms. ' +
      'Un Access-Control-Max-Age adapté (600\u00a0s) aurait économisé 4 pré-vérifications et 110\u00a0ms.');
    expect(within(view).getByRole('columnheader', { name: 'Gardé par le navigateur' })).toBeDefined();
    langSetting.value = 'en';
    await waitFor(() => expect(cell(costRow(`${API}/capped`), 'kept')).toBe('7200 s: capped (Chromium keeps a preflight at most 7200 s)'));
  });
});

describe('An imported HAR', () => {
  it('gets its findings and preflight cost computed in the panel by the core', async () => {
    const text = JSON.stringify(buildHarReport([nullOrigin(1), clean(2), ...repeated(undefined)], {
      includeSensitive: true, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0',
    }));
    const store = createPanelStore();
    render(<Panel store={store} actions={null} io={{ importHar: (f) => importHarInto(store, f) }} />);
    await importHarInto(store, { name: 'lens.har', size: text.length, text: async () => text });
    await waitFor(() => expect(store.imported.value).not.toBeNull());
    const ids = store.findings.value.findings.map((f) => f.id);
    expect(ids).toContain('null-origin-allowed');
    expect(ids).toContain('preflight-not-cached');
    await waitFor(() => expect(screen.getByRole('button', { name: /^High or above: .*\(1 high finding\)/ })).toBeDefined());
    const cost = store.findings.value.cost.find((c) => c.endpoint === `${API}/items/1`)!;
    expect(cost.preflights).toBe(5);
    openCost();
    expect(cell(costRow(`${API}/items/1`), 'preflights')).toBe('5');
  });
});
