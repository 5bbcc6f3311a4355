/**
 * The DevTools network log of one page, recorded through the DevTools protocol (page, out-of-process frames
 * and workers), and the HAR DevTools' "Export HAR" writes from it: one entry per hop, raw request/response
 * headers from the *ExtraInfo events, preflights as `_resourceType: "preflight"` entries whose `_initiator`
 * points at their request, `_error` from loadingFailed. The Playwright helper judges that HAR with the core;
 * test/e2e/report-chrome-har.test.ts and the real-server suite (test/servers/) use the log too.
 */
import type { CdpContext, CdpSession, Raw } from './cdp';
import { harOf } from './devtools-har';
import { ACCESS_REASONS, REDIRECT_REASONS } from '../core/reasons';

interface NameValue { name: string; value: string }

export interface Hop {
  key: string;
  requestId: string;
  /** Position in the request's redirect chain: the protocol's ExtraInfo events pair with hops by it. */
  index: number;
  url: string;
  method: string;
  type: string;
  initiator: Raw;
  startWall: number;
  startTs: number;
  endTs?: number;
  headersTs?: number;
  fallbackRequestHeaders: NameValue[];
  status?: number;
  statusText?: string;
  responseHeaders?: NameValue[];
  /** Chromium said this hop's raw response (responseReceivedExtraInfo) will come: see `expectsRaw`. */
  rawPromised?: boolean;
  mimeType?: string;
  ip?: string;
  redirectURL: string;
  error?: string;
  corsError?: string;
  fromCache?: boolean;
}

/** CDP header objects join repeated lines with "\n"; DevTools lists them as separate headers. */
const headerList = (obj: Raw | undefined): NameValue[] =>
  Object.entries(obj ?? {}).flatMap(([name, value]) => String(value).split('\n').map((v) => ({ name, value: v })));

/** The raw exchange of one hop, from the *ExtraInfo events (they may come before or after the hop's other events). */
export interface RawExchange { requestHeaders?: NameValue[]; status?: number; responseHeaders?: NameValue[] }

/** CORS errors Chromium reaches by checking the response of the hop that failed (so that response reached the network). */
const RESPONSE_CHECKS: ReadonlySet<string> = new Set([...ACCESS_REASONS, ...REDIRECT_REASONS].map((def) => def.code));
/** CORS errors Chromium reaches by checking a preflight's response (the request itself never reached the network). */
const isPreflightCheck = (code: string): boolean => code.startsWith('Preflight') || code.endsWith('PreflightResponse');

/** A `DevtoolsLog.waitFor` that ran out of time (any other rejection is the predicate's own error). */
export class WaitTimeout extends Error {}

/** The DevTools network log of one page: every hop of every request, as DevTools keeps them. */
export class DevtoolsLog {
  readonly hops: Hop[] = [];
  /** The last hop of each request, by hop key, in request order: where its redirect chain stands. */
  private readonly current = new Map<string, Hop>();
  /** ExtraInfo per request id, in arrival order: the i-th of each belongs to hop i of that request, as DevTools pairs them. */
  private readonly extra = new Map<string, { requests: NameValue[][]; responses: { status: number; headers: NameValue[] }[] }>();
  private readonly listeners = new Set<() => void>();
  private nextId = 2_000_000;
  readonly workers = new Set<string>();
  /**
   * Ids of the child targets attached (workers, out-of-process frames). Chromium names a dedicated worker's
   * script request after its target, and may report its end on the worker's session before we listen there.
   */
  readonly targets = new Set<string>();
  /** Child sessions whose target went away (a removed frame): their owed events will never come. */
  private readonly detached = new Set<string>();

  private constructor(private readonly session: CdpSession) {}

  /** Starts recording `page` (a Playwright page of a Chromium browser) through a new session of its `context`. */
  static async attach(context: CdpContext, page: unknown): Promise<DevtoolsLog> {
    const session = await context.newCDPSession(page as never);
    const log = new DevtoolsLog(session);
    for (const name of ['requestWillBeSent', 'requestWillBeSentExtraInfo', 'responseReceived', 'responseReceivedExtraInfo', 'loadingFinished', 'loadingFailed']) {
      session.on(`Network.${name}`, (params) => log.onEvent('', `Network.${name}`, params));
    }
    session.on('Target.attachedToTarget', (e) => {
      log.targets.add(String(e.targetInfo?.targetId));
      void log.onAttached(String(e.sessionId), String(e.targetInfo?.type), Boolean(e.waitingForDebugger));
    });
    session.on('Target.detachedFromTarget', (e) => {
      log.detached.add(String(e.sessionId));
      log.notify();
    });
    session.on('Target.receivedMessageFromTarget', (e) => {
      const msg = JSON.parse(String(e.message)) as { method?: string; params?: Raw };
      if (msg.method && msg.params) log.onEvent(String(e.sessionId), msg.method, msg.params);
    });
    await session.send('Network.enable');
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    return log;
  }

  private async onAttached(sessionId: string, type: string, waiting: boolean): Promise<void> {
    const send = (method: string, params: object = {}) =>
      this.session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: this.nextId++, method, params }) });
    try {
      await send('Network.enable');
      if (waiting) await send('Runtime.runIfWaitingForDebugger');
      if (type === 'worker') this.workers.add(sessionId);
      this.notify();
    } catch {
      // The target went away first: nothing to record.
    }
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** The hop an event is about: same session first; ExtraInfo of a worker's request may come on another session. */
  private hopFor(session: string, requestId: string): Hop | undefined {
    const own = this.current.get(`${session}:${requestId}`);
    if (own) return own;
    const others = [...this.current.values()].filter((h) => h.requestId === requestId);
    return others.length === 1 ? others[0] : undefined;
  }

  private onEvent(session: string, method: string, e: Raw): void {
    let key = `${session}:${String(e.requestId)}`;
    const hop = method === 'Network.requestWillBeSent' ? this.current.get(key) : this.hopFor(session, String(e.requestId));
    if (hop) key = hop.key;
    switch (method) {
      case 'Network.requestWillBeSent': {
        // Chromium may announce a request again (e.g. after its preflight) without a redirect: same hop.
        if (hop && !e.redirectResponse) break;
        if (hop && e.redirectResponse) {
          const r = e.redirectResponse as Raw;
          hop.status = Number(r.status);
          hop.statusText = String(r.statusText ?? '');
          hop.responseHeaders = headerList(r.headers);
          hop.ip = r.remoteIPAddress;
          hop.redirectURL = hop.responseHeaders.find((h) => h.name.toLowerCase() === 'location')?.value ?? String(e.request.url);
          hop.endTs = Number(e.timestamp);
          hop.headersTs ??= Number(e.timestamp);
          if (e.redirectHasExtraInfo) hop.rawPromised = true;
        }
        const next: Hop = {
          key, requestId: String(e.requestId), index: hop ? hop.index + 1 : 0, url: String(e.request.url), method: String(e.request.method),
          type: String(e.type ?? 'Other'), initiator: (e.initiator ?? { type: 'other' }) as Raw, startWall: Number(e.wallTime) * 1000,
          startTs: Number(e.timestamp), fallbackRequestHeaders: headerList(e.request.headers), redirectURL: '',
        };
        if (hop) next.startWall = hop.startWall + (next.startTs - hop.startTs) * 1000;
        this.current.set(key, next);
        this.hops.push(next);
        break;
      }
      case 'Network.requestWillBeSentExtraInfo':
        this.extraOf(String(e.requestId)).requests.push(headerList(e.headers));
        break;
      case 'Network.responseReceived': {
        if (!hop) break;
        const r = e.response as Raw;
        // The protocol types a preflight 'Other' when it is sent and 'Preflight' in its response, which DevTools keeps.
        if (e.type) hop.type = String(e.type);
        hop.status = Number(r.status);
        hop.statusText = String(r.statusText ?? '');
        hop.responseHeaders = headerList(r.headers);
        hop.mimeType = r.mimeType;
        hop.ip = r.remoteIPAddress;
        hop.fromCache = Boolean(r.fromDiskCache);
        hop.headersTs = Number(e.timestamp);
        if (e.hasExtraInfo) hop.rawPromised = true;
        break;
      }
      // Often before the hop's requestWillBeSent, sometimes after its loadingFinished/loadingFailed: kept by request id.
      case 'Network.responseReceivedExtraInfo':
        this.extraOf(String(e.requestId)).responses.push({ status: Number(e.statusCode), headers: headerList(e.headers) });
        break;
      case 'Network.loadingFinished':
        if (hop) hop.endTs = Number(e.timestamp);
        break;
      case 'Network.loadingFailed':
        if (!hop) break;
        hop.endTs = Number(e.timestamp);
        hop.error = String(e.errorText ?? 'net::ERR_FAILED');
        if (e.corsErrorStatus) hop.corsError = String(e.corsErrorStatus.corsError);
        // A preflight refused before any response was forwarded is typed 'Preflight' only here (DevTools keeps it).
        if (e.type) hop.type = String(e.type);
        break;
    }
    this.notify();
  }

  /** ExtraInfo comes by request id, on the hop's session or another (a worker's request: the page's). */
  private extraOf(requestId: string): { requests: NameValue[][]; responses: { status: number; headers: NameValue[] }[] } {
    let x = this.extra.get(requestId);
    if (!x) this.extra.set(requestId, (x = { requests: [], responses: [] }));
    return x;
  }

  /** The raw request and response of a hop, as far as their ExtraInfo events have arrived. */
  rawOf(h: Hop): RawExchange {
    const x = this.extra.get(h.requestId);
    const response = x?.responses[h.index];
    return { requestHeaders: x?.requests[h.index], status: response?.status, responseHeaders: response?.headers };
  }

  /**
   * Whether Chromium will report this hop's raw exchange: it said so (hasExtraInfo / redirectHasExtraInfo), or it
   * refused the hop's response by a CORS check, or the hop is the last preflight of a request refused by a preflight check.
   */
  private expectsRaw(h: Hop): boolean {
    if (h.rawPromised) return true;
    const last = this.lastOf(h) === h;
    if (last && h.corsError && RESPONSE_CHECKS.has(h.corsError)) return true;
    if (h.initiator.type !== 'preflight') return false;
    const preflights = this.hops.filter((o) => o.initiator.type === 'preflight' && o.initiator.requestId === h.initiator.requestId);
    if (preflights.at(-1) !== h) return false;
    return this.hops.some((o) => o.requestId === h.initiator.requestId && o.corsError !== undefined && isPreflightCheck(o.corsError));
  }

  /** The last hop of each request (where its redirect chain ended or stands), in request order. */
  lastHops(): Hop[] {
    return [...this.current.values()];
  }

  /** The last hop of the request `h` is a hop of. */
  lastOf(h: Hop): Hop | undefined {
    return this.current.get(h.key);
  }

  /** The hop's target is gone (a removed frame): nothing more will come for it. */
  gone(h: Hop): boolean {
    const session = h.key.slice(0, h.key.length - h.requestId.length - 1);
    return session !== '' && this.detached.has(session);
  }

  /** Hops whose raw request and response Chromium will report but has not yet (ExtraInfo may trail loadingFailed). */
  missingRaw(): Hop[] {
    return this.hops.filter((h) => {
      if (!this.expectsRaw(h) || this.gone(h)) return false;
      const raw = this.rawOf(h);
      return raw.requestHeaders === undefined || raw.responseHeaders === undefined;
    });
  }

  /**
   * Resolves with the predicate's first truthy value, checked now and after every event. A predicate
   * that throws rejects the wait at once with its own error (it is the caller's bug, not a slow page),
   * and the event that ran it goes on; only a wait that ran out rejects with a `WaitTimeout`.
   */
  waitFor<T>(what: string | (() => string), pred: () => T | null | undefined | false, timeoutMs = 60_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const done = () => {
        this.listeners.delete(check);
        clearTimeout(timer);
      };
      const check = () => {
        let v: T | null | undefined | false;
        try {
          v = pred();
        } catch (err) {
          done();
          reject(err);
          return;
        }
        if (!v) return;
        done();
        resolve(v);
      };
      const timer = setTimeout(() => {
        done();
        reject(new WaitTimeout(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** The HAR DevTools would export: Chrome's entry shape, raw headers, the raw status of a rejected response. */
  toHar(pageUrl: string): object {
    return harOf(this, pageUrl).har;
  }

  /** Stops recording (the page goes on). */
  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}
