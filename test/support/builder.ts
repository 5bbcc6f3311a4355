/**
 * A readable builder for `Exchange` records in tests:
 *
 *   exchange().from('http://127.0.0.1:4001').to('http://127.0.0.1:4002/api').method('PUT')
 *     .header('X-Trace', '1')
 *     .preflight((p) => p.status(204).header('Access-Control-Allow-Origin', 'http://127.0.0.1:4001'))
 *     .response((r) => r.status(200).header('Access-Control-Allow-Origin', 'http://127.0.0.1:4001'))
 *     .build();
 *
 * By default it records what Chromium with an `extraHeaders` listener shows: preflights visible, and
 * the headers the browser adds itself (Origin, Sec-Fetch-*, User-Agent…) on the request and on the
 * preflight, computed here independently of the classifier. `.observer('chrome-basic')` hides them
 * the way Chrome without extraHeaders does; `.observer('firefox')` is Firefox's view.
 * Outcome: `.failed(error)`, `.pending()`, else completed with the final status.
 */
import type { Exchange, Header, Observer, PreflightRecord, RedirectHop, ResourceType, ResponseRecord } from '../../src/core/model/exchange';

type ObserverPreset = 'chrome-extra' | 'chrome-basic' | 'firefox' | 'har';

const OBSERVERS: Record<ObserverPreset, Observer> = {
  'chrome-extra': { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'test' },
  'chrome-basic': { browser: 'chromium', preflightsVisible: false, fullRequestHeaders: false, source: 'test' },
  firefox: { browser: 'firefox', preflightsVisible: true, fullRequestHeaders: true, source: 'test' },
  har: { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'har' },
};

/** Headers a page script can send without a preflight when their values are simple (by name only). */
const SIMPLE_NAMES = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'range']);
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

function originOfUrl(url: string): string {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? url : origin;
  } catch {
    return url;
  }
}

export class ResponseBuilder {
  private record: ResponseRecord = { status: 200, headers: [] };
  status(status: number, statusText?: string): this {
    this.record.status = status;
    if (statusText !== undefined) this.record.statusText = statusText;
    return this;
  }
  header(name: string, value: string): this {
    this.record.headers.push({ name, value });
    return this;
  }
  /** Shorthand for Access-Control-Allow-Origin. */
  acao(value: string): this {
    return this.header('Access-Control-Allow-Origin', value);
  }
  /** Shorthand for Access-Control-Allow-Credentials. */
  acac(value: string): this {
    return this.header('Access-Control-Allow-Credentials', value);
  }
  ip(ip: string): this {
    this.record.ip = ip;
    return this;
  }
  fromCache(): this {
    this.record.fromCache = true;
    return this;
  }
  /** @internal */
  done(): ResponseRecord {
    return { ...this.record, headers: [...this.record.headers] };
  }
}

export class PreflightBuilder extends ResponseBuilder {
  private extraRequest: Header[] = [];
  private acrmValue: string | undefined;
  private acrhValue: string | null | undefined;
  private errorValue: string | undefined;
  private noResponseFlag = false;
  private urlValue: string | undefined;
  acam(value: string): this {
    return this.header('Access-Control-Allow-Methods', value);
  }
  acah(value: string): this {
    return this.header('Access-Control-Allow-Headers', value);
  }
  /** Override the Access-Control-Request-Method the browser sent. */
  requestMethod(method: string): this {
    this.acrmValue = method;
    return this;
  }
  /** Override Access-Control-Request-Headers (null: not sent). */
  requestHeaderList(value: string | null): this {
    this.acrhValue = value;
    return this;
  }
  requestHeader(name: string, value: string): this {
    this.extraRequest.push({ name, value });
    return this;
  }
  /** The preflight failed with a browser error and no response. */
  error(error: string): this {
    this.errorValue = error;
    this.noResponseFlag = true;
    return this;
  }
  /** The preflight got no response (still in flight or lost). */
  noResponse(): this {
    this.noResponseFlag = true;
    return this;
  }
  url(url: string): this {
    this.urlValue = url;
    return this;
  }
  /** @internal */
  preflightRecord(url: string, origin: string, method: string, acrh: string, start: number, id: string): PreflightRecord {
    const requestHeaders: Header[] = [
      { name: 'Accept', value: '*/*' },
      { name: 'Access-Control-Request-Method', value: this.acrmValue ?? method },
    ];
    const list = this.acrhValue === undefined ? acrh : this.acrhValue;
    if (list !== null && list !== '') requestHeaders.push({ name: 'Access-Control-Request-Headers', value: list });
    requestHeaders.push(
      { name: 'Origin', value: origin },
      { name: 'Sec-Fetch-Mode', value: 'cors' },
      { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0' },
      ...this.extraRequest,
    );
    const rec: PreflightRecord = { id, url: this.urlValue ?? url, requestHeaders, start, end: start + 3 };
    if (!this.noResponseFlag) rec.response = this.done();
    if (this.errorValue !== undefined) rec.error = this.errorValue;
    return rec;
  }
}

export class RedirectBuilder extends ResponseBuilder {
  target = '';
  constructor() {
    super();
    this.status(302);
  }
  to(url: string): this {
    this.target = url;
    return this;
  }
}

export class ExchangeBuilder {
  private initiator: string | undefined = 'http://127.0.0.1:4001';
  private documentUrl: string | undefined;
  private target = 'http://127.0.0.1:4002/api';
  private verb = 'GET';
  private kind: ResourceType = 'xmlhttprequest';
  private headers: Header[] = [];
  private raw: Header[] | undefined;
  private hops: RedirectBuilder[] = [];
  private pre: PreflightBuilder[] = [];
  private res: ResponseBuilder | undefined;
  private outcomeValue: Exchange['outcome'] | undefined;
  private corsError: string | undefined;
  private observerValue: Observer = { ...OBSERVERS['chrome-extra'] };
  private modeValue: string | null = 'cors';
  private browserHeaders = true;
  private cookieValue: string | undefined;
  private idValue = 'x1';

  /** Initiator: a URL or serialized origin (`"null"` for a sandboxed frame); undefined for none. */
  from(initiator: string | undefined): this {
    this.initiator = initiator === undefined || initiator === 'null' ? initiator : originOfUrl(initiator);
    return this;
  }
  document(url: string): this {
    this.documentUrl = url;
    return this;
  }
  to(url: string): this {
    this.target = url;
    return this;
  }
  method(method: string): this {
    this.verb = method;
    return this;
  }
  type(type: ResourceType): this {
    this.kind = type;
    return this;
  }
  id(id: string): this {
    this.idValue = id;
    return this;
  }
  /** A header the page's script set. */
  header(name: string, value: string): this {
    this.headers.push({ name, value });
    return this;
  }
  /** Cookie sent by the browser (implies credentials: include on a cross-origin request). */
  cookie(value: string): this {
    this.cookieValue = value;
    return this;
  }
  /** Sec-Fetch-Mode the browser reports (`null`: none, e.g. an http: URL to a non-local host). */
  mode(mode: string | null): this {
    this.modeValue = mode;
    return this;
  }
  /** Do not add the browser's own request headers (Origin, Sec-Fetch-*, User-Agent, Accept). */
  bare(): this {
    this.browserHeaders = false;
    return this;
  }
  /** Replace the request headers exactly (no browser headers added). */
  rawHeaders(headers: Header[]): this {
    this.raw = headers;
    return this;
  }
  observer(preset: ObserverPreset | Partial<Observer>): this {
    this.observerValue = typeof preset === 'string' ? { ...OBSERVERS[preset] } : { ...this.observerValue, ...preset };
    if (this.observerValue.browser === 'firefox' && this.outcomeValue?.state === 'failed' && this.outcomeValue.error === 'net::ERR_FAILED') {
      this.outcomeValue = { state: 'failed', error: 'NS_ERROR_DOM_BAD_URI' };
    }
    return this;
  }
  preflight(configure: (p: PreflightBuilder) => PreflightBuilder = (p) => p): this {
    this.pre.push(configure(new PreflightBuilder().status(204)));
    return this;
  }
  redirect(configure: (r: RedirectBuilder) => RedirectBuilder): this {
    this.hops.push(configure(new RedirectBuilder()));
    return this;
  }
  response(configure: (r: ResponseBuilder) => ResponseBuilder = (r) => r): this {
    this.res = configure(new ResponseBuilder());
    return this;
  }
  failed(error = 'net::ERR_FAILED', corsError?: string): this {
    this.outcomeValue = { state: 'failed', error };
    this.corsError = corsError;
    return this;
  }
  pending(): this {
    this.outcomeValue = { state: 'pending' };
    return this;
  }
  completed(status?: number): this {
    this.outcomeValue = { state: 'completed', status: status ?? 200 };
    return this;
  }

  /** Access-Control-Request-Headers as the browser would send it, computed from names only. */
  private acrh(headers: Header[]): string {
    const names = headers
      .filter((h) => {
        const lower = h.name.toLowerCase();
        if (lower === 'content-type') return !SIMPLE_TYPES.some((t) => h.value.toLowerCase().startsWith(t));
        return !SIMPLE_NAMES.has(lower);
      })
      .map((h) => h.name.toLowerCase());
    return [...new Set(names)].sort().join(',');
  }

  private requestHeaders(url: string, origin: string | undefined, first: boolean): Header[] {
    if (this.raw) return first ? [...this.raw] : [];
    const out: Header[] = [];
    const obs = this.observerValue;
    const crossOrigin = origin !== undefined && (origin === 'null' || originOfUrl(url) !== origin);
    if (this.browserHeaders) out.push({ name: 'Accept', value: '*/*' });
    out.push(...this.headers);
    if (!this.browserHeaders) return out;
    if (obs.fullRequestHeaders && origin !== undefined && (crossOrigin || !['GET', 'HEAD'].includes(this.verb.toUpperCase())) && this.modeValue !== 'no-cors') {
      out.push({ name: 'Origin', value: origin });
    }
    if (obs.fullRequestHeaders && this.modeValue !== null) {
      out.push({ name: 'Sec-Fetch-Mode', value: this.modeValue }, { name: 'Sec-Fetch-Site', value: crossOrigin ? 'same-site' : 'same-origin' });
      out.push({ name: 'Sec-Fetch-Dest', value: this.kind === 'xmlhttprequest' ? 'empty' : this.kind });
    }
    out.push({ name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0' });
    if (obs.fullRequestHeaders && this.cookieValue !== undefined) out.push({ name: 'Cookie', value: this.cookieValue });
    return out;
  }

  build(): Exchange {
    const start = 1_700_000_000_000;
    const origin = this.initiator;
    const redirects: RedirectHop[] = [];
    let url = this.target;
    this.hops.forEach((hop, i) => {
      const response = hop.done();
      if (!response.headers.some((h) => h.name.toLowerCase() === 'location')) response.headers.push({ name: 'Location', value: hop.target });
      const rec: RedirectHop = { url, response, location: hop.target, time: start + 10 * (i + 1) };
      if (i > 0) rec.requestHeaders = this.requestHeaders(url, origin, false);
      redirects.push(rec);
      url = hop.target;
    });
    const preflightOrigin = origin ?? 'null';
    const acrh = this.acrh(this.raw ?? this.headers);
    const preflights = this.pre.map((p, i) =>
      p.preflightRecord(i === 0 ? this.target : url, preflightOrigin, this.verb, acrh, start + 1 + i, `${this.idValue}-pf${i}`),
    );
    const ex: Exchange = {
      id: this.idValue,
      type: this.kind,
      method: this.verb,
      url: this.target,
      requestHeaders: this.requestHeaders(this.target, origin, true),
      redirects,
      preflights,
      outcome: this.outcome(),
      timings: { start, end: start + 50 },
      observer: { ...this.observerValue },
      tabId: 1,
      frameId: 0,
    };
    if (origin !== undefined) ex.initiator = origin;
    if (this.documentUrl !== undefined) ex.documentUrl = this.documentUrl;
    if (this.res) ex.response = this.res.done();
    return ex;
  }

  private outcome(): Exchange['outcome'] {
    if (this.outcomeValue?.state === 'failed') {
      return this.corsError === undefined ? { ...this.outcomeValue } : { ...this.outcomeValue, corsError: this.corsError };
    }
    if (this.outcomeValue) return { ...this.outcomeValue };
    return { state: 'completed', status: this.res?.done().status ?? 200 };
  }
}

export function exchange(): ExchangeBuilder {
  return new ExchangeBuilder();
}

/** The usual pair of loopback origins used across tests. */
export const PAGE = 'http://127.0.0.1:4001';
export const API = 'http://127.0.0.1:4002';
