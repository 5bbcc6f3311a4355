/**
 * The stored form of an exchange, flat like the verdict's (verdict-form.ts): one array of its fields
 * in a fixed order, each header list joined into one string (record.ts), an absent field an
 * undefined cell, a redirect hop's or preflight's fields after their count. Structured clone then
 * writes no key and no small object (an exchange is some ten of them), which the worker pays for
 * every exchange it stores. An exchange holding a field this layout does not name, or a field set
 * to undefined, is not put in it (`toExchangeForm` returns null): record.ts stores it as an object.
 */
import type { Exchange, Header, Observer, Outcome, PreflightRecord, RedirectHop, ResourceType, ResponseRecord } from '../../core/model/exchange';

type Cell = unknown;
/** An exchange as stored: FORM first, then its fields. */
export type ExchangeForm = Cell[];

/** The first cell (a later layout gets another number). */
const FORM = 1;

/** Own enumerable keys of an object (no array of them is made). */
function keyCount(o: object): number {
  let n = 0;
  for (const k in o) if (Object.hasOwn(o, k)) n++;
  return n;
}

/** Counts the fields that are set: the object fits the layout when that is all its keys. */
const set = (v: unknown): number => (v === undefined ? 0 : 1);

class Writer {
  cells: Cell[] = [];
  n = 0;
  /** False once an object held a key the layout does not name (or one set to undefined). */
  fits = true;
  pack: (list: Header[]) => unknown = () => undefined;
  put(c: Cell): void { this.cells[this.n++] = c; }
  list(l: Header[] | undefined): void { this.put(l === undefined ? undefined : this.pack(l)); }
  check(o: object, named: number): void { if (keyCount(o) !== named) this.fits = false; }

  response(r: ResponseRecord | undefined): void {
    if (r === undefined) { this.put(undefined); return; }
    if (r.status === undefined) this.fits = false; // its cell says whether there is a response
    this.put(r.status); this.list(r.headers); this.put(r.statusText); this.put(r.ip); this.put(r.fromCache); this.put(r.time);
    this.check(r, 2 + set(r.statusText) + set(r.ip) + set(r.fromCache) + set(r.time));
  }

  outcome(o: Outcome): void {
    this.put(o.state);
    if (o.state === 'completed') { this.put(o.status); this.check(o, 2); }
    else if (o.state === 'failed') { this.put(o.error); this.put(o.corsError); this.check(o, 2 + set(o.corsError)); }
    else if (o.state === 'pending') this.check(o, 1);
    else this.fits = false;
  }

  hop(h: RedirectHop): void {
    this.put(h.url); this.list(h.requestHeaders); this.response(h.response); this.put(h.location); this.put(h.time); this.put(h.followed);
    this.check(h, 4 + set(h.requestHeaders) + set(h.followed));
  }

  preflight(p: PreflightRecord): void {
    this.put(p.id); this.put(p.url); this.list(p.requestHeaders); this.response(p.response); this.put(p.error); this.put(p.start); this.put(p.end);
    this.check(p, 3 + set(p.id) + set(p.response) + set(p.error) + set(p.end));
  }
}

const writer = new Writer();

/**
 * The flat form of an exchange, each header list made by `pack`; null when the exchange holds a
 * field the layout does not name. Cells are written into one reused array, copied out at their count.
 */
export function toExchangeForm(x: Exchange, pack: (list: Header[]) => unknown): ExchangeForm | null {
  const w = writer;
  w.n = 0;
  w.fits = true;
  w.pack = pack;
  w.put(FORM); w.put(x.id); w.put(x.initiator); w.put(x.documentUrl); w.put(x.type); w.put(x.method); w.put(x.url);
  w.list(x.requestHeaders); w.list(x.finalRequestHeaders);
  w.response(x.response);
  w.outcome(x.outcome);
  const t = x.timings;
  w.put(t.start); w.put(t.end);
  w.check(t, 1 + set(t.end));
  const ob = x.observer;
  w.put(ob.browser); w.put(ob.preflightsVisible); w.put(ob.fullRequestHeaders); w.put(ob.source);
  w.check(ob, 4);
  w.put(x.tabId); w.put(x.frameId);
  w.put(x.redirects.length);
  for (const h of x.redirects) w.hop(h);
  w.put(x.preflights.length);
  for (const p of x.preflights) w.preflight(p);
  w.check(x, 10 + set(x.initiator) + set(x.documentUrl) + set(x.finalRequestHeaders) + set(x.response) + set(x.tabId) + set(x.frameId));
  return w.fits ? w.cells.slice(0, w.n) : null;
}

const damaged = (): never => { throw new TypeError('damaged exchange'); };

class Reader {
  private i = 0;
  constructor(private readonly cells: readonly unknown[], private readonly unpack: (s: unknown) => Header[] | null) {}
  get done(): boolean { return this.i === this.cells.length; }
  any(): unknown { return this.i < this.cells.length ? this.cells[this.i++] : damaged(); }
  str(): string { const v = this.any(); return typeof v === 'string' ? v : damaged(); }
  num(): number { const v = this.any(); return typeof v === 'number' ? v : damaged(); }
  list(): Header[] { return this.unpack(this.any()) ?? damaged(); }
  count(): number { const n = this.num(); return Number.isInteger(n) && n >= 0 && n <= this.cells.length - this.i ? n : damaged(); }

  /** An optional field: set on `o` when its cell holds a value (taken as it is, as an object record's fields are). */
  opt(o: Record<string, unknown>, key: string): void {
    const v = this.any();
    if (v !== undefined) o[key] = v;
  }

  response(): ResponseRecord | undefined {
    const status = this.any();
    if (status === undefined) return undefined;
    const r: Record<string, unknown> = { status, headers: this.list() };
    this.opt(r, 'statusText');
    this.opt(r, 'ip');
    this.opt(r, 'fromCache');
    this.opt(r, 'time');
    return r as unknown as ResponseRecord;
  }

  outcome(): Outcome {
    const state = this.str();
    if (state === 'completed') return { state, status: this.any() as number };
    if (state === 'pending') return { state };
    if (state !== 'failed') return damaged();
    const o: Record<string, unknown> = { state, error: this.any() };
    this.opt(o, 'corsError');
    return o as unknown as Outcome;
  }

  hop(): RedirectHop {
    const h: Record<string, unknown> = { url: this.str() };
    const headers = this.any();
    if (headers !== undefined) h.requestHeaders = this.unpack(headers) ?? damaged();
    h.response = this.response() ?? damaged();
    h.location = this.any();
    h.time = this.any();
    this.opt(h, 'followed');
    return h as unknown as RedirectHop;
  }

  preflight(): PreflightRecord {
    const p: Record<string, unknown> = {};
    this.opt(p, 'id');
    p.url = this.any();
    p.requestHeaders = this.list();
    const response = this.response();
    if (response !== undefined) p.response = response;
    this.opt(p, 'error');
    p.start = this.any();
    this.opt(p, 'end');
    return p as unknown as PreflightRecord;
  }
}


/** The exchange a form holds (header lists read by `unpack`), or null when it is not a whole form. */
export function fromExchangeForm(form: readonly unknown[], unpack: (s: unknown) => Header[] | null): Exchange | null {
  try {
    const r = new Reader(form, unpack);
    if (r.any() !== FORM) return null;
    // Checked as an object record is (record.ts): the id and URL strings, the header lists; the rest as stored.
    const x: Record<string, unknown> = { id: r.str() };
    r.opt(x, 'initiator');
    r.opt(x, 'documentUrl');
    x.type = r.any() as ResourceType;
    x.method = r.any();
    x.url = r.str();
    x.requestHeaders = r.list();
    const fin = r.any();
    const response = r.response();
    x.outcome = r.outcome();
    const start = r.any() as number;
    const end = r.any() as number | undefined;
    x.timings = end === undefined ? { start } : { start, end };
    const observer = { browser: r.any(), preflightsVisible: r.any(), fullRequestHeaders: r.any(), source: r.any() };
    x.observer = observer as Observer;
    r.opt(x, 'tabId');
    r.opt(x, 'frameId');
    const redirects: RedirectHop[] = [];
    for (let n = r.count(); n > 0; n--) redirects.push(r.hop());
    x.redirects = redirects;
    const preflights: PreflightRecord[] = [];
    for (let n = r.count(); n > 0; n--) preflights.push(r.preflight());
    x.preflights = preflights;
    if (fin !== undefined) x.finalRequestHeaders = unpack(fin) ?? damaged();
    if (response !== undefined) x.response = response;
    return r.done ? x as unknown as Exchange : null;
  } catch {
    return null;
  }
}
