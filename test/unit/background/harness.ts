/** Builds a real background session over fakes, plus helpers shared by the background tests. */
import type { Exchange } from '../../../src/core/model/exchange';
import type { Verdict, VerdictKind } from '../../../src/core/model/verdict';
import type { BadgeApi } from '../../../src/background/tabs/badge';
import { createCapture } from '../../../src/background/capture/listeners';
import { observerFor } from '../../../src/background/chrome-apis';
import { BackgroundSession, type SessionDeps } from '../../../src/background/session';
import { inFlightVerdict } from '../../../src/background/correlate/verdicts';
import { m } from '../../../src/core/i18n/msg';
import type { Words } from '../../../src/core/i18n/words';
import type { SayCount } from '../../../src/background/tabs/badge';
import { classify } from '../../../src/core/classify/classify';
import type { StorageAreaLike } from '../../../src/background/persist/storage-area';
import { FakeStorageArea } from '../../support/fake-storage-area';
import { FakeLogDb } from '../../support/fake-log-db';
import type { LogDb } from '../../../src/background/persist/log-db';
import { ManualTimers } from '../../support/fake-timers';
import type { Timers } from '../../../src/background/timers';
import { FakeWebRequest, Traffic, type RequestContext } from '../../support/fake-web-request';

export const APP = 'http://app.localhost:8080';
export const API = 'http://api.localhost:9090';
export const TAB = 7;

/**
 * A small stand-in classifier so these tests check correlation and bookkeeping, not CORS rules:
 * ERR_FAILED/NS_ERROR_DOM_BAD_URI → blocked, other errors → network-error, same origin →
 * same-origin, a seen preflight → preflighted, otherwise simple.
 */
export function stubClassify(ex: Exchange): Verdict {
  let kind: VerdictKind;
  const finalUrl = ex.redirects.at(-1)?.location ?? ex.url;
  if (ex.outcome.state === 'failed') {
    kind = /ERR_FAILED|DOM_BAD_URI/.test(ex.outcome.error) ? 'blocked' : 'network-error';
  } else if (ex.type === 'sub_frame' || new URL(finalUrl).origin === ex.initiator) {
    kind = 'same-origin';
  } else {
    kind = ex.preflights.length > 0 ? 'preflighted' : 'simple';
  }
  return { ...inFlightVerdict(ex), kind, headline: m('common_text', { text: `stub: ${kind}` }) };
}

export class FakeBadge implements BadgeApi {
  readonly texts = new Map<number, string>();
  calls = 0;
  async setText(tabId: number, text: string): Promise<void> {
    this.calls++;
    this.texts.set(tabId, text);
  }
  async setColor(): Promise<void> {}
  readonly titles = new Map<number, string>();
  async setTitle(tabId: number, title: string): Promise<void> {
    this.titles.set(tabId, title);
  }
}

export interface HarnessOptions<A extends StorageAreaLike = FakeStorageArea, L extends LogDb = FakeLogDb> {
  browser?: 'chromium' | 'firefox';
  extraHeaders?: boolean;
  exposeTypes?: boolean;
  area?: A;
  local?: A;
  /** The log database (pass the first worker's, with its `area`, to restart over the same storage). */
  log?: L;
  maxPerTab?: number;
  classify?: (ex: Exchange) => Verdict;
  ctx?: Partial<RequestContext>;
  tabs?: SessionDeps['tabs'];
  /** Timers of the test's own (default: ManualTimers). */
  timers?: Timers;
  /** The browser's UI language for the badge tooltip (default English). */
  /** The badge tooltip's language (a catalogue's words, as the browser's i18n would say them). */
  words?: Words;
}

export function harness<A extends StorageAreaLike = FakeStorageArea, L extends LogDb = FakeLogDb>(opts: HarnessOptions<A, L> = {}) {
  const wr = new FakeWebRequest({
    browser: opts.browser ?? 'chromium', extraHeaders: opts.extraHeaders ?? true, exposeTypes: opts.exposeTypes ?? true,
  });
  const area = opts.area ?? (new FakeStorageArea() as StorageAreaLike as A);
  const local = opts.local ?? (new FakeStorageArea() as StorageAreaLike as A);
  const log = opts.log ?? (new FakeLogDb() as LogDb as L);
  const badge = new FakeBadge();
  const classified: string[] = [];
  const classify = opts.classify ?? stubClassify;
  let page = 0;
  let clock = 1_700_000_000_000;
  let session: BackgroundSession | null = null;
  const timers = new ManualTimers();
  const capture = createCapture(wr, (e) => session!.capture(e));
  capture.start();
  session = new BackgroundSession({
    classify: (ex) => { classified.push(ex.id); return classify(ex); },
    observer: observerFor(wr),
    capture,
    log,
    sessionArea: area,
    localArea: local,
    badge,
    timers: opts.timers ?? timers,
    now: () => (clock += 1000),
    newPageId: () => `page-${++page}`,
    ...(opts.maxPerTab !== undefined ? { maxPerTab: opts.maxPerTab } : {}),
    ...(opts.tabs ? { tabs: opts.tabs } : {}),
    ...(opts.words ? { say: sayFrom(opts.words) } : {}),
  });
  const firefox = opts.browser === 'firefox';
  const ctx: RequestContext = firefox
    ? { tabId: TAB, frameId: 0, type: 'xmlhttprequest', originUrl: `${APP}/index.html`, documentUrl: `${APP}/index.html` }
    : { tabId: TAB, frameId: 0, type: 'xmlhttprequest', initiator: APP };
  const t = new Traffic(wr, { ...ctx, ...opts.ctx });
  const s = session;
  return {
    wr, area, local, log, badge, capture, classified, t, session: s, timers,
    /** The stored entries of a tab, by exchange id. */
    entries(tabId = TAB) {
      return new Map(s.store.entries(tabId).map((e) => [e.exchange.id, e]));
    },
    /** A tabs.onUpdated event, stamped with the traffic clock. */
    nav(change: { status?: string; url?: string; tabUrl?: string }, tabId = TAB) {
      s.push({ kind: 'tab-updated', tabId, time: (t.time += 1), ...change });
    },
    entry(id: string, tabId = TAB) {
      const e = s.store.entries(tabId).find((x) => x.exchange.id === id);
      if (!e) throw new Error(`no entry ${id} in tab ${tabId}`);
      return e;
    },
  };
}

export const names = (headers: { name: string }[]) => headers.map((h) => h.name);

/** A first worker (real classifier) that recorded `events`, stopped; then a second one started over the same storage. */
export async function restarted(events: (h: ReturnType<typeof harness>) => void) {
  const first = harness({ classify });
  await first.session.start();
  events(first);
  await first.session.settle();
  const second = harness({ classify, area: first.area, log: first.log });
  second.t.time = first.t.time;
  await second.session.start();
  return second;
}

/** The badge's words from a catalogue (what the browser's i18n says from the same messages.json). */
export const sayFrom = (w: Words): SayCount => (id, count) => w.say(id, count === undefined ? undefined : { count });
