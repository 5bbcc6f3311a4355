import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import type { Exchange } from '../../../../src/core/model/exchange';
import { newMainRecord, type MainRecord } from '../../../../src/background/correlate/main-record';
import { PageTracker } from '../../../../src/background/tabs/page-tracker';
import { Recorder } from '../../../../src/background/tabs/recorder';
import { Store } from '../../../../src/background/tabs/store';

const APP = 'https://app.example.com';
const OBSERVER = { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'test' } as const;

function rig() {
  let k = 0;
  const store = new Store({ maxPerTab: 100, now: () => 0, newPageId: () => `pg${k++}` });
  const stats = { classified: 0 };
  const judged: string[] = [];
  const recorder = new Recorder(store, new PageTracker(store, () => false), (ex: Exchange) => {
    judged.push(ex.id);
    return classify(ex);
  }, () => false, stats);
  return { store, recorder, stats, judged };
}

/** A cross-origin GET that started at `start`, ended (completed with CORS allowed) or still in flight. */
function rec(id: string, start: number, ended: boolean): MainRecord {
  const r = newMainRecord({ kind: 'request', id, time: start, url: `https://api.example.net/${id}`, method: 'GET', type: 'xmlhttprequest', tabId: 1, frameId: 0, initiator: APP }, OBSERVER);
  if (ended) {
    r.ex.response = { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: APP }] };
    r.ex.outcome = { state: 'completed', status: 200 };
    r.ex.timings.end = start + 5;
  }
  return r;
}

describe('Recorder', () => {
  it('numbers what one drain hands out in order of first sight, in-flight and ended records interleaved', () => {
    const { store, recorder } = rig();
    // Each list in start order, as the correlator keeps them; a tie goes to the in-flight record first.
    const changed = [rec('a', 10, false), rec('c', 30, false), rec('e', 50, false)];
    const ended = [rec('b', 20, true), rec('d', 30, true), rec('f', 60, true)];
    recorder.record({ changed, ended, discarded: [] });
    const bySeq = store.entries(1).sort((x, y) => x.seq - y.seq).map((e) => e.exchange.id);
    expect(bySeq).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('sorts a list that is not in start order before numbering', () => {
    const { store, recorder } = rig();
    recorder.record({ changed: [rec('late', 40, false), rec('early', 5, false)], ended: [rec('mid', 20, true)], discarded: [] });
    const bySeq = store.entries(1).sort((x, y) => x.seq - y.seq).map((e) => e.exchange.id);
    expect(bySeq).toEqual(['early', 'mid', 'late']);
  });

  it('classifies an exchange once it ended, and shows one in flight as pending without classifying it', () => {
    const { store, recorder, stats, judged } = rig();
    recorder.record({ changed: [rec('open', 1, false)], ended: [rec('done', 2, true)], discarded: [] });
    const verdicts = new Map(store.entries(1).map((e) => [e.exchange.id, e.verdict.kind]));
    expect(verdicts.get('open')).toBe('pending');
    expect(verdicts.get('done')).toBe('simple');
    expect(judged).toEqual(['done']);
    expect(stats.classified).toBe(1);
  });
});
