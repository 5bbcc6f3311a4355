/**
 * Chromium's own account of a page's network traffic, read through the DevTools protocol: every
 * request with its redirect chain, the raw request headers of each hop, the preflights Chromium linked
 * to it, and how it ended (`Network.loadingFailed.corsErrorStatus.corsError` is Chromium's CORS verdict).
 * Out-of-process iframes (sandboxed frames) and dedicated workers are followed through auto-attach.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface CdpRequest {
  /** Unique within the recorder: `<session>:<requestId>`. */
  key: string;
  requestId: string;
  /** Session the request was seen on ('' for the page itself). */
  session: string;
  /** First URL requested. */
  url: string;
  /** Every URL of the redirect chain, first to last. */
  urls: string[];
  method: string;
  resourceType: string;
  initiatorType: string;
  /** For a preflight: the key of the request it was sent for. */
  preflightFor: string | null;
  /** Raw request headers per hop (lower-cased names), from requestWillBeSentExtraInfo. */
  hopHeaders: Record<string, string>[];
  state: 'pending' | 'finished' | 'failed';
  status: number | null;
  errorText: string | null;
  corsError: string | null;
  failedParameter: string | null;
  canceled: boolean;
}

interface CdpEvent { method: string; params: Record<string, unknown> }

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- CDP payloads are untyped JSON

/** CORS errors Chromium reaches by checking the response of the hop that failed (so every hop reached the network). */
const RESPONSE_CHECKS = new Set([
  'MissingAllowOriginHeader', 'MultipleAllowOriginValues', 'InvalidAllowOriginValue', 'AllowOriginMismatch', 'InvalidAllowCredentials',
  'WildcardOriginNotAllowed', 'RedirectContainsCredentials',
]);
/** CORS errors Chromium reaches by checking a preflight's response (the request itself never reached the network). */
const isPreflightCheck = (code: string): boolean => code.startsWith('Preflight') || code.endsWith('PreflightResponse');

export class CdpRecorder {
  private readonly byKey = new Map<string, CdpRequest>();
  /** Raw request headers that came before their request, by request id (they may come on another session). */
  private readonly pendingExtra = new Map<string, Record<string, string>[]>();
  /** How many hops of a request (by key) Chromium said it will report raw request headers for. */
  private readonly promised = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private readonly enabling = new Map<number, { sessionId: string; type: string }>();
  /** Child targets (by session) whose Network domain is enabled, with their target type. */
  readonly readyTargets = new Map<string, string>();
  private nextId = 1_000_000;

  private constructor(private readonly session: CDPSession) {}

  /** Starts recording the page's network traffic (and its out-of-process frames' and workers'). */
  static async attach(context: BrowserContext, page: Page): Promise<CdpRecorder> {
    const session = await context.newCDPSession(page);
    const rec = new CdpRecorder(session);
    for (const name of ['requestWillBeSent', 'requestWillBeSentExtraInfo', 'responseReceived', 'loadingFinished', 'loadingFailed']) {
      session.on(`Network.${name}` as 'Network.requestWillBeSent', (params) => rec.onEvent('', { method: `Network.${name}`, params: params as Raw }));
    }
    session.on('Target.attachedToTarget', (e) => void rec.onAttached(e.sessionId, e.targetInfo.type, e.waitingForDebugger));
    session.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId) rec.readyTargets.delete(e.sessionId);
    });
    session.on('Target.receivedMessageFromTarget', (e) => {
      const msg = JSON.parse(e.message) as Partial<CdpEvent> & { id?: number; error?: unknown };
      if (typeof msg.method === 'string' && msg.params) rec.onEvent(e.sessionId, msg as CdpEvent);
      const enabled = msg.id === undefined ? undefined : rec.enabling.get(msg.id);
      if (enabled && !msg.error) {
        rec.enabling.delete(msg.id!);
        rec.readyTargets.set(enabled.sessionId, enabled.type);
        rec.notify();
      }
    });
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: false });
    // flatten:false keeps child sessions inside this CDP session (Playwright's own sessions are separate).
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    return rec;
  }

  private async onAttached(sessionId: string, type: string, waiting: boolean): Promise<void> {
    const send = (method: string, params: object = {}) => {
      const id = this.nextId++;
      if (method === 'Network.enable') this.enabling.set(id, { sessionId, type });
      return this.session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    };
    try {
      await send('Network.enable');
      if (waiting) await send('Runtime.runIfWaitingForDebugger');
    } catch {
      // The target went away before we could talk to it: nothing to record.
    }
  }

  private onEvent(session: string, { method, params: p }: CdpEvent): void {
    const e = p as Raw;
    const key = `${session}:${String(e.requestId)}`;
    switch (method) {
      case 'Network.requestWillBeSent': {
        const existing = this.byKey.get(key);
        if (existing && e.redirectResponse) {
          if (e.redirectHasExtraInfo) this.promise(existing, existing.urls.length);
          existing.urls.push(e.request.url);
          break;
        }
        const initiator = (e.initiator ?? {}) as Raw;
        const req: CdpRequest = {
          key, requestId: String(e.requestId), session, url: e.request.url, urls: [e.request.url], method: e.request.method,
          resourceType: String(e.type ?? ''), initiatorType: String(initiator.type ?? ''),
          preflightFor: initiator.type === 'preflight' && initiator.requestId ? `${session}:${String(initiator.requestId)}` : null,
          hopHeaders: this.pendingExtra.get(String(e.requestId)) ?? [], state: 'pending', status: null, errorText: null, corsError: null,
          failedParameter: null, canceled: false,
        };
        this.pendingExtra.delete(String(e.requestId));
        this.byKey.set(key, req);
        break;
      }
      case 'Network.requestWillBeSentExtraInfo': {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries((e.headers ?? {}) as Record<string, string>)) headers[k.toLowerCase()] = v;
        const req = this.requestFor(key, String(e.requestId));
        if (req) req.hopHeaders.push(headers);
        else this.pendingExtra.set(String(e.requestId), [...(this.pendingExtra.get(String(e.requestId)) ?? []), headers]);
        break;
      }
      case 'Network.responseReceived': {
        const req = this.byKey.get(key);
        if (!req) break;
        req.status = Number(e.response?.status ?? 0);
        if (e.hasExtraInfo) this.promise(req, req.urls.length);
        break;
      }
      case 'Network.loadingFinished': {
        const req = this.byKey.get(key);
        if (req) req.state = 'finished';
        break;
      }
      case 'Network.loadingFailed': {
        const req = this.byKey.get(key);
        if (!req) break;
        req.state = 'failed';
        req.errorText = String(e.errorText ?? '');
        req.canceled = Boolean(e.canceled);
        const cors = e.corsErrorStatus as Raw | undefined;
        req.corsError = cors ? String(cors.corsError) : null;
        req.failedParameter = cors ? String(cors.failedParameter ?? '') : null;
        if (req.corsError && RESPONSE_CHECKS.has(req.corsError)) this.promise(req, req.urls.length);
        const preflight = req.corsError && isPreflightCheck(req.corsError) ? this.preflightsOf(req).at(-1) : undefined;
        if (preflight) this.promise(preflight, preflight.urls.length);
        break;
      }
    }
    this.notify();
  }

  /** The request an ExtraInfo event is about: same session first, else the one request with that id (a worker's
   * request has its ExtraInfo on the page's session). */
  private requestFor(key: string, requestId: string): CdpRequest | undefined {
    const own = this.byKey.get(key);
    if (own) return own;
    const others = this.requests().filter((r) => r.requestId === requestId);
    return others.length === 1 ? others[0] : undefined;
  }

  private promise(req: CdpRequest, hops: number): void {
    this.promised.set(req.key, Math.max(this.promised.get(req.key) ?? 0, hops));
  }

  /** Requests whose raw request headers Chromium said it will report for more hops than have arrived yet
   * (requestWillBeSentExtraInfo may trail responseReceived, loadingFinished and loadingFailed). */
  owedExtraInfo(): CdpRequest[] {
    return this.requests().filter((r) => (this.promised.get(r.key) ?? 0) > r.hopHeaders.length);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /** Resolves once a child target of `type` (e.g. 'worker') reports its network events to us. */
  whenTargetReady(type: string, timeoutMs = 30_000): Promise<string> {
    return this.waitFor(`a ${type} target to be attached`, () => [...this.readyTargets].find(([, t]) => t === type)?.[0], timeoutMs);
  }

  requests(): CdpRequest[] {
    return [...this.byKey.values()];
  }

  /** The preflights Chromium sent for a request. */
  preflightsOf(req: CdpRequest): CdpRequest[] {
    return this.requests().filter((r) => r.preflightFor === req.key);
  }

  /**
   * Resolves once `pred` holds over the recorded requests (checked after every event) and no request is owed the
   * raw headers Chromium promised for it, so a request seen decided is also seen with its Sec-Fetch-* headers.
   */
  waitFor<T>(what: string, pred: (all: CdpRequest[]) => T | null | undefined | false, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = pred(this.requests());
        if (!value || this.owedExtraInfo().length > 0) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        const owed = this.owedExtraInfo().map((r) => `${r.method} ${r.url}`);
        const also = owed.length ? ` (raw request headers still owed for: ${owed.join(', ')})` : '';
        reject(new Error(`CDP: timed out after ${timeoutMs} ms waiting for ${what}${also}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}
