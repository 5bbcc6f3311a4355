/** Import HAR draws the rows first; the file's findings (a pass of the core over every exchange) follow. */
import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { buildHarReport } from '../../../src/core/har';
import { importHarInto } from '../../../src/panel/import-har';
import { createPanelStore, type ImportedLog } from '../../../src/panel/store';
import { blockedTrailingSlash, simple } from './fixtures';
import { nullOrigin } from './findings/lens';

const text = JSON.stringify(buildHarReport([simple('a', 1), blockedTrailingSlash('b', 2), nullOrigin(3)], {
  includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0',
}));
const file = (name: string) => ({ name, size: text.length, text: async () => text });

describe('Import HAR: rows first, findings after', () => {
  it('shows the rows without findings, then the same rows with the findings', async () => {
    const store = createPanelStore();
    const seen: ImportedLog[] = [];
    const stop = effect(() => { const log = store.imported.value; if (log) seen.push(log); });
    await importHarInto(store, file('a.har'));
    stop();
    expect(seen).toHaveLength(2);
    expect(seen[0]!.rows.map((r) => r.id)).toEqual(seen[1]!.rows.map((r) => r.id));
    expect(seen[0]!.rows).toBe(seen[1]!.rows);
    expect(seen[0]!.findings.findings).toEqual([]);
    expect(seen[1]!.findings.findings.map((f) => f.id)).toContain('null-origin-allowed');
  });

  it('the findings of a file replaced meanwhile are not put on the one shown', async () => {
    const store = createPanelStore();
    const shown = new Promise<void>((resolve) => effect(() => { if (store.imported.value) resolve(); }));
    const first = importHarInto(store, file('first.har'));
    // The rows are shown; the user goes back to the live log before the findings are computed.
    await shown;
    store.imported.value = null;
    await first;
    expect(store.imported.value).toBeNull();
  });
});
