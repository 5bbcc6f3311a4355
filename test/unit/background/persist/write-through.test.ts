/**
 * Write-through timing: once an exchange ends, nothing waits on a delay between the capture event
 * and the storage write (timers of 0 ms only), so stopping the worker loses only what is in the
 * very last instant. Ports keep their own short throttle. A burst is written in bounded batches.
 */
import { describe, expect, it } from 'vitest';
import type { Timers } from '../../../../src/background/timers';
import type { EventSink } from '../../../../src/shared/transport';
import { createCapture } from '../../../../src/background/capture/listeners';
import { observerFor } from '../../../../src/background/chrome-apis';
import { BackgroundSession, DEFAULT_DELAYS } from '../../../../src/background/session';
import { MAX_BATCH_ENTRIES } from '../../../../src/background/persist/persistence';
import { FakeStorageArea } from '../../../support/fake-storage-area';
import { FakeLogDb } from '../../../support/fake-log-db';
import { FakeWebRequest, Traffic } from '../../../support/fake-web-request';
import { API, APP, FakeBadge, stubClassify } from '../harness';

/** Timers run by hand, remembering the delay each one asked for. */
class RecordingTimers implements Timers {
  private next = 1;
  readonly due = new Map<number, { fn: () => void; ms: number }>();
  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { fn, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }
  /** Runs the timers due now that asked for at most `maxMs`; returns the delays they asked for. */
  run(maxMs: number): number[] {
    const ran: number[] = [];
    for (const [id, t] of [...this.due]) {
      if (t.ms > maxMs) continue;
      this.due.delete(id);
      ran.push(t.ms);
      t.fn();
    }
    return ran;
  }
}

const settleMicrotasks = async () => { for (let i = 0; i < 20; i++) await Promise.resolve(); };

function setup() {
  const wr = new FakeWebRequest({ browser: 'chromium' });
  const log = new FakeLogDb();
  const timers = new RecordingTimers();
  let session: BackgroundSession | null = null;
  const capture = createCapture(wr, (e) => session!.capture(e));
  capture.start();
  session = new BackgroundSession({
    classify: stubClassify, observer: observerFor(wr), capture, log, sessionArea: new FakeStorageArea(), localArea: new FakeStorageArea(),
    badge: new FakeBadge(), timers, now: () => 1_700_000_000_000, newPageId: () => 'page-1',
  });
  const t = new Traffic(wr, { tabId: 7, frameId: 0, type: 'xmlhttprequest', initiator: APP });
  return { session, log, timers, t };
}


describe('write-through timing', () => {
  it('an exchange that ended is in storage after 0 ms timers only', async () => {
    const { session, log, timers, t } = setup();
    await session.start();
    const url = `${API}/x`;
    t.request('1', url).sent('1', url, [['Origin', APP]]).received('1', url, 200, [['Access-Control-Allow-Origin', APP]]).completed('1', url, 200);
    for (let round = 0; round < 5 && log.records.get('7:1')?.exchange.outcome.state !== 'completed'; round++) {
      timers.run(0);
      await settleMicrotasks();
    }
    const stored = log.records.get('7:1');
    expect(stored?.exchange.outcome.state).toBe('completed');
    expect(stored?.verdict).toBeDefined();
    expect(DEFAULT_DELAYS.process).toBe(0);
    expect(DEFAULT_DELAYS.persist).toBe(0);
  });

  it('ports keep a short throttle of their own (a burst is one message, not one per event)', async () => {
    const { session, timers, t } = setup();
    await session.start();
    const sent: unknown[] = [];
    const sink = { send: (m: unknown) => { sent.push(m); }, onClose: () => () => undefined } as unknown as EventSink;
    await session.connectPort(7, sink);
    sent.length = 0;
    for (let i = 0; i < 5; i++) t.request(`${i}`, `${API}/${i}`).sent(`${i}`, `${API}/${i}`, [['Origin', APP]]);
    timers.run(0);
    await settleMicrotasks();
    expect(sent).toEqual([]);
    expect([...timers.due.values()].some((x) => x.ms === DEFAULT_DELAYS.ports && x.ms > 0)).toBe(true);
    timers.run(DEFAULT_DELAYS.ports);
    expect(sent).toHaveLength(1);
  });

  it(`a burst is written in batches of at most ${MAX_BATCH_ENTRIES} exchanges, and all of it arrives`, async () => {
    const { session, log, t } = setup();
    await session.start();
    const n = MAX_BATCH_ENTRIES * 2 + 10;
    const sizes: number[] = [];
    const write = log.write.bind(log);
    log.write = async (batch) => {
      sizes.push(batch.put.length);
      await write(batch);
    };
    for (let i = 0; i < n; i++) {
      const url = `${API}/b${i}`;
      t.request(`b${i}`, url).sent(`b${i}`, url, [['Origin', APP]]).received(`b${i}`, url, 200, [['Access-Control-Allow-Origin', APP]]).completed(`b${i}`, url, 200);
    }
    await session.settle();
    for (let i = 0; i < 10 && log.ids(7).length < n; i++) await session.settle();
    expect(log.ids(7)).toHaveLength(n);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_BATCH_ENTRIES);
  });
});
