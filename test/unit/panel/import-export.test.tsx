// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHarReport } from '../../../src/core/har';
import { exportInput } from '../../../src/panel/export-report';
import { importHarInto, readHarFile } from '../../../src/panel/import-har';
import { Panel } from '../../../src/panel/Panel';
import { createPanelStore } from '../../../src/panel/store';
import { applyPortMessage } from '../../../src/panel/apply-message';
import { localEntries } from '../../../src/shared/entry-source';
import { blockedTrailingSlash, preflightedPut, simple, snapshot, snapshotMessage } from './fixtures';
import { EN } from '../../../src/core/i18n/catalogues';

afterEach(cleanup);

const harText = () => JSON.stringify(buildHarReport([simple('a', 1), blockedTrailingSlash('b', 2), preflightedPut('c', 3)], {
  includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0',
}));
const file = (text: string, name = 'session.har', size = text.length) => ({ name, size, text: async () => text });

describe('HAR import', () => {
  it('reads a report back and judges it with the classifier', async () => {
    const log = await readHarFile(file(harText()));
    expect(log.rows.map((r) => r.kind)).toEqual(['simple', 'blocked', 'preflighted']);
    expect(log.entries[1]!.verdict.reasons[0]!.code).toBe('AllowOriginMismatch');
    expect(log.rows[1]!.data.hay.split('\n')).toContain('alloworiginmismatch');
    expect(log.rows[2]!.data.preflights).toHaveLength(1);
  });

  it('says why a malformed, empty, non-HAR or oversized file cannot be shown, and keeps the live log', async () => {
    const store = createPanelStore();
    applyPortMessage(store, snapshotMessage(snapshot([simple('a', 1)])));
    await importHarInto(store, file('{"log": {"entries": [', 'broken.har'));
    expect(store.notice.value).toMatchObject({ tone: 'error' });
    const notice = () => EN.t(store.notice.value!.text);
    expect(notice()).toMatch(/Import failed\. .*not valid JSON/);
    await importHarInto(store, file('{"hello": 1}', 'other.json'));
    expect(notice()).toMatch(/not a HAR file/);
    await importHarInto(store, file('', 'empty.har'));
    expect(notice()).toMatch(/empty/);
    await importHarInto(store, file('{}', 'huge.har', 500 * 1024 * 1024));
    expect(notice()).toMatch(/huge\.har.*500\.0 MB.*limit/);
    expect(store.imported.value).toBeNull();
    expect(store.rows.value.map((r) => r.id)).toEqual(['a']);
  });

  it('shows an imported file from the toolbar, marked as imported, and goes back to the live log', async () => {
    const store = createPanelStore();
    applyPortMessage(store, snapshotMessage(snapshot([simple('live', 1)])));
    render(<Panel store={store} actions={null} io={{ importHar: (f) => importHarInto(store, f) }} />);
    const input = screen.getByLabelText('Import a HAR file') as HTMLInputElement;
    const f = new File([harText()], 'session.har', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [f] } });
    const banner = await screen.findByText(/Imported:/);
    expect(banner.parentElement!.textContent).toContain('session.har — 3 requests');
    const grid = screen.getByRole('grid');
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(1 + 4));
    fireEvent.click(screen.getByRole('button', { name: 'Close import' }));
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(2));
  });

  it('shows a malformed file as a message, never a blank panel', async () => {
    const store = createPanelStore();
    render(<Panel store={store} actions={null} io={{ importHar: (f) => importHarInto(store, f) }} />);
    fireEvent.change(screen.getByLabelText('Import a HAR file'), { target: { files: [new File(['nope'], 'x.har')] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Import failed/);
    expect(screen.getByRole('grid')).toBeDefined();
  });
});

describe('export', () => {
  it('exports every entry the panel holds (asked of the worker), with the page of the tab, secrets only when asked', async () => {
    const s = snapshot([simple('a', 1), blockedTrailingSlash('b', 2)]);
    // The worker holds one more exchange than the panel was shown: the export is what the panel holds.
    const store = createPanelStore(localEntries([...s.entries, simple('later', 3)]));
    applyPortMessage(store, snapshotMessage(s));
    store.filterText.value = 'items/b';
    const input = await exportInput(store, false);
    expect(input.entries).toEqual(s.entries);
    expect(input.pages?.[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:4001/);
    expect(input.includeSensitive).toBe(false);
    expect((await exportInput(store, true)).includeSensitive).toBe(true);
  });

  it('the export button and the secrets switch are in the toolbar', async () => {
    const store = createPanelStore();
    let exported = 0;
    render(<Panel store={store} actions={null} io={{ exportReport: () => { exported++; } }} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include Cookie and Authorization values in the export' }));
    expect(store.exportSecrets.value).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Export a HAR report of this log' }));
    expect(exported).toBe(1);
  });
});

describe('export file name', () => {
  it('names the file after a page the requests came from when the tab page is not known', async () => {
    const s = snapshot([simple('a', 1)]);
    const store = createPanelStore(localEntries(s.entries));
    s.summary.page = null;
    applyPortMessage(store, snapshotMessage(s));
    expect((await exportInput(store, false)).pageUrl).toBe('http://127.0.0.1:4001');
    // A page session whose address is not known yet (seen: url '') does not name the file either.
    s.summary.page = { pageId: 'p', url: '', startedAt: 0 };
    applyPortMessage(store, snapshotMessage(s));
    expect((await exportInput(store, false)).pageUrl).toBe('http://127.0.0.1:4001');
  });
});

describe('HAR import in French', () => {
  it('says why a file cannot be shown in French, and again in English after a switch (the notice is a message)', async () => {
    const { langSetting } = await import('../../../src/ui/i18n');
    try {
      const store = createPanelStore();
      render(<Panel store={store} actions={null} io={{ importHar: (f) => importHarInto(store, f) }} />);
      langSetting.value = 'fr';
      await importHarInto(store, file('{"log": {"entries": [', 'broken.har'));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toMatch(/^Échec de l’import\. /);
      expect(alert.textContent).not.toContain('Import failed');
      await importHarInto(store, file('{}', 'huge.har', 500 * 1024 * 1024));
      await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('«\u00a0huge.har\u00a0» fait 500,0\u00a0Mo\u00a0; la limite est de 200,0\u00a0Mo.'));
      langSetting.value = 'en';
      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Import failed\. “huge\.har” is .* the limit is /));
    } finally {
      langSetting.value = 'auto';
    }
  });
});
