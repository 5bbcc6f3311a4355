/**
 * The compact form an exchange takes in storage.session (about a quarter smaller than its JSON):
 * header lists become `[name, value]` pairs and the observer, the same for every exchange a worker
 * records, is stored once (`cl:o`) and only repeated when an exchange's differs. Lossless: `unpack`
 * gives back an equal `Exchange`.
 */
import type { Exchange, Header, Observer, PreflightRecord, RedirectHop, ResponseRecord } from '../core/model';

type Pair = [string, string];
type PackedResponse = Omit<ResponseRecord, 'headers'> & { headers: Pair[] };
type PackedHop = Omit<RedirectHop, 'requestHeaders' | 'response'> & { requestHeaders?: Pair[]; response: PackedResponse };
type PackedPreflight = Omit<PreflightRecord, 'requestHeaders' | 'response'> & { requestHeaders: Pair[]; response?: PackedResponse };

export type PackedExchange = Omit<Exchange, 'requestHeaders' | 'redirects' | 'preflights' | 'response' | 'observer'> & {
  requestHeaders: Pair[];
  redirects: PackedHop[];
  preflights: PackedPreflight[];
  response?: PackedResponse;
  /** Absent when equal to the stored default observer. */
  observer?: Observer;
};

const packH = (h: Header[]): Pair[] => h.map((x) => [x.name, x.value]);
const unpackH = (p: unknown): Header[] => (Array.isArray(p) ? p : []).map((x: unknown) => {
  const [name, value] = Array.isArray(x) ? x : [];
  return { name: String(name ?? ''), value: String(value ?? '') };
});
const packR = (r: ResponseRecord): PackedResponse => ({ ...r, headers: packH(r.headers) });
const unpackR = (r: PackedResponse): ResponseRecord => ({ ...r, headers: unpackH(r.headers) });

const sameObserver = (a: Observer, b: Observer) =>
  a.browser === b.browser && a.preflightsVisible === b.preflightsVisible && a.fullRequestHeaders === b.fullRequestHeaders &&
  a.source === b.source;

export function pack(ex: Exchange, defaultObserver: Observer): PackedExchange {
  const { observer, response, ...rest } = ex;
  const out: PackedExchange = {
    ...rest,
    requestHeaders: packH(ex.requestHeaders),
    redirects: ex.redirects.map((h) => {
      const hop: PackedHop = { ...h, response: packR(h.response) } as PackedHop;
      if (h.requestHeaders) hop.requestHeaders = packH(h.requestHeaders);
      return hop;
    }),
    preflights: ex.preflights.map((p) => {
      const pf: PackedPreflight = { ...p, requestHeaders: packH(p.requestHeaders) } as PackedPreflight;
      if (p.response) pf.response = packR(p.response);
      return pf;
    }),
  };
  if (response) out.response = packR(response);
  if (!sameObserver(observer, defaultObserver)) out.observer = observer;
  return out;
}

export function unpack(p: PackedExchange, defaultObserver: Observer): Exchange {
  const { observer, response, ...rest } = p;
  const ex: Exchange = {
    ...rest,
    observer: observer ?? defaultObserver,
    requestHeaders: unpackH(p.requestHeaders),
    redirects: (p.redirects ?? []).map((h) => {
      const hop: RedirectHop = { ...h, response: unpackR(h.response) } as RedirectHop;
      if (h.requestHeaders) hop.requestHeaders = unpackH(h.requestHeaders);
      return hop;
    }),
    preflights: (p.preflights ?? []).map((x) => {
      const pf: PreflightRecord = { ...x, requestHeaders: unpackH(x.requestHeaders) } as PreflightRecord;
      if (x.response) pf.response = unpackR(x.response);
      return pf;
    }),
  } as Exchange;
  if (response) ex.response = unpackR(response);
  return ex;
}
