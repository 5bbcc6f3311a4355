/**
 * Issue 14 in the panel bench: open the details of exchanges with huge header values (256 KB, 1 MB, 10 MB,
 * test/e2e/long-values.ts), fetched from the fake worker like any opened exchange; "show all" of the 10 MB one.
 */
import type { Page } from 'playwright-core';
import type { BenchRow } from '../index';
import type { Launched } from '../../test/e2e/support';
import { LONG_SIZES, longValueExchanges } from '../../test/e2e/long-values';
import { OPEN_DETAILS_SCRIPT } from '../../test/e2e/open-details';
import { exchange, PAGE, API } from '../../test/support/builder';
import { toExchangeRow } from '../../src/shared/exchange-row';
import { entriesOf, summaryOf } from './mix';

const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Call = (page: Page) => (fn: string, arg: string) => Promise<unknown>;

export async function longValueRows(browser: Launched, open: (page: Page) => Promise<void>, callOn: Call): Promise<BenchRow[]> {
  const warm = exchange().id('warm').to(`${API}/warm`).response((r) => r.acao(`${PAGE}/`)).failed().build();
  const entries = entriesOf([warm, ...longValueExchanges()]);
  const rows = JSON.stringify(entries.map(toExchangeRow));
  const full = JSON.stringify(entries);
  const snapshot = JSON.stringify({ summary: summaryOf(entries), page: 2000 });
  const opens = LONG_SIZES.map(() => [] as number[]);
  const showAll: number[] = [];
  const reference: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.context.newPage();
    try {
      await open(page);
      const call = callOn(page);
      await call('rowsAsIs', rows);
      await call('entries', full);
      await call('deliver', snapshot);
      await page.evaluate(`${OPEN_DETAILS_SCRIPT}('/warm')`);
      // The first long-value open of a page pays for collecting the snapshot's garbage: each size goes first once.
      for (let k = 0; k < LONG_SIZES.length; k++) {
        const i = (k + round) % LONG_SIZES.length;
        opens[i]!.push(await page.evaluate<number>(`${OPEN_DETAILS_SCRIPT}('/long/${LONG_SIZES[i]!.chars}')`));
      }
      showAll.push(await page.evaluate<number>(SHOW_ALL_SCRIPT));
      reference.push(await page.evaluate<number>(`${OPEN_DETAILS_SCRIPT}('/warm')`));
    } finally {
      await page.close();
    }
  }
  return [
    ...LONG_SIZES.map(({ label }, i) => {
      const value = median(opens[i]!);
      return { area: 'panel', metric: `details of an exchange with ${label} header values: click -> next frame (median of ${ROUNDS})`, value, unit: 'ms', target: '<= 100', ok: value <= 100 };
    }),
    { area: 'panel', metric: `show all of a 10 MB header value: click -> view drawn, next frame (median of ${ROUNDS})`, value: median(showAll), unit: 'ms' },
    { area: 'panel', metric: `details of a blocked exchange with short values, for reference: click -> next frame (median of ${ROUNDS})`, value: median(reference), unit: 'ms' },
  ];
}

/** In the open details: "show all" on the Content-Security-Policy value, until its view is in the DOM and the next frame. */
const SHOW_ALL_SCRIPT = `(async () => {
  const button = [...document.querySelectorAll('.details button')].find((b) => /^Show the whole Content-Security-Policy value/.test(b.getAttribute('aria-label') || ''));
  const t0 = performance.now();
  button.click();
  await new Promise((resolve) => {
    if (document.querySelector('.details .long-view')) return resolve();
    const mo = new MutationObserver(() => { if (document.querySelector('.details .long-view')) { mo.disconnect(); resolve(); } });
    mo.observe(document.body, { childList: true, subtree: true });
  });
  await new Promise((resolve) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(0); }));
  return performance.now() - t0;
})()`;
