/**
 * Import HAR draws the first rows first, the rest join them between frames; the file's findings (a pass of
 * the core over every exchange) follow once every row is in.
 */
import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { buildHarReport } from '../../../src/core/har';
import { importHarInto, readHarFile } from '../../../src/panel/import-har';
import { createPanelStore, type ImportedLog } from '../../../src/panel/store';
import { blockedAtPreflight, blockedTrailingSlash, preflightedPut, simple } from './fixtures';
import { nullOrigin } from './findings/lens';

const text = JSON.stringify(buildHarReport([simple('a', 1), blockedTrailingSlash('b', 2), nullOrigin(3)], {
  includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0',
}));
const file = (name: string, body = text) => ({ name, size: body.length, text: async () => body });

/** A file larger than the first rows the import draws: a mix of verdicts, preflights included. */
const MAKERS = [simple, blockedTrailingSlash, preflightedPut, blockedAtPreflight];
const large = JSON.stringify(buildHarReport(Array.from({ length: 700 }, (_, i) => MAKERS[i % MAKERS.length]!(`x${i}`, i + 1)), {
  includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0',
}));

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

  it('a large file shows its first rows, then grows to every row, judged as a whole read judges them', async () => {
    const store = createPanelStore();
    const seen: ImportedLog[] = [];
    const stop = effect(() => { const log = store.imported.value; if (log) seen.push(log); });
    await importHarInto(store, file('large.har', large));
    stop();
    const whole = await readHarFile(file('large.har', large));
    expect(whole.rows).toHaveLength(700);
    const last = seen.at(-1)!;
    expect(seen[0]!.rows.length).toBeLessThan(700);
    expect(last.findings.findings.length).toBeGreaterThan(0);
    // Each state is a prefix of the next, and the last is the whole file, row for row and verdict for verdict.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.rows.slice(0, seen[i - 1]!.rows.length)).toEqual(seen[i - 1]!.rows);
    expect(last.rows.map((r) => [r.id, r.kind, r.reason])).toEqual(whole.rows.map((r) => [r.id, r.kind, r.reason]));
    expect(last.entries.map((e) => e.verdict)).toEqual(whole.entries.map((e) => e.verdict));
    expect(last.entries.map((e) => e.exchange.id)).toEqual(last.rows.map((r) => r.id));
  });

  it('stops judging a large file once another log is shown', async () => {
    const store = createPanelStore();
    const shown = new Promise<void>((resolve) => effect(() => { if (store.imported.value) resolve(); }));
    const done = importHarInto(store, file('large.har', large));
    await shown;
    const first = store.imported.value!;
    expect(first.rows.length).toBeLessThan(700);
    store.imported.value = null;
    await done;
    expect(store.imported.value).toBeNull();
  });
});
