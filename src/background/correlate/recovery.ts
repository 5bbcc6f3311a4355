/**
 * Picking up an exchange that was in flight when the worker was stopped: its stored (pending)
 * `Exchange` is turned back into correlator state, for the main request or for one of its open
 * preflights, so that the events that follow complete it instead of being lost.
 */
import type { Exchange } from '../../core/model/exchange';
import type { RequestEvent } from '../capture/event';
import type { OpenPreflight } from './state';
import { keyOf, recoverMainRecord, type MainRecord } from './main-record';
import { preflightMethod } from './preflight-pairing';

/** An in-flight exchange stored before the worker was stopped. */
export interface Recovered {
  exchange: Exchange;
  pageId: string;
  seq: number;
}

export function recoverMain(found: Recovered): MainRecord {
  const main = recoverMainRecord(found.exchange);
  main.pageId = found.pageId;
  main.seq = found.seq;
  main.shown = true;
  return main;
}

/** The open preflight `id` of a recovered main request, or undefined when it has none by that id. */
export function recoverPreflight(main: MainRecord, id: string): OpenPreflight | undefined {
  const pf = main.ex.preflights.find((p) => p.id === id && p.end === undefined);
  if (!pf) return undefined;
  const request: RequestEvent = {
    kind: 'request', id, time: pf.start, url: pf.url, method: 'OPTIONS', type: main.ex.type,
    tabId: main.ex.tabId ?? -1, frameId: main.ex.frameId ?? 0,
    ...(main.ex.initiator !== undefined ? { initiator: main.ex.initiator } : {}),
  };
  return { pf, key: keyOf(main.ex), method: preflightMethod(pf.requestHeaders) ?? main.method, main, request };
}
