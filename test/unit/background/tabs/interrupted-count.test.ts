import { describe, expect, it } from 'vitest';
import { TabLog } from '../../../../src/background/tabs/tab-log';
import { safeClassify } from '../../../../src/background/correlate/verdicts';
import { classify } from '../../../../src/core/classify/classify';
import type { Exchange } from '../../../../src/core/model/exchange';
import { exchange } from '../../../support/builder';

const page = { pageId: 'p1', url: 'http://127.0.0.1:4001/', startedAt: 1 };

function entry(ex: Exchange, seq: number) {
  return { exchange: ex, verdict: safeClassify(classify, ex), seq, pageId: 'p1' };
}

/** Pending, but resolved after a worker restart: an end time without an outcome (see interrupted.ts). */
function interrupted(id: string): Exchange {
  const ex = exchange().id(id).pending().build();
  ex.timings.end = ex.timings.start + 10_000;
  return ex;
}

describe('a tab summary counts the exchanges interrupted by a worker restart', () => {
  it('counts them, uncounts them when their real end arrives, and forgets them on clear', () => {
    const log = new TabLog({ tabId: 7, pages: [page], nextSeq: 1, dropped: 0, floorSeq: 1 });
    log.put(entry(interrupted('a'), 1));
    log.put(entry(interrupted('b'), 2));
    log.put(entry(exchange().id('c').response((r) => r.acao('http://127.0.0.1:4001')).build(), 3));
    expect(log.summary().interrupted).toBe(2);
    expect(log.summary().counts.inconclusive).toBe(2);

    // A late event does come for "a": it is an ordinary exchange again.
    log.put(entry(exchange().id('a').response((r) => r.acao('http://127.0.0.1:4001')).build(), 1));
    expect(log.summary().interrupted).toBe(1);
    log.remove('b');
    expect(log.summary().interrupted).toBe(0);

    log.put(entry(interrupted('d'), 4));
    log.reset([page]);
    expect(log.summary().interrupted).toBe(0);
  });
});
