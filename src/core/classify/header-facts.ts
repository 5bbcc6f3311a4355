/**
 * The facts of a header list: the few headers the classifier asks about, found in one pass
 * (request-scan.ts for a request list, cors-headers.ts for a response list). Every stage reads them
 * instead of searching the list, and they are kept with the list: the capture makes them while the
 * browser's list is fresh in cache (`summarizeRequest`, `summarizeResponse`), and the classifier makes
 * them for any list that has none (a HAR, a stored record, a test, a list it derives after a redirect),
 * so a verdict never depends on who made them.
 *
 * Kept on the list itself, under a symbol of this module and not enumerable: JSON, structured clone
 * (storage, ports), comparisons and copies of a list (`slice`, `map`, `[...list]`, `Object.assign`)
 * leave it behind, so the stored record and the HAR keep their shape and a copy has none. Not a weak map keyed by the list, as `markTyped` keeps its marks:
 * the capture makes a list for every request and response, and adding a new key to a weak map cost
 * about 1 µs each in the worker, more than making the facts (a Chrome request list: 0.5 µs to scan,
 * 2.1 µs to scan and keep in a weak map, 0.7 µs to scan and keep on the list). The maker keeps the
 * promise that a list it summarised does not change afterwards (the capture never changes a list once
 * made). What the classifier makes itself is not kept past the call: nobody promised that list would
 * not change before the next one.
 */
import type { Exchange, Header } from '../model/exchange';
import { eachHeaderList } from '../model/header-lists';
import { corsResponseHeaders, type CorsResponseHeaders } from '../http/cors-headers';
import { scanRequest, type RequestScan } from './request-scan';
import { headerNeed, type HeaderNeed } from './preflight/need';

const REQUEST = Symbol('requestFacts');
const RESPONSE = Symbol('responseFacts');

/** A header list that may carry its facts. */
interface Carrier {
  [REQUEST]?: RequestScan;
  [RESPONSE]?: CorsResponseHeaders;
}

/**
 * Makes and keeps the facts of a request list its maker will not change; returns the list. `forRequest`:
 * the list may be a request's own (not a preflight's), so its preflight need is worked out too.
 */
export function summarizeRequest(list: Header[], forRequest = true): Header[] {
  try {
    if (!Array.isArray(list)) return list;
    const scan = scanRequest(list);
    Object.defineProperty(list, REQUEST, { value: keptRequest(scan, forRequest ? headerNeed(list) : null), configurable: true, writable: true });
  } catch {
    // A frozen list keeps nothing: the classifier makes its facts when it reads it.
  }
  return list;
}

/** Makes and keeps the facts of a response list its maker will not change; returns the list. */
export function summarizeResponse(list: Header[]): Header[] {
  try {
    if (Array.isArray(list)) Object.defineProperty(list, RESPONSE, { value: keptResponse(corsResponseHeaders(list)), configurable: true, writable: true });
  } catch {
    // As above.
  }
  return list;
}

/**
 * Empties the facts the capture kept with the exchange's lists, once it is judged: the classifier runs once
 * per exchange, and a stored exchange would otherwise hold them as long as the log keeps it (about 320 B
 * an exchange of the bench's mix, 16 MB at 50,000). Emptied in place, not deleted: deleting a property of
 * an array takes it off its fast shape, which cost the worker more than the facts saved. Judging the
 * exchange again (one still in flight when the worker stopped) makes them afresh, as for any list without.
 */
export function forgetFacts(ex: Exchange): void {
  eachHeaderList(ex, forget);
}

/** One visitor made once, not a closure per exchange. */
function forget(list: Header[], role: 'request' | 'preflight' | 'response'): void {
  const key = role === 'response' ? RESPONSE : REQUEST;
  if ((list as Carrier)[key] !== undefined) (list as Carrier)[key] = undefined;
}

/*
 * What the capture keeps is a copy made by the literals below, not the objects the scans return. V8
 * decides per literal whether its objects are born in the old generation: when the capture kept the
 * scans' own objects, nearly all of them lived long, so the scans' objects were born old from then on,
 * also the classifier's, which die with the call. A process that had summarised lists then classified
 * lists without facts (a stored record, a HAR) at about 0.6 times the speed of the code before the facts:
 * more major collections, and a write barrier for every string stored into an old object. With the copy
 * the scans' objects always die young, and only these literals' objects are born old.
 */
function keptRequest(f: RequestScan, need: HeaderNeed | null): RequestScan {
  return {
    secFetchMode: f.secFetchMode, origin: f.origin, hasCookie: f.hasCookie, authorization: f.authorization, acrm: f.acrm, acrh: f.acrh,
    chromiumOnly: f.chromiumOnly.length === 0 ? f.chromiumOnly : f.chromiumOnly.slice(), need: need === null ? null : keptNeed(need),
  };
}

function keptNeed(n: HeaderNeed): HeaderNeed {
  // The shared answer for a list that surely needs no preflight is frozen and made once.
  if (Object.isFrozen(n)) return n;
  return {
    simple: n.simple,
    unsafe: n.unsafe.map((u) => ({ lower: u.lower, display: u.display, value: u.value, kind: u.kind })),
    safe: n.safe.slice(),
    total: n.total,
  };
}

function keptResponse(f: CorsResponseHeaders): CorsResponseHeaders {
  return { acao: f.acao, acaoLines: f.acaoLines, acac: f.acac, acam: f.acam, acah: f.acah, maxAge: f.maxAge, location: f.location };
}

/**
 * The facts the classifier made itself during one call, for lists read more than once (the final
 * request's headers, a preflight's response): a few slots, emptied when a call starts.
 */
const SLOTS = 4;
class CallSlots<T> {
  private readonly lists: unknown[] = new Array<unknown>(SLOTS).fill(null);
  private readonly facts: (T | null)[] = new Array<T | null>(SLOTS).fill(null);
  private next = 0;
  /** Slots filled since the last `clear` (a captured exchange's lists carry their facts: usually none). */
  private used = 0;

  clear(): void {
    if (this.used === 0) return;
    this.lists.fill(null);
    this.facts.fill(null);
    this.used = 0;
  }

  get(list: readonly Header[], make: (list: readonly Header[]) => T): T {
    if (this.used > 0) for (let i = 0; i < SLOTS; i++) if (this.lists[i] === list) return this.facts[i]!;
    const made = make(list);
    this.lists[this.next] = list;
    this.facts[this.next] = made;
    this.next = (this.next + 1) % SLOTS;
    this.used++;
    return made;
  }
}
const madeRequests = new CallSlots<RequestScan>();
const madeResponses = new CallSlots<CorsResponseHeaders>();

/** Forgets what the classifier made during the last call (a list may have changed since). */
export function startCall(): void {
  madeRequests.clear();
  madeResponses.clear();
}

const NO_REQUEST: RequestScan = scanRequest(undefined);
const NO_RESPONSE: CorsResponseHeaders = corsResponseHeaders(undefined);

/** The facts of a request list (read only: they may be shared with the list's other readers). */
export function requestFacts(list: readonly Header[] | undefined): Readonly<RequestScan> {
  if (!Array.isArray(list)) return NO_REQUEST;
  const kept = (list as Carrier)[REQUEST];
  return kept !== undefined ? kept : madeRequests.get(list, scanRequest);
}

/**
 * The headers' part of the list's preflight need: kept with the facts when the capture made it, worked
 * out once per call otherwise (kept with facts the classifier made in this call, not with the capture's).
 */
export function headerNeedOf(list: readonly Header[] | undefined): HeaderNeed {
  const facts = requestFacts(list);
  if (facts.need !== null) return facts.need;
  const need = headerNeed(list);
  if (Array.isArray(list) && (list as Carrier)[REQUEST] !== facts && facts !== NO_REQUEST) (facts as RequestScan).need = need;
  return need;
}

/** The facts of a response list (read only, as above). */
export function responseFacts(list: readonly Header[] | undefined): Readonly<CorsResponseHeaders> {
  if (!Array.isArray(list)) return NO_RESPONSE;
  const kept = (list as Carrier)[RESPONSE];
  return kept !== undefined ? kept : madeResponses.get(list, corsResponseHeaders);
}
