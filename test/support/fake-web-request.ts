/**
 * A stand-in for `chrome.webRequest` (fake-browser has none): records the listeners our capture
 * adds, with their filters and extraInfoSpec, and replays event sequences into them. `Traffic`
 * writes those sequences readably (one call per webRequest event, increasing timestamps).
 */
import type {
  RawDetails, RawListener, RequestFilter, WebRequestApi, WebRequestEvent, WebRequestEventName,
} from '../../src/background/capture/web-request';

interface Registered { cb: RawListener; filter: RequestFilter; spec: string[] }

class FakeEvent implements WebRequestEvent {
  readonly listeners: Registered[] = [];
  constructor(
    private readonly rejectExtraHeaders: boolean, private readonly knownTypes: string[], private readonly strictArity = false,
  ) {}
  addListener(cb: RawListener, filter: RequestFilter, given?: string[]): void {
    // Firefox: onErrorOccurred takes no extraInfoSpec at all, and an empty array is an error too.
    if (this.strictArity && given !== undefined) throw new Error('Incorrect argument types for webRequest.onErrorOccurred.addListener.');
    const spec = given ?? [];
    if (this.rejectExtraHeaders && spec.includes('extraHeaders')) {
      throw new Error('Invalid enumeration value "extraHeaders"'); // what Firefox does
    }
    const unknown = filter.types?.find((t) => !this.knownTypes.includes(t));
    if (unknown) throw new Error(`Invalid enumeration value "${unknown}"`);
    this.listeners.push({ cb, filter, spec });
  }
  removeListener(cb: RawListener): void {
    const i = this.listeners.findIndex((l) => l.cb === cb);
    if (i >= 0) this.listeners.splice(i, 1);
  }
}

const NAMES: WebRequestEventName[] = [
  'onBeforeRequest', 'onSendHeaders', 'onHeadersReceived', 'onBeforeRedirect', 'onResponseStarted', 'onCompleted',
  'onErrorOccurred',
];

export const CHROMIUM_TYPES = [
  'main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping',
  'csp_report', 'media', 'websocket', 'webbundle', 'other',
];
export const FIREFOX_TYPES = [
  'beacon', 'csp_report', 'font', 'image', 'imageset', 'main_frame', 'media', 'object', 'object_subrequest', 'ping',
  'script', 'speculative', 'stylesheet', 'sub_frame', 'web_manifest', 'websocket', 'xml_dtd', 'xmlhttprequest', 'xslt',
  'other',
];

export class FakeWebRequest implements WebRequestApi {
  readonly events: Record<WebRequestEventName, FakeEvent>;
  readonly extraHeaders: boolean;
  readonly browser: 'chromium' | 'firefox';
  /** How many callbacks were delivered (listeners actually called). */
  delivered = 0;

  private readonly clone: boolean;

  readonly resourceTypes: string[] | null;

  /**
   * `clone: false` skips copying event objects (benchmarks: `Traffic` builds fresh ones anyway).
   * `exposeTypes: false` hides the browser's type enum (our capture then falls back to its own list).
   */
  constructor(opts: { browser?: 'chromium' | 'firefox'; extraHeaders?: boolean; clone?: boolean; exposeTypes?: boolean } = {}) {
    this.clone = opts.clone ?? true;
    this.browser = opts.browser ?? 'chromium';
    this.extraHeaders = this.browser === 'chromium' && (opts.extraHeaders ?? true);
    const types = this.browser === 'firefox' ? FIREFOX_TYPES : CHROMIUM_TYPES;
    this.resourceTypes = opts.exposeTypes === false ? null : types;
    const firefox = this.browser === 'firefox';
    this.events = Object.fromEntries(NAMES.map((n) => [n, new FakeEvent(firefox, types, firefox && n === 'onErrorOccurred')])) as Record<
      WebRequestEventName, FakeEvent>;
  }

  listenerCount(): number {
    return NAMES.reduce((n, name) => n + this.events[name].listeners.length, 0);
  }

  spec(name: WebRequestEventName): string[] | undefined {
    return this.events[name].listeners[0]?.spec;
  }

  /** Delivers one event to the listeners whose type and tab filters match, as the browser would. */
  fire(name: WebRequestEventName, details: RawDetails): void {
    for (const l of [...this.events[name].listeners]) {
      if (l.filter.types && !l.filter.types.includes(details.type)) continue;
      if (l.filter.tabId !== undefined && l.filter.tabId !== details.tabId) continue;
      this.delivered++;
      l.cb(this.clone ? structuredClone(details) : details);
    }
  }
}

/** Where a request comes from (Chromium: `initiator`; Firefox: `originUrl`/`documentUrl`). */
export type RequestContext = Pick<RawDetails,
  'tabId' | 'frameId' | 'type' | 'initiator' | 'originUrl' | 'documentUrl' | 'documentId' | 'parentDocumentId' | 'parentFrameId'>;

export type HeaderList = [string, string][];
const headers = (list: HeaderList) => list.map(([name, value]) => ({ name, value }));

/** Writes webRequest sequences: `t.request('1', url, 'PUT')`, `t.sent('1', url, [['Origin', o]])`… */
export class Traffic {
  time = 1_700_000_000_000;
  private readonly startedIds = new Set<string>();

  constructor(readonly wr: FakeWebRequest, readonly ctx: RequestContext) {}

  private base(id: string, url: string, method: string, ctx: Partial<RequestContext> = {}): RawDetails {
    const c = { ...this.ctx, ...ctx };
    const d: RawDetails = {
      requestId: id, url, method, type: c.type, tabId: c.tabId, frameId: c.frameId, timeStamp: (this.time += 1),
    };
    if (c.initiator !== undefined) d.initiator = c.initiator;
    if (c.originUrl !== undefined) d.originUrl = c.originUrl;
    if (c.documentUrl !== undefined) d.documentUrl = c.documentUrl;
    if (c.documentId !== undefined) d.documentId = c.documentId;
    if (c.parentDocumentId !== undefined) d.parentDocumentId = c.parentDocumentId;
    if (c.parentFrameId !== undefined) d.parentFrameId = c.parentFrameId;
    return d;
  }

  request(id: string, url: string, method = 'GET', ctx?: Partial<RequestContext>): this {
    this.wr.fire('onBeforeRequest', this.base(id, url, method, ctx));
    return this;
  }
  sent(id: string, url: string, list: HeaderList, method = 'GET', ctx?: Partial<RequestContext>): this {
    this.wr.fire('onSendHeaders', { ...this.base(id, url, method, ctx), requestHeaders: headers(list) });
    return this;
  }
  received(id: string, url: string, status: number, list: HeaderList, method = 'GET', ctx?: Partial<RequestContext>): this {
    this.wr.fire('onHeadersReceived', {
      ...this.base(id, url, method, ctx), statusCode: status, statusLine: `HTTP/1.1 ${status} ${reason(status)}`,
      responseHeaders: headers(list),
    });
    return this;
  }
  redirected(id: string, url: string, status: number, location: string, method = 'GET', ctx?: Partial<RequestContext>): this {
    this.wr.fire('onBeforeRedirect', {
      ...this.base(id, url, method, ctx), statusCode: status, redirectUrl: location, ip: '127.0.0.1', fromCache: false,
    });
    return this;
  }
  started(id: string, url: string, status: number, method = 'GET', ctx?: Partial<RequestContext>): this {
    this.startedIds.add(id);
    this.wr.fire('onResponseStarted', { ...this.base(id, url, method, ctx), statusCode: status, ip: '127.0.0.1', fromCache: false });
    return this;
  }
  /** Chromium always fires onResponseStarted before onCompleted: written here when a sequence leaves it out. */
  completed(id: string, url: string, status: number, method = 'GET', ctx?: Partial<RequestContext>): this {
    if (this.wr.browser === 'chromium' && !this.startedIds.has(id)) this.started(id, url, status, method, ctx);
    this.wr.fire('onCompleted', { ...this.base(id, url, method, ctx), statusCode: status, ip: '127.0.0.1', fromCache: false });
    return this;
  }
  failed(id: string, url: string, error: string, method = 'GET', ctx?: Partial<RequestContext>): this {
    this.wr.fire('onErrorOccurred', { ...this.base(id, url, method, ctx), error, fromCache: false });
    return this;
  }
}

function reason(status: number): string {
  return ({ 200: 'OK', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 404: 'Not Found', 500: 'Internal Server Error' } as
    Record<number, string>)[status] ?? '';
}
